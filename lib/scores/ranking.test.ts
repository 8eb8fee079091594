import { describe, expect, it } from "vitest";
import { rankKeys, rankTools, type Rankable } from "./ranking";

const tool = (name: string, community: [number, number], panel: [number, number], newest = "2025-01-01", relevance?: number): Rankable => ({
  id: name.toLowerCase(),
  name,
  community: { ship: community[0], total: community[1] },
  panel: { ship: panel[0], total: panel[1] },
  newestAt: new Date(newest),
  relevance,
});

// Hand-computed (z = 1.96, prior weight 10):
//   site mean = (2 + 90 + 9 + 0 + 40) / (2 + 100 + 10 + 0 + 50) = 141 / 162 = 0.870370
//   Wilson lower bound: 2/2 → 0.342372, 90/100 → 0.825633, 9/10 → 0.595844, 40/50 → 0.669626, 0/0 → 0
//   Bayesian (ship + 10·mean) / (total + 10): 2/2 → 0.891975, 90/100 → 0.897306,
//     9/10 → 0.885185, 0/0 → 0.870370, 40/50 → 0.811728
const alpha = tool("Alpha", [2, 2], [4, 4], "2025-03-01");
const bravo = tool("Bravo", [90, 100], [2, 4], "2024-06-01");
const charlie = tool("Charlie", [9, 10], [3, 4], "2025-05-01");
const delta = tool("Delta", [0, 0], [0, 0], "2025-09-01");
const echo = tool("Echo", [40, 50], [1, 4], "2023-01-01");
const all = [delta, echo, alpha, charlie, bravo];
const names = (sort: Parameters<typeof rankTools>[1], tools = all) => rankTools(tools, sort).map((t) => t.name);

describe("ranking keys", () => {
  it("match the hand-computed Wilson and Bayesian values", () => {
    const prior = { mean: 141 / 162, weight: 10 };
    expect(rankKeys(alpha, prior).community).toBeCloseTo(0.342372, 5);
    expect(rankKeys(bravo, prior).community).toBeCloseTo(0.825633, 5);
    expect(rankKeys(echo, prior).community).toBeCloseTo(0.669626, 5);
    expect(rankKeys(alpha, prior).overall).toBeCloseTo(0.891975, 5);
    expect(rankKeys(bravo, prior).overall).toBeCloseTo(0.897306, 5);
    expect(rankKeys(delta, prior).overall).toBeCloseTo(0.87037, 5);
    expect(rankKeys(delta, prior).panel).toBe(-1);
  });
});

describe("rankTools", () => {
  it("ranks community by the Wilson lower bound: 2 of 2 sits below 90 of 100 and 40 of 50", () => {
    expect(names("community")).toEqual(["Bravo", "Echo", "Charlie", "Alpha", "Delta"]);
  });

  it("ranks overall by the Bayesian average, shrinking thin counts toward the site mean", () => {
    expect(names("overall")).toEqual(["Bravo", "Alpha", "Charlie", "Delta", "Echo"]);
  });

  it("ranks by panel share with unreviewed tools last, and by date for newest", () => {
    expect(names("panel")).toEqual(["Alpha", "Charlie", "Bravo", "Echo", "Delta"]);
    expect(names("newest")).toEqual(["Delta", "Charlie", "Alpha", "Bravo", "Echo"]);
    expect(names("name")).toEqual(["Alpha", "Bravo", "Charlie", "Delta", "Echo"]);
  });

  it("orders by relevance when searching, then overall", () => {
    const found = [tool("Low", [0, 0], [0, 0], "2025-01-01", 0.2), tool("High", [0, 0], [0, 0], "2025-01-01", 0.9), tool("Tie", [5, 5], [0, 0], "2025-01-01", 0.2)];
    expect(rankTools(found, "relevance").map((t) => t.name)).toEqual(["High", "Tie", "Low"]);
  });

  it("gives a total order, so equal figures fall back to name and input order never matters", () => {
    const twins = [tool("Zed", [0, 0], [0, 0]), tool("Ann", [0, 0], [0, 0]), tool("Mid", [0, 0], [0, 0])];
    for (const sort of ["overall", "community", "panel", "newest"] as const) {
      expect(rankTools(twins, sort).map((t) => t.name)).toEqual(["Ann", "Mid", "Zed"]);
      expect(rankTools([...twins].reverse(), sort).map((t) => t.name)).toEqual(["Ann", "Mid", "Zed"]);
    }
  });

  it("takes the prior's mean from the whole population, not only the matches", () => {
    // Alone, Alpha's prior would be its own 100 %; against a sceptical population it shrinks.
    const [alone] = rankTools([alpha], "overall");
    const [shrunk] = rankTools([alpha], "overall", [{ ship: 0, total: 100 }]);
    expect(alone!.rank.overall).toBeCloseTo(1, 10);
    expect(shrunk!.rank.overall).toBeCloseTo(2 / 12, 10);
  });
});
