import { describe, expect, it } from "vitest";
import { addPick, comparisonHref, removePick } from "./compare-picks";

const cursor = { slug: "cursor", name: "Cursor" };
const aider = { slug: "aider", name: "Aider" };
const whisper = { slug: "whisper", name: "Whisper" };

describe("the directory's compare picks", () => {
  it("keeps the tools in the order they were ticked, once each", () => {
    expect(addPick([], cursor)).toEqual({ picks: [cursor], refused: null });
    expect(addPick([cursor], aider)).toEqual({ picks: [cursor, aider], refused: null });
    expect(addPick([cursor], cursor)).toEqual({ picks: [cursor], refused: null });
  });

  it("refuses a third tool and keeps the two picked", () => {
    expect(addPick([cursor, aider], whisper)).toEqual({ picks: [cursor, aider], refused: whisper });
  });

  it("unticking removes only that tool", () => {
    expect(removePick([cursor, aider], "cursor")).toEqual([aider]);
    expect(removePick([cursor], "whisper")).toEqual([cursor]);
  });

  it("links a pair at its alphabetical comparison slug, whichever was ticked first", () => {
    expect(comparisonHref("cursor", "aider")).toBe("/compare/aider-vs-cursor");
    expect(comparisonHref("aider", "cursor")).toBe("/compare/aider-vs-cursor");
  });

  it("links a curated pair at its own slug, in whichever order the editors wrote it", () => {
    const curated = ["github-copilot-vs-cursor", "aider-vs-whisper"];
    expect(comparisonHref("cursor", "github-copilot", curated)).toBe("/compare/github-copilot-vs-cursor");
    expect(comparisonHref("github-copilot", "cursor", curated)).toBe("/compare/github-copilot-vs-cursor");
    expect(comparisonHref("cursor", "aider", curated)).toBe("/compare/aider-vs-cursor");
  });
});
