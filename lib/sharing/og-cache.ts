import "server-only";
import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";

/**
 * Share images are the dearest answer the site gives (~100 ms of CPU each) and
 * their URLs are public: a crawler or a script adding `?v=<random>` must not
 * make the node draw one per request. So an image is drawn once per content —
 * the key is a hash of exactly what it shows (the tools, their figures and
 * calls), whatever the query string — and kept in a bounded LRU; concurrent
 * requests for the same image share one drawing; at most RENDERS_AT_ONCE are
 * drawn at a time, a few more wait, and beyond that the answer is 503 with
 * Retry-After rather than a queue without end.
 */

const RENDERS_AT_ONCE = 2;
const MAX_WAITING = 16;
const MAX_BYTES = 32 * 1024 * 1024;

type Stored = { body: Uint8Array; headers: [string, string][] };

const KEY = Symbol.for("ship-or-skip.og-cache");
type State = { images: LRUCache<string, Stored>; drawing: Map<string, Promise<Stored>>; running: number; waiting: (() => void)[] };
const globalForImages = globalThis as unknown as Record<typeof KEY, State | undefined>;

function state(): State {
  globalForImages[KEY] ??= {
    images: new LRUCache<string, Stored>({ maxSize: MAX_BYTES, sizeCalculation: (image) => Math.max(1, image.body.byteLength) }),
    drawing: new Map(),
    running: 0,
    waiting: [],
  };
  return globalForImages[KEY];
}

/** The cache key of an image: its kind and a hash of everything it shows. */
export function shareImageKey(kind: string, shown: unknown): string {
  return `${kind}:${createHash("sha256").update(JSON.stringify(shown)).digest("base64url")}`;
}

export class ShareImagesBusyError extends Error {}

async function slot(current: State): Promise<() => void> {
  if (current.running >= RENDERS_AT_ONCE) {
    if (current.waiting.length >= MAX_WAITING) throw new ShareImagesBusyError("Too many share images are being drawn");
    await new Promise<void>((resolve) => current.waiting.push(resolve));
  }
  current.running += 1;
  return () => {
    current.running -= 1;
    current.waiting.shift()?.();
  };
}

/** The image for `key`: from the cache, or the one drawing under way, or drawn now by `draw`. */
export async function cachedShareImage(key: string, draw: () => Promise<Response>): Promise<Response> {
  const current = state();
  let image = current.images.get(key);
  if (!image) {
    let drawing = current.drawing.get(key);
    if (!drawing) {
      drawing = (async () => {
        const release = await slot(current);
        try {
          const response = await draw();
          const stored: Stored = { body: new Uint8Array(await response.arrayBuffer()), headers: [...response.headers] };
          if (response.ok) current.images.set(key, stored);
          return stored;
        } finally {
          release();
          current.drawing.delete(key);
        }
      })();
      current.drawing.set(key, drawing);
    }
    try {
      image = await drawing;
    } catch (error) {
      if (error instanceof ShareImagesBusyError) {
        return new Response("Busy", { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "5", "Cache-Control": "no-store" } });
      }
      throw error;
    }
  }
  return new Response(image.body.slice(), { status: 200, headers: image.headers });
}
