import { describe, expect, it } from "vitest";
import { CHANNELS, type ContentChange } from "@/lib/db-events/channels";
import type { DatabaseEvents } from "@/lib/db-events/listener";
import { invalidateContent, keepInStep } from "./invalidation";
import { ALL_TOOLS, PageCache, toolTag } from "./store";

/** A hearing cache holding a comparison of a and b, one of c and d, a's tool page and a list page. */
async function filled() {
  const cache = new PageCache({ maxBytes: 1_000_000, ttlMs: 60_000 });
  cache.setHearing(true);
  const put = (key: string, tags: string[]) =>
    cache.getOrFill(key, async () => ({ status: 200, headers: [], body: Buffer.from(key), scriptHashes: [], tags, storedAt: 0, cacheable: true }));
  await put("/compare/a-vs-b", [toolTag("a"), toolTag("b")]);
  await put("/compare/c-vs-d", [toolTag("c"), toolTag("d")]);
  await put("/tools/a", [ALL_TOOLS]);
  await put("/tools", [ALL_TOOLS]);
  return cache;
}

const kept = (cache: PageCache) => ["/compare/a-vs-b", "/compare/c-vs-d", "/tools/a", "/tools"].filter((key) => cache.get(key));

describe("what a staff edit drops from the page cache", () => {
  const cases: [ContentChange, string[]][] = [
    // A tool's pages, and every page listing tools; comparisons of other tools stay.
    [{ kind: "tool", slugs: ["a"] }, ["/compare/c-vs-d"]],
    [{ kind: "tool", slugs: ["x", "d"] }, ["/compare/a-vs-b"]],
    [{ kind: "verdict", tool: "b" }, ["/compare/c-vs-d"]],
    // A moderator hid a reason on c: its pages go at once (not after the figures' refresh window).
    [{ kind: "reasons", tool: "c" }, ["/compare/a-vs-b"]],
    [{ kind: "comparison", tools: ["c", "d"] }, ["/compare/a-vs-b"]],
    // A reviewer is on every comparison; site-wide copy on every page.
    [{ kind: "reviewer" }, []],
    [{ kind: "site" }, []],
  ];
  for (const [change, left] of cases) {
    it(`${JSON.stringify(change)} leaves ${left.join(", ") || "nothing"}`, async () => {
      const cache = await filled();
      expect(kept(cache)).toHaveLength(4);
      invalidateContent(cache, change);
      expect(kept(cache)).toEqual(left);
    });
  }
});

describe("what a reader's vote or reason does to the page cache", () => {
  it("a vote (tool_stats) or a reason (reasons_changed) makes the tool's pages stale, refreshed by the next request after the refresh window; other comparisons stay hits", async () => {
    let now = 0;
    const cache = new PageCache({ maxBytes: 1_000_000, ttlMs: 600_000, figureRefreshMs: 1_000, now: () => now });
    const handlers = new Map<string, (payload: { slug: string }) => void>();
    const events = {
      subscribe: (channel: string, handler: (payload: { slug: string }) => void) => {
        handlers.set(channel, handler);
        return () => undefined;
      },
      onResync: () => () => undefined,
      onHearing: () => () => undefined,
      hearing: true,
    } as unknown as DatabaseEvents;
    keepInStep(cache, events);
    let renders = 0;
    const render = (tags: string[]) => async () => {
      renders++;
      return { status: 200, headers: [], body: Buffer.from("page"), scriptHashes: [], tags, storedAt: now, cacheable: true };
    };
    const ab = render([toolTag("a"), toolTag("b")]);
    const cd = render([toolTag("c"), toolTag("d")]);
    for (const [channel, payload] of [
      [CHANNELS.toolStats, { slug: "a" }],
      [CHANNELS.reasons, { slug: "a" }],
    ] as const) {
      await cache.getOrFill(`/compare/a-vs-b#${channel}`, ab);
      await cache.getOrFill(`/compare/c-vs-d#${channel}`, cd);
      now += 5_000;
      handlers.get(channel)!(payload as never);
      renders = 0;
      expect((await cache.getOrFill(`/compare/a-vs-b#${channel}`, ab)).answer, channel).toBe("miss");
      expect((await cache.getOrFill(`/compare/c-vs-d#${channel}`, cd)).answer, channel).toBe("hit");
      expect(renders, channel).toBe(1);
    }
  });
});
