import { describe, expect, it } from "vitest";
import { comparisonSlugsOf, isReaderVisit, PairVisitCounter, utcDay } from "./visits";

const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";

describe("which addresses are comparison pages", () => {
  it("reads the slugs of /compare/<a>-vs-<b> in the address's order, with or without a query", () => {
    expect(comparisonSlugsOf("/compare/gpt-4o-vs-gemini-2-5-pro")).toEqual(["gpt-4o", "gemini-2-5-pro"]);
    expect(comparisonSlugsOf("/compare/claude-4-sonnet-vs-gpt-4o?_rsc=abc12")).toEqual(["claude-4-sonnet", "gpt-4o"]);
  });

  it("is null for every other address", () => {
    for (const url of [
      "/compare",
      "/compare/",
      "/compare?a=x&b=y",
      "/compare/cursor",
      "/compare/cursor-vs-cursor",
      "/compare/a-vs-b-vs-c",
      "/compare/a-vs-b/opengraph-image",
      "/compare/Cursor-vs-aider",
      "/compare/a%20b-vs-c",
      "/tools/cursor",
      "/api/comparisons/a-vs-b",
      `/compare/${"a".repeat(81)}-vs-b`,
    ]) {
      expect(comparisonSlugsOf(url), url).toBeNull();
    }
  });
});

describe("which requests are a reader's visit", () => {
  it("a browser's GET, as a page load or a client-router navigation", () => {
    expect(isReaderVisit("GET", { "user-agent": BROWSER })).toBe(true);
    expect(isReaderVisit("GET", { "user-agent": BROWSER, rsc: "1", "next-router-state-tree": "%5B%5D" })).toBe(true);
  });

  it("not a HEAD or a POST, a router prefetch, a browser's speculative load, a crawler or a request without a user agent", () => {
    expect(isReaderVisit("HEAD", { "user-agent": BROWSER })).toBe(false);
    expect(isReaderVisit("POST", { "user-agent": BROWSER })).toBe(false);
    expect(isReaderVisit("GET", { "user-agent": BROWSER, rsc: "1", "next-router-prefetch": "1" })).toBe(false);
    expect(isReaderVisit("GET", { "user-agent": BROWSER, rsc: "1", "next-router-segment-prefetch": "/_tree" })).toBe(false);
    expect(isReaderVisit("GET", { "user-agent": BROWSER, "sec-purpose": "prefetch;prerender" })).toBe(false);
    expect(isReaderVisit("GET", { "user-agent": BROWSER, purpose: "prefetch" })).toBe(false);
    for (const agent of ["Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", "facebookexternalhit/1.1", "curl/8.5.0", "Slackbot-LinkExpanding 1.0"]) {
      expect(isReaderVisit("GET", { "user-agent": agent }), agent).toBe(false);
    }
    expect(isReaderVisit("GET", {})).toBe(false);
  });
});

describe("a node's pending counts", () => {
  it("adds visits per day and pair, and hands them over once", () => {
    const counter = new PairVisitCounter();
    for (let i = 0; i < 3; i++) counter.add("2026-12-04", "a", "b");
    counter.add("2026-12-04", "a", "c");
    counter.add("2026-12-05", "a", "b", 2);
    expect(counter.take()).toEqual({
      batch: [
        { day: "2026-12-04", a: "a", b: "b", visits: 3 },
        { day: "2026-12-04", a: "a", b: "c", visits: 1 },
        { day: "2026-12-05", a: "a", b: "b", visits: 2 },
      ],
      dropped: 0,
    });
    expect(counter.take()).toEqual({ batch: [], dropped: 0 });
  });

  it("holds at most maxPairs entries: further pairs are dropped and counted as dropped, known pairs still add", () => {
    const counter = new PairVisitCounter(2);
    expect(counter.add("d", "a", "b")).toBe(true);
    expect(counter.add("d", "a", "c")).toBe(true);
    expect(counter.add("d", "a", "z")).toBe(false);
    expect(counter.add("d", "a", "b")).toBe(true);
    expect(counter.size).toBe(2);
    const { batch, dropped } = counter.take();
    expect(dropped).toBe(1);
    expect(batch.find((row) => row.b === "b")?.visits).toBe(2);
  });

  it("takes back a batch that could not be written, merged with what came since", () => {
    const counter = new PairVisitCounter();
    counter.add("d", "a", "b", 4);
    const { batch } = counter.take();
    counter.add("d", "a", "b");
    counter.restore(batch);
    expect(counter.take().batch).toEqual([{ day: "d", a: "a", b: "b", visits: 5 }]);
  });

  it("names days in UTC", () => {
    expect(utcDay(new Date("2026-12-04T23:59:59.999-01:00"))).toBe("2026-12-05");
  });
});
