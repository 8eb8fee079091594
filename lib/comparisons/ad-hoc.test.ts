import { describe, expect, it } from "vitest";
import { toolScores } from "@/lib/scores";
import { adHocComparisonSlug, adHocIntro } from "./ad-hoc";

const tool = (name: string, panelShip: number, panelTotal: number, communityShip = 0, communityTotal = 0) => ({
  name,
  scores: toolScores({ panelShip, panelTotal, communityShip, communityTotal }),
});

describe("ad-hoc comparisons", () => {
  it("put the two slugs in alphabetical order, whichever way they are asked for", () => {
    expect(adHocComparisonSlug("whisper", "claude-4-sonnet")).toBe("claude-4-sonnet-vs-whisper");
    expect(adHocComparisonSlug("claude-4-sonnet", "whisper")).toBe("claude-4-sonnet-vs-whisper");
  });

  it("write the intro from the panel figures and the number of reviewers who split", () => {
    const intro = adHocIntro(tool("Alpha", 3, 4), tool("Beta", 1, 4), [{ differs: true }, { differs: true }, { differs: false }]);
    expect(intro).toContain("3 of 4 reviewers ship Alpha");
    expect(intro).toContain("1 of 4 reviewers ship Beta");
    expect(intro).toContain("2 reviewers make a different call");
    expect(intro).not.toContain("community disagrees");
  });

  it("say when a tool has no verdicts and when the community disagrees with the panel", () => {
    const intro = adHocIntro(tool("Alpha", 0, 0), tool("Beta", 4, 4, 1, 10), [{ differs: false }]);
    expect(intro).toContain("Alpha has no published verdicts yet");
    expect(intro).toContain("On Beta the community disagrees with the panel.");
    expect(intro).not.toContain("different call");
  });
});
