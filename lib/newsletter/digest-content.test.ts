import { describe, expect, it } from "vitest";
import { digestText, moversByVotesCast, moversSinceSnapshot, verdictChangeLabel, type DigestContent } from "./digest-content";

const url = (slug: string) => `https://example.test/tools/${slug}`;
const tool = (id: string, ship: number, total: number) => ({ id, slug: id, name: id.toUpperCase(), ship, total });

describe("digest movers", () => {
  it("rank by change in ship share among tools with enough votes, then by votes; unmoved tools are left out", () => {
    const previous = { tools: [tool("a", 5, 10), tool("b", 5, 10), tool("c", 1, 2), tool("d", 3, 3)] };
    const movers = moversSinceSnapshot([tool("a", 9, 14), tool("b", 5, 30), tool("c", 4, 4), tool("d", 3, 3), tool("e", 1, 1)], previous, url);
    expect(movers.map((m) => [m.slug, m.change])).toEqual([
      ["b", "+20 votes · ship 50% → 17%"],
      ["a", "+4 votes · ship 50% → 64%"],
      ["c", "+2 votes"],
      ["e", "+1 vote"],
    ]);
    // Two votes or four: no percentage is shown as if it meant something.
    expect(movers.find((m) => m.slug === "c")?.community).toBe("too few votes");
    expect(movers[1]).toMatchObject({ url: "https://example.test/tools/a", community: "64% ship", votes: "14 votes" });
  });

  it("without an earlier digest, list the tools with the most votes this week", () => {
    const movers = moversByVotesCast([{ ...tool("x", 1, 1), votesInWindow: 1 }, { ...tool("y", 6, 8), votesInWindow: 5 }, { ...tool("z", 0, 0), votesInWindow: 0 }], url);
    expect(movers.map((m) => [m.slug, m.change])).toEqual([
      ["y", "5 votes this week"],
      ["x", "1 vote this week"],
    ]);
  });
});

describe("digest text", () => {
  it("names verdict changes and ends with the unsubscribe link", () => {
    expect(verdictChangeLabel({ from: null, to: "SHIP" })).toBe("new verdict: ship");
    expect(verdictChangeLabel({ from: "SHIP", to: "SKIP" })).toBe("changed ship → skip");
    expect(verdictChangeLabel({ from: "SKIP", to: "SKIP" })).toBe("revised, still skip");
    const content: DigestContent = {
      periodStart: new Date("2026-11-17T00:00:00Z"),
      periodEnd: new Date("2026-11-24T00:00:00Z"),
      newComparisons: [{ slug: "a-vs-b", title: "A vs B", headline: "Head", url: "https://example.test/compare/a-vs-b" }],
      changedComparisons: [],
      verdictChanges: [],
      movers: [],
      moversBasis: "votes-this-week",
    };
    const text = digestText(content, { name: "Digest", siteUrl: "https://example.test/", unsubscribeUrl: "https://example.test/u?token=t" });
    expect(text).toContain("17 Nov 2026 – 24 Nov 2026");
    expect(text).toContain("* A vs B — Head\n  https://example.test/compare/a-vs-b");
    expect(text).not.toContain("Verdict changes");
    expect(text.trimEnd().endsWith("https://example.test/u?token=t")).toBe(true);
  });
});
