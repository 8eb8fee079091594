import { describe, expect, it } from "vitest";
import { editDistance, filterTools, foldName } from "./name-filter";

const tools = [
  { slug: "aider", name: "Aider", vendor: "Aider AI" },
  { slug: "claude-4-sonnet", name: "Claude 4 Sonnet", vendor: "Anthropic" },
  { slug: "cline", name: "Cline", vendor: "Cline Bot Inc." },
  { slug: "cursor", name: "Cursor", vendor: "Anysphere" },
  { slug: "github-copilot", name: "GitHub Copilot", vendor: "GitHub" },
  { slug: "midjourney", name: "Midjourney", vendor: "Midjourney, Inc." },
  { slug: "cafe-bot", name: "Café-Bot", vendor: "Société Générale" },
  { slug: "whisper", name: "Whisper", vendor: "OpenAI" },
];
const slugs = (typed: string) => filterTools(tools, typed).map((tool) => tool.slug);

describe("folding a name for comparison", () => {
  it("drops case, accents and punctuation, keeping one space between words", () => {
    expect(foldName("  Café-Bot 2.0 ")).toBe("cafe bot 2 0");
    expect(foldName("SOCIÉTÉ")).toBe("societe");
  });
});

describe("the edit distance", () => {
  it("counts inserts, deletes, replacements and a swap of neighbours as one edit each", () => {
    expect(editDistance("cursor", "cursor")).toBe(0);
    expect(editDistance("cursr", "cursor")).toBe(1);
    expect(editDistance("cursoor", "cursor")).toBe(1);
    expect(editDistance("cursar", "cursor")).toBe(1);
    expect(editDistance("curosr", "cursor")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });
  it("stops early once past the limit", () => {
    expect(editDistance("abcdef", "uvwxyz", 2)).toBe(3);
    expect(editDistance("a", "abcdef", 2)).toBe(3);
  });
});

describe("filtering the picker's tools", () => {
  it("keeps every tool, in order, for blank text", () => {
    expect(slugs("")).toEqual(tools.map((tool) => tool.slug));
    expect(slugs("   ")).toEqual(tools.map((tool) => tool.slug));
  });

  it("matches part of a name whatever its case", () => {
    expect(slugs("CLAU")).toEqual(["claude-4-sonnet"]);
    expect(slugs("sonnet")).toEqual(["claude-4-sonnet"]);
    expect(slugs("opilo")).toEqual(["github-copilot"]);
  });

  it("ignores accents and punctuation both ways", () => {
    expect(slugs("cafe bot")).toEqual(["cafe-bot"]);
    expect(slugs("CAFÉBOT")).toEqual(["cafe-bot"]);
    expect(slugs("mid journey")).toEqual(["midjourney"]);
  });

  it("matches the vendor's name, after the names", () => {
    expect(slugs("anthropic")).toEqual(["claude-4-sonnet"]);
    expect(slugs("societe")).toEqual(["cafe-bot"]);
    expect(slugs("openai")).toEqual(["whisper"]);
  });

  it("ranks a name that starts with the text, then a word that does, then any part, then vendors", () => {
    const ranked = [
      { slug: "vendor-only", name: "Zeta", vendor: "Co Labs" },
      { slug: "inside", name: "Lacoa" },
      { slug: "word", name: "Big Co" },
      { slug: "prefix", name: "Copilot" },
    ];
    expect(filterTools(ranked, "co").map((tool) => tool.slug)).toEqual(["prefix", "word", "inside", "vendor-only"]);
  });

  it("finds a name with a typo when nothing matches exactly", () => {
    expect(slugs("cursr")).toEqual(["cursor"]);
    expect(slugs("midjurney")).toEqual(["midjourney"]);
    expect(slugs("whipser")).toEqual(["whisper"]);
    expect(slugs("sonet")).toEqual(["claude-4-sonnet"]);
  });

  it("allows no typo in short text, and finds nothing for text unlike any name", () => {
    expect(slugs("cux")).toEqual([]);
    expect(slugs("qzxwvjk")).toEqual([]);
  });

  it("does not fall back to typos when something matches exactly", () => {
    // "cline" is a name; "claude"-like typo matches are not mixed in.
    expect(slugs("cline")).toEqual(["cline"]);
  });
});
