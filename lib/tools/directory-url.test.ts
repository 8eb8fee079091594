import { describe, expect, it } from "vitest";
import { toolDirectoryParamsSchema } from "./schema";
import { directoryHref, isCanonicalDirectoryQuery } from "./directory-url";

describe("directory URLs", () => {
  it("leave defaults out and keep a fixed order, so one view has one URL", () => {
    expect(directoryHref({})).toBe("/tools");
    expect(directoryHref({ page: 1 })).toBe("/tools");
    expect(directoryHref({ sort: "panel", q: "code editor", page: 2, category: "coding-assistants" })).toBe(
      "/tools?q=code+editor&category=coding-assistants&sort=panel&page=2",
    );
    expect(directoryHref({ sort: "overall" })).toBe("/tools");
    expect(directoryHref({ sort: "relevance", q: "x" })).toBe("/tools?q=x");
    expect(directoryHref({ sort: "overall", q: "x" })).toBe("/tools?q=x&sort=overall");
    expect(directoryHref({ sort: "relevance" })).toBe("/tools");
  });

  it("tell a submitted form's query (empty fields, default sort) from the canonical one", () => {
    const form = { q: "cursr", category: "", pricing: "", sort: "" };
    const params = toolDirectoryParamsSchema.parse(form);
    expect(isCanonicalDirectoryQuery(form, params)).toBe(false);
    expect(directoryHref(params)).toBe("/tools?q=cursr");
    expect(isCanonicalDirectoryQuery({ q: "cursr" }, params)).toBe(true);
    expect(isCanonicalDirectoryQuery({}, toolDirectoryParamsSchema.parse({}))).toBe(true);
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
