import { describe, expect, it } from "vitest";
import { toolDirectoryParamsSchema } from "./schema";
import { directoryHref } from "./directory-url";

describe("directory URLs", () => {
  it("leave defaults out and keep a fixed order, so one view has one URL", () => {
    expect(directoryHref({})).toBe("/tools");
    expect(directoryHref({ page: 1 })).toBe("/tools");
    expect(directoryHref({ sort: "panel", q: "code editor", page: 2, category: "coding-assistants" })).toBe(
      "/tools?q=code+editor&category=coding-assistants&sort=panel&page=2",
    );
  });

  it("round-trip through the page's parameter schema", () => {
    const view = { q: "whisper & co", category: "speech-audio", pricing: "open-weights", sort: "community", page: 3 } as const;
    const url = new URL(directoryHref(view), "http://x");
    expect(toolDirectoryParamsSchema.parse(Object.fromEntries(url.searchParams))).toEqual(view);
  });

  it("read a broken link leniently: bad parts fall back to defaults, good parts stay", () => {
    expect(toolDirectoryParamsSchema.parse({ q: "  cursor  ", category: "Not A Slug", pricing: "cheap", sort: "best", page: "-4" })).toEqual({
      q: "cursor",
      page: 1,
    });
    expect(toolDirectoryParamsSchema.parse({ q: "x".repeat(500) })).toEqual({ page: 1 });
    expect(toolDirectoryParamsSchema.parse({ q: ["a", "b"] })).toEqual({ page: 1 });
  });
});
