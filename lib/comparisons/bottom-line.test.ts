import { describe, expect, it } from "vitest";
import { toolScores } from "@/lib/scores";
import { generatedBottomLine, splitSummary } from "./bottom-line";

const tool = (name: string, panelShip: number, panelTotal: number, entryPrice: string | null = "Free", pricingModel: "FREE" | "PAID" = "FREE") => ({
  name,
  entryPrice,
  pricingModel,
  scores: toolScores({ panelShip, panelTotal, communityShip: 0, communityTotal: 0 }),
});
const row = (name: string, a: "SHIP" | "SKIP" | null, b: "SHIP" | "SKIP" | null) => ({
  reviewer: { name },
  a: a ? { decision: a } : null,
  b: b ? { decision: b } : null,
  differs: a !== null && b !== null && a !== b,
});

describe("the generated bottom line", () => {
  it("says which way the panel leans, in counts, names who splits, and reads the pricing", () => {
    const lines = generatedBottomLine(tool("Alpha", 4, 4, "$20/mo", "PAID"), tool("Beta", 3, 4), [
      row("Ada Quinn", "SHIP", "SHIP"),
      row("Bo Reyes", "SHIP", "SKIP"),
      row("Cy Park", "SHIP", "SHIP"),
      row("Di Moss", "SHIP", "SHIP"),
    ]);
    expect(lines).toEqual([
      "The panel leans Alpha: 4 of 4 ship, against 3 of 4 ship for Beta.",
      "Bo Reyes ships Alpha and skips Beta.",
      "Alpha starts at $20/mo, Beta at Free; Alpha is paid, Beta is free.",
    ]);
  });

  it("says when the panel rates them alike, when one has no verdicts, and when neither has", () => {
    expect(generatedBottomLine(tool("Alpha", 2, 4), tool("Beta", 1, 2), [])[0]).toBe("The panel rates them alike: 2 of 4 ship for Alpha, 1 of 2 ship for Beta.");
    expect(generatedBottomLine(tool("Alpha", 0, 0), tool("Beta", 1, 2), [])[0]).toBe("Only Beta has panel verdicts so far (1 of 2 ship); Alpha has none yet.");
    expect(generatedBottomLine(tool("Alpha", 0, 0), tool("Beta", 0, 0), [])[0]).toBe("Neither tool has a published panel verdict yet.");
  });

  it("names at most two reviewers who split, and counts the rest", () => {
    const split = [row("A", "SHIP", "SKIP"), row("B", "SKIP", "SHIP"), row("C", "SHIP", "SKIP")];
    const lines = generatedBottomLine(tool("Alpha", 2, 3), tool("Beta", 1, 3), split);
    expect(lines.slice(1, 4)).toEqual(["A ships Alpha and skips Beta.", "B ships Beta and skips Alpha.", "One more reviewer splits on the pair."]);
  });

  it("summarises the split as the share image does", () => {
    expect(splitSummary([row("A", "SHIP", "SKIP"), row("B", "SHIP", "SHIP"), row("C", "SHIP", null)])).toBe("Reviewers split on 1 of 2");
    expect(splitSummary([row("A", "SHIP", "SHIP")])).toBe("All 1 reviewers make the same call on both");
    expect(splitSummary([row("A", "SHIP", null)])).toBe("No reviewer has a published verdict on both tools yet");
  });
});
