import { describe, expect, it } from "vitest";
import { CHANNELS, type ContentChange, type ViewerChange } from "@/lib/db-events/channels";
import type { DatabaseEvents } from "@/lib/db-events/listener";
import { keepViewersInStep, ViewerCache } from "./viewer-cache";

let clock = 0;
const now = () => clock;
const HOUR = 3_600_000;

function cache({ maxBytes = 1_000_000, ttlMs = 60_000 } = {}) {
  clock = 1_000;
  const viewers = new ViewerCache({ maxBytes, ttlMs, now });
  viewers.setHearing(true);
  return viewers;
}

const answer = (userId: string, body = `{"data":{"user":{"name":"${userId}"}}}`, sessionExpires = clock + HOUR) => ({ body, userId, sessionExpires });

describe("ViewerCache", () => {
  it("keys an answer by session and personal-write mark: another session or a new mark misses", () => {
    const viewers = cache();
    const key = ViewerCache.key("token-alice", null);
    expect(viewers.get(key)).toBeNull();
    expect(viewers.set(key, answer("alice"), viewers.begin())).toBe(true);
    expect(viewers.get(key)).toContain("alice");
    expect(viewers.get(ViewerCache.key("token-bob", null))).toBeNull();
    expect(viewers.get(ViewerCache.key("token-alice", "mark1"))).toBeNull();
    expect(viewers.stats()).toMatchObject({ hits: 1, misses: 3, fills: 1, entries: 1 });
  });

  it("drops every answer of a reader who changed, and only theirs", () => {
    const viewers = cache();
    const [phone, laptop, bob] = [ViewerCache.key("alice-phone", null), ViewerCache.key("alice-laptop", "m"), ViewerCache.key("bob", null)];
    viewers.set(phone, answer("alice"), viewers.begin());
    viewers.set(laptop, answer("alice"), viewers.begin());
    viewers.set(bob, answer("bob"), viewers.begin());
    viewers.userChanged("alice");
    expect(viewers.get(phone)).toBeNull();
    expect(viewers.get(laptop)).toBeNull();
    expect(viewers.get(bob)).toContain("bob");
    // The index follows evictions too: a reader kept again after a change is dropped again.
    viewers.set(phone, answer("alice"), viewers.begin());
    viewers.userChanged("alice");
    expect(viewers.get(phone)).toBeNull();
  });

  it("does not keep an answer read while a change arrived, nor one read before a clear", () => {
    const viewers = cache();
    const key = ViewerCache.key("token", null);
    let from = viewers.begin();
    viewers.userChanged("someone-else");
    expect(viewers.set(key, answer("alice"), from)).toBe(false);
    from = viewers.begin();
    viewers.clear();
    expect(viewers.set(key, answer("alice"), from)).toBe(false);
    expect(viewers.get(key)).toBeNull();
    expect(viewers.stats().discarded).toBe(2);
    expect(viewers.set(key, answer("alice"), viewers.begin())).toBe(true);
  });

  it("keeps an answer until its session ends or the TTL, whichever is first", () => {
    const viewers = cache({ ttlMs: 60_000 });
    const short = ViewerCache.key("short", null);
    const long = ViewerCache.key("long", null);
    viewers.set(short, answer("a", "{}", clock + 10_000), viewers.begin());
    viewers.set(long, answer("b", "{}", clock + HOUR), viewers.begin());
    clock += 10_000;
    expect(viewers.get(short)).toBeNull();
    expect(viewers.get(long)).toBe("{}");
    clock += 50_001;
    expect(viewers.get(long)).toBeNull();
    // A session already over is never kept.
    expect(viewers.set(short, answer("a", "{}", clock - 1), viewers.begin())).toBe(false);
  });

  it("answers only while the events are heard, and forgets what it kept through a deaf spell", () => {
    const viewers = cache();
    const key = ViewerCache.key("token", null);
    viewers.set(key, answer("alice"), viewers.begin());
    viewers.setHearing(false);
    expect(viewers.get(key)).toBeNull();
    expect(viewers.set(key, answer("alice"), viewers.begin())).toBe(false);
    viewers.setHearing(true);
    expect(viewers.get(key)).toBeNull();
  });

  it("stays within its byte budget, least recently used first", () => {
    const body = "x".repeat(1_000);
    const viewers = cache({ maxBytes: 5_000 });
    for (let n = 0; n < 20; n++) viewers.set(ViewerCache.key(`token-${n}`, null), answer(`user-${n}`, body), viewers.begin());
    expect(viewers.stats().bytes).toBeLessThanOrEqual(5_000);
    expect(viewers.get(ViewerCache.key("token-19", null))).toBe(body);
    expect(viewers.get(ViewerCache.key("token-0", null))).toBeNull();
    // One answer larger than the whole budget is not kept.
    expect(viewers.set(ViewerCache.key("huge", null), answer("huge", "y".repeat(10_000)), viewers.begin())).toBe(false);
  });
});

describe("keepViewersInStep", () => {
  function fakeEvents() {
    const handlers = new Map<string, (payload: never) => void>();
    const resync: (() => void)[] = [];
    const hearing: ((value: boolean) => void)[] = [];
    const events = {
      subscribe: (channel: string, handler: (payload: never) => void) => (handlers.set(channel, handler), () => undefined),
      onResync: (handler: () => void) => (resync.push(handler), () => undefined),
      onHearing: (handler: (value: boolean) => void) => (hearing.push(handler), () => undefined),
      hearing: true,
    } as unknown as DatabaseEvents;
    return {
      events,
      viewer: (change: ViewerChange) => handlers.get(CHANNELS.viewer)!(change as never),
      content: (change: ContentChange) => handlers.get(CHANNELS.content)!(change as never),
      resync: () => resync.forEach((handler) => handler()),
      deaf: () => hearing.forEach((handler) => handler(false)),
    };
  }

  it("drops a reader on their announcement, everyone on a TRUNCATE, a tool's catalogue edit, a site-wide edit, a resync or deafness", () => {
    const fake = fakeEvents();
    const viewers = new ViewerCache({ maxBytes: 1_000_000, ttlMs: 60_000, now });
    keepViewersInStep(viewers, fake.events);
    const fill = () => {
      viewers.set("a", answer("alice"), viewers.begin());
      viewers.set("b", answer("bob"), viewers.begin());
    };
    fill();
    fake.viewer({ userId: "alice" });
    expect([viewers.get("a"), viewers.get("b")].map(Boolean)).toEqual([false, true]);
    fake.viewer({ all: true });
    expect(viewers.get("b")).toBeNull();

    fill();
    fake.content({ kind: "verdict", tool: "cursor" }); // no slug changes: readers' answers stand
    expect(viewers.get("b")).not.toBeNull();
    fake.content({ kind: "tool", slugs: ["cursor", "cursor-ide"] });
    expect(viewers.get("b")).toBeNull();

    fill();
    fake.content({ kind: "site" }); // an operator's word after editing rows by hand
    expect(viewers.get("a")).toBeNull();

    fill();
    fake.resync();
    expect(viewers.get("a")).toBeNull();

    fill();
    fake.deaf();
    expect(viewers.get("a")).toBeNull();
  });
});
