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
//   Overall, (ship + 10·prior) / (total + 10) with prior = the tool's panel share (the site mean
//   without verdicts): Alpha 2/2, panel 4/4 → 1; Bravo 90/100, panel 2/4 → 0.863636;
//   Charlie 9/10, panel 3/4 → 0.825; Delta 0/0, no verdicts → 0.870370; Echo 40/50, panel 1/4 → 0.708333
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
    expect(rankKeys(alpha, prior).overall).toBeCloseTo(1, 5);
    expect(rankKeys(bravo, prior).overall).toBeCloseTo(0.863636, 5);
    expect(rankKeys(charlie, prior).overall).toBeCloseTo(0.825, 5);
    expect(rankKeys(delta, prior).overall).toBeCloseTo(0.87037, 5);
    expect(rankKeys(echo, prior).overall).toBeCloseTo(0.708333, 5);
    expect(rankKeys(delta, prior).panel).toBe(-1);
  });
});

describe("rankTools", () => {
  it("ranks community by the Wilson lower bound: 2 of 2 sits below 90 of 100 and 40 of 50", () => {
    expect(names("community")).toEqual(["Bravo", "Echo", "Charlie", "Alpha", "Delta"]);
  });

  it("ranks overall by the community share shrunk toward the tool's panel share (the site mean without verdicts)", () => {
    expect(names("overall")).toEqual(["Alpha", "Delta", "Bravo", "Charlie", "Echo"]);
  });

  it("with no votes follows the panel, and one vote cannot lift a tool past tools the panel rates higher", () => {
    const quiet = [tool("Top", [0, 0], [4, 4]), tool("High", [0, 0], [3, 4]), tool("Mid", [0, 0], [2, 4]), tool("Low", [0, 0], [1, 4]), tool("Also low", [0, 0], [1, 4])];
    expect(rankTools(quiet, "overall").map((t) => t.name)).toEqual(["Top", "High", "Mid", "Also low", "Low"]);
    const oneVote = quiet.map((t) => (t.name === "Low" ? { ...t, community: { ship: 1, total: 1 } } : t));
    // "Low" passes its equal ("Also low"), and no one the panel rates higher.
    expect(rankTools(oneVote, "overall").map((t) => t.name)).toEqual(["Top", "High", "Mid", "Low", "Also low"]);
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
    // A tool without verdicts: alone, its prior would be its own 100 %; against a sceptical population it shrinks.
    const unreviewed = tool("Foxtrot", [2, 2], [0, 0]);
    const [alone] = rankTools([unreviewed], "overall");
    const [shrunk] = rankTools([unreviewed], "overall", [{ ship: 0, total: 100 }]);
    expect(alone!.rank.overall).toBeCloseTo(1, 10);
    expect(shrunk!.rank.overall).toBeCloseTo(2 / 12, 10);
  });
});
