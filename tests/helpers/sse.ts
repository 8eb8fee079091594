/** One Server-Sent Event as it arrived: its `event` name, `id` and `data` (comments are skipped). */
export type SseMessage = { event: string; id?: string; data: string };

/**
 * An incremental reader of a `text/event-stream` body, for code that reads the
 * stream without EventSource (tests, the bench): feed it decoded chunks in any
 * sizes; it calls `onMessage` once per complete event.
 */
export function createSseParser(onMessage: (message: SseMessage) => void): (chunk: string) => void {
  let buffer = "";
  return (chunk) => {
    buffer += chunk;
    let end: number;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const message: SseMessage = { event: "message", data: "" };
      const data: string[] = [];
      for (const line of block.split("\n")) {
        if (line.startsWith(":")) continue;
        const colon = line.indexOf(":");
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
        if (field === "event") message.event = value;
        else if (field === "id") message.id = value;
        else if (field === "data") data.push(value);
      }
      if (data.length) onMessage({ ...message, data: data.join("\n") });
    }
  };
}

/** Reads a response body to its end (or an abort), feeding `onMessage`. */
export async function readSse(body: ReadableStream<Uint8Array>, onMessage: (message: SseMessage) => void): Promise<void> {
  const parse = createSseParser(onMessage);
  const reader = body.getReader();
  const decoder = new TextDecoder();
  for (;;) {
    const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true as const }));
    if (done) return;
    parse(decoder.decode(value, { stream: true }));
  }
}
