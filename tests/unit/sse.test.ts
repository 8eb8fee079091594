import { describe, expect, it } from "vitest";
import { createSseParser } from "../helpers/sse";

describe("the SSE reader used by tests and the bench", () => {
  it("splits events across arbitrary chunk boundaries, skips comments and joins multi-line data", async () => {
    const seen: { event: string; id?: string; data: string }[] = [];
    const feed = createSseParser((message) => seen.push(message));
    const text = `retry: 2000\n\n: heartbeat 1\n\nid: 7\nevent: stats\ndata: {"a":1}\n\ndata: line one\ndata: line two\n\n`;
    for (let i = 0; i < text.length; i += 3) feed(text.slice(i, i + 3));
    expect(seen).toEqual([
      { event: "stats", id: "7", data: '{"a":1}' },
      { event: "message", data: "line one\nline two" },
    ]);
  });
});
