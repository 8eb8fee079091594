import { describe, expect, it } from "vitest";
import { explain } from "./refused-pair";

const tools = [
  { slug: "cursor", name: "Cursor" },
  { slug: "aider", name: "Aider" },
];

describe("naming what cannot be compared", () => {
  it("names the unknown tool, or both", () => {
    expect(explain("/compare/cursor-vs-cluade", tools)).toBe("“cluade” is not in the directory (or it was archived).");
    expect(explain("/compare/foo-vs-bar", tools)).toBe("Neither “foo” nor “bar” is in the directory (or they were archived).");
  });
  it("says when it is one tool twice", () => {
    expect(explain("/compare/cursor-vs-cursor", tools)).toBe("That is Cursor twice: pick a second tool to compare it with.");
  });
  it("says what an address of a pair looks like", () => {
    expect(explain("/compare/cursor", tools)).toContain("is not two tools");
  });
  it("says nothing for a listed pair, another page, or an address that does not decode", () => {
    expect(explain("/compare/cursor-vs-aider", tools)).toBeNull();
    expect(explain("/tools/cursor", tools)).toBeNull();
    expect(explain("/compare/%E0%A4%A", tools)).toBeNull();
  });
  it("keeps a long address short", () => {
    expect(explain(`/compare/cursor-vs-${"x".repeat(90)}`, tools)).toMatch(/^“x{57}…” is not in the directory/);
  });
});
