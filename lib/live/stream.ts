import type { LiveHub } from "./hub";
import type { ToolStatsChange } from "@/lib/db-events/channels";

export type LiveStreamOptions = {
  hub: LiveHub;
  toolIds: string[];
  /** Current figures, sent first: a new or reconnecting tab is up to date at once. */
  initial: ToolStatsChange[];
  signal: AbortSignal;
  heartbeatMs?: number;
  /** Events a slow client may have waiting before it is dropped (it reconnects and resyncs). */
  maxQueued?: number;
  /** Client reconnection delay the stream suggests. */
  retryMs?: number;
  onClose?: () => void;
};

const encoder = new TextEncoder();

export function formatEvent(event: string, data: unknown, id?: string | number): string {
  return `${id === undefined ? "" : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * One browser's Server-Sent Events stream: the current figures, then every
 * change to the tools it follows, a comment heartbeat so proxies keep it open,
 * and a bounded queue — a client that stops reading is dropped rather than
 * buffered without limit. Ends when the request is aborted.
 */
export function createLiveStream(options: LiveStreamOptions): ReadableStream<Uint8Array> {
  const { hub, toolIds, initial, signal, heartbeatMs = 15_000, maxQueued = 64, retryMs = 2_000 } = options;
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        let closed = false;
        const close = () => {
          if (closed) return;
          closed = true;
          cleanup();
          try {
            controller.close();
          } catch {
            // Already closed by the consumer.
          }
          options.onClose?.();
        };
        const send = (chunk: string) => {
          if (closed) return;
          if ((controller.desiredSize ?? 0) <= 0) {
            // The client is not keeping up: end the stream; EventSource reconnects and resyncs.
            close();
            return;
          }
          controller.enqueue(encoder.encode(chunk));
        };
        controller.enqueue(encoder.encode(`retry: ${retryMs}\n\n`));
        for (const stats of initial) controller.enqueue(encoder.encode(formatEvent("stats", stats, stats.at)));
        const unsubscribe = hub.subscribe(toolIds, (stats) => send(formatEvent("stats", stats, stats.at)));
        const heartbeat = setInterval(() => send(`: heartbeat ${Date.now()}\n\n`), heartbeatMs);
        const onAbort = () => close();
        signal.addEventListener("abort", onAbort, { once: true });
        cleanup = () => {
          clearInterval(heartbeat);
          unsubscribe();
          signal.removeEventListener("abort", onAbort);
        };
        if (signal.aborted) close();
      },
      cancel() {
        cleanup();
        options.onClose?.();
      },
    },
    new CountQueuingStrategy({ highWaterMark: maxQueued + initial.length + 1 }),
  );
}
