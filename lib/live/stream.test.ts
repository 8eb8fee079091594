import { describe, expect, it } from "vitest";
import { LiveHub } from "./hub";
import type { ToolStatsChange } from "@/lib/db-events/channels";
import { createLiveStream } from "./stream";

const stats = (toolId: string, communityTotal: number): ToolStatsChange => ({
  toolId,
  slug: toolId,
  panelShip: 1,
  panelTotal: 2,
  communityShip: 0,
  communityTotal,
  at: 1000 + communityTotal,
});

async function readText(reader: ReadableStreamDefaultReader<Uint8Array>, until: (text: string) => boolean) {
  const decoder = new TextDecoder();
  let text = "";
  while (!until(text)) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value);
  }
  return text;
}

describe("a live stream", () => {
  it("sends the retry hint and current figures first, then each change to a followed tool", async () => {
    const hub = new LiveHub();
    const abort = new AbortController();
    const stream = createLiveStream({ hub, toolIds: ["a"], initial: [stats("a", 1)], signal: abort.signal });
    const reader = stream.getReader();
    const first = await readText(reader, (text) => text.includes("event: stats"));
    expect(first).toMatch(/^retry: 2000\n\n/);
    expect(first).toContain(`id: 1001\nevent: stats\ndata: ${JSON.stringify(stats("a", 1))}\n\n`);
    hub.publish(stats("b", 5));
    hub.publish(stats("a", 2));
    const next = await readText(reader, (text) => text.includes("data:"));
    expect(next).toContain('"communityTotal":2');
    expect(next).not.toContain('"toolId":"b"');
    abort.abort();
    expect((await reader.read()).done).toBe(true);
    expect(hub.streams).toBe(0);
  });

  it("sends heartbeats as comments", async () => {
    const hub = new LiveHub();
    const abort = new AbortController();
    const reader = createLiveStream({ hub, toolIds: ["a"], initial: [], signal: abort.signal, heartbeatMs: 10 }).getReader();
    const text = await readText(reader, (value) => value.includes(": heartbeat"));
    expect(text).toMatch(/: heartbeat \d+\n\n/);
    abort.abort();
  });

  it("drops a client that stops reading instead of buffering without bound", async () => {
    const hub = new LiveHub();
    let closed = false;
    const stream = createLiveStream({ hub, toolIds: ["a"], initial: [], signal: new AbortController().signal, maxQueued: 5, onClose: () => (closed = true) });
    for (let i = 0; i < 50; i++) hub.publish(stats("a", i));
    expect(closed).toBe(true);
    expect(hub.streams).toBe(0);
    // What was queued before the cut is still readable, then the stream ends.
    const reader = stream.getReader();
    let events = 0;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      events += (new TextDecoder().decode(value).match(/event: stats/g) ?? []).length;
    }
    expect(events).toBeLessThanOrEqual(6);
  });
});
