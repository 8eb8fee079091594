import { describe, expect, it } from "vitest";
import { sortCaption, THIN_SITE_VOTES } from "./sort-caption";

describe("the directory's sort caption", () => {
  it("says the panel decides the overall order while no reader has voted", () => {
    expect(sortCaption("overall", 0)).toBe("No reader has voted yet, so this follows the panel's share until votes arrive.");
  });

  it("counts the votes while there are too few to decide the overall order", () => {
    expect(sortCaption("overall", 1)).toBe("Readers have cast only 1 vote so far: the panel's share decides most of this order until more arrive.");
    expect(sortCaption("overall", 7)).toBe("Readers have cast only 7 votes so far: the panel's share decides most of this order until more arrive.");
    expect(sortCaption("overall", THIN_SITE_VOTES - 1)).toContain(`only ${THIN_SITE_VOTES - 1} votes`);
  });

  it("names the Bayesian average once readers have voted enough", () => {
    for (const votes of [THIN_SITE_VOTES, 10_000]) {
      expect(sortCaption("overall", votes)).toBe("Community ship share, with thin vote counts pulled toward the panel's share (a Bayesian average).");
    }
  });

  it("explains the other orders whatever the vote count", () => {
    for (const votes of [0, 3, THIN_SITE_VOTES]) {
      expect(sortCaption("panel", votes)).toBe("Share of the panel's published verdicts that say ship.");
      expect(sortCaption("community", votes)).toContain("Wilson interval");
      expect(sortCaption("relevance", votes)).toBe("Closest matches to your search first.");
    }
  });
});
