import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ContentChange } from "@/lib/db-events/channels";

type Handler = (payload: ContentChange) => void;

// A stand-in for this process's database events: what a test hears is what it announces.
const events = {
  hearing: true,
  content: [] as Handler[],
  resync: [] as (() => void)[],
  hearingHandlers: [] as ((hearing: boolean) => void)[],
  subscribe: (_channel: string, handler: Handler) => (events.content.push(handler), () => undefined),
  onResync: (handler: () => void) => (events.resync.push(handler), () => undefined),
  onHearing: (handler: (hearing: boolean) => void) => (events.hearingHandlers.push(handler), () => undefined),
};
const reads = vi.fn(async () => [{ slug: "a", name: "A" }]);

vi.mock("@/lib/db-events/listener", () => ({ databaseEvents: () => events }));
vi.mock("@/lib/db", () => ({ db: {} }));
vi.mock("./queries", () => ({ readToolNames: () => reads() }));

const { listedToolNames } = await import("./names");
const announce = (change: ContentChange) => events.content.forEach((handler) => handler(change));

describe("the tool names kept between tool edits", () => {
  beforeEach(async () => {
    events.hearing = true;
    // Start each test from a dropped copy.
    announce({ kind: "site" });
    reads.mockClear();
  });

  it("reads the database once while nothing about tools is announced", async () => {
    await listedToolNames();
    await listedToolNames();
    announce({ kind: "verdict", tool: "a" });
    announce({ kind: "reviewer" });
    await listedToolNames();
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it("reads again after a tool edit, a site-wide change, a re-LISTEN or a change in hearing", async () => {
    await listedToolNames();
    announce({ kind: "tool", slugs: ["a"] });
    await listedToolNames();
    announce({ kind: "site" });
    await listedToolNames();
    events.resync.forEach((handler) => handler());
    await listedToolNames();
    events.hearingHandlers.forEach((handler) => handler(true));
    await listedToolNames();
    expect(reads).toHaveBeenCalledTimes(5);
  });

  it("reads on every call while the events are not heard (a missed notification never leaves a name stale)", async () => {
    events.hearing = false;
    await listedToolNames();
    await listedToolNames();
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it("drops a failed read, so the next call tries again", async () => {
    reads.mockRejectedValueOnce(new Error("connection lost"));
    await expect(listedToolNames()).rejects.toThrow("connection lost");
    await expect(listedToolNames()).resolves.toEqual([{ slug: "a", name: "A" }]);
    expect(reads).toHaveBeenCalledTimes(2);
  });
});
