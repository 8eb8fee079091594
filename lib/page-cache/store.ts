import { LRUCache } from "lru-cache";
import { databaseEvents } from "@/lib/db-events/listener";
import { env } from "@/lib/env";
import { keepInStep } from "./invalidation";

/**
 * This node's cache of rendered public pages, as signed-out readers get them.
 *
 * Entries are invalidated by tag when PostgreSQL announces a staff edit (the
 * database events every node hears; lib/page-cache/invalidation.ts maps each
 * announced change to the pages it touches), so a cached page never shows
 * text older than the last edit plus the notification's trip. A vote only
 * moves figures: the pages showing them are re-rendered at most once a
 * second (`figuresChanged`), so a surge of votes does not turn every request
 * into a render. The cache serves
 * only while this node is hearing the events: a node that might have missed a
 * notification does not answer from it.
 */

/** Every tool's figures: pages that list many tools (home, directory, reviewers). */
export const ALL_TOOLS = "*";
export const toolTag = (slug: string) => `tool:${slug}`;

export type CachedPage = {
  status: number;
  headers: [string, string][];
  /** The body as rendered (signed out): the same bytes for every reader, its scripts allowed by their hashes. */
  body: Buffer;
  /** SHA-256 (base64) of each inline script of the body: its Content-Security-Policy (lib/http/security-headers.ts). */
  scriptHashes: readonly string[];
  tags: readonly string[];
  storedAt: number;
  /** False for answers that are passed on but never kept (errors, a 404, anything setting a cookie). */
  cacheable: boolean;
};

export type PageCacheStats = { hits: number; stale: number; misses: number; fills: number; discarded: number; invalidations: number; entries: number; bytes: number };

export type PageCacheOptions = {
  maxBytes: number;
  ttlMs: number;
  /** A page whose figures moved is re-rendered at most this often; between renders it is served as it is (default 1 s). */
  figureRefreshMs?: number;
  now?: () => number;
};

/** A stored page and the render it came from. */
type Entry = CachedPage & {
  /** The invalidation sequence when its render started: figures changed after that are not on it. */
  renderedFrom: number;
  /** When its render started (the cache's clock). */
  renderStartedAt: number;
};

/** A stored page may grow copies of its body (the member shell, gzip and brotli of each): about 2.5 × the body at most. */
const VARIANT_ALLOWANCE = 2.5;

/** How a page was answered: from the cache, from the cache with figures up to a second old, or rendered. */
export type CacheAnswer = "hit" | "stale" | "miss";

export class PageCache {
  private readonly lru: LRUCache<string, Entry>;
  private readonly inflight = new Map<string, Promise<CachedPage | null>>();
  /**
   * Invalidations are numbered; each tag (and the whole cache) remembers its
   * last one, and a render that started before it is not stored. Figure
   * changes (votes) are numbered in the same sequence but only mark pages
   * stale: see `figuresChanged`.
   */
  private sequence = 0;
  private readonly invalidatedAt = new Map<string, number>();
  private readonly figuresAt = new Map<string, number>();
  private clearedAt = 0;
  private hearing = false;
  private readonly now: () => number;
  private readonly figureRefreshMs: number;
  readonly counts = { hits: 0, stale: 0, misses: 0, fills: 0, discarded: 0, invalidations: 0 };

  constructor(options: PageCacheOptions) {
    this.now = options.now ?? (() => performance.now());
    this.figureRefreshMs = options.figureRefreshMs ?? 1_000;
    this.lru = new LRUCache<string, Entry>({
      maxSize: options.maxBytes,
      // The body, and room for what is made from it on demand: the member copy and compressed copies (lib/page-cache/serve.ts).
      sizeCalculation: (page) => Math.max(1, Math.ceil(page.body.length * VARIANT_ALLOWANCE)),
      ttl: options.ttlMs,
      ttlAutopurge: false,
      ttlResolution: 0,
      perf: { now: this.now },
    });
  }

  /** Serving needs this node to be hearing the database's announcements (lib/page-cache/invalidation.ts sets it). */
  get active(): boolean {
    return this.hearing;
  }

  setHearing(hearing: boolean): void {
    // Whatever was cached before a gap may have missed a write during it.
    if (hearing !== this.hearing) this.clear();
    this.hearing = hearing;
  }

  /** The stored page, current or with figures that have moved since (for tests and the stats). */
  get(key: string): CachedPage | undefined {
    if (!this.hearing) return undefined;
    return this.lru.get(key);
  }

  /**
   * The answer for a page:
   * - stored and current: a hit;
   * - stored, but figures on it moved since its render started: the page is
   *   rendered again — unless a render of it started less than
   *   `figureRefreshMs` ago or is under way, when the stored page is the
   *   answer ("stale": its figures at most about a second old, and the live
   *   stream brings the current ones to the reader at once). So a vote surge
   *   costs at most one render per page per second, however many votes;
   * - not stored: the one render already under way for it, or a new render.
   * A render is stored unless a staff edit touching it (or a clear) came
   * while it ran; figures that moved while it ran leave it stored but stale.
   */
  async getOrFill(key: string, render: () => Promise<CachedPage | null>): Promise<{ page: CachedPage | null; answer: CacheAnswer }> {
    const cached = this.hearing ? this.lru.get(key) : undefined;
    if (cached) {
      if (!this.figuresMovedSince(cached)) {
        this.counts.hits += 1;
        return { page: cached, answer: "hit" };
      }
      if (this.inflight.has(key) || this.now() - cached.renderStartedAt < this.figureRefreshMs) {
        this.counts.stale += 1;
        return { page: cached, answer: "stale" };
      }
    }
    this.counts.misses += 1;
    const running = this.inflight.get(key);
    if (running) return { page: await running, answer: "miss" };
    const startedFrom = this.sequence;
    const startedAt = this.now();
    const fill = (async () => {
      try {
        const page = await render();
        if (page?.cacheable && this.hearing && this.untouchedSince(page.tags, startedFrom)) {
          this.lru.set(key, { ...page, renderedFrom: startedFrom, renderStartedAt: startedAt });
          this.counts.fills += 1;
        } else if (page?.cacheable) {
          this.counts.discarded += 1;
        }
        return page;
      } finally {
        this.inflight.delete(key);
      }
    })();
    this.inflight.set(key, fill);
    return { page: await fill, answer: "miss" };
  }

  private untouchedSince(tags: readonly string[], startedFrom: number): boolean {
    if (this.clearedAt > startedFrom) return false;
    return tags.every((tag) => (this.invalidatedAt.get(tag) ?? 0) <= startedFrom);
  }

  private figuresMovedSince(entry: Entry): boolean {
    return entry.tags.some((tag) => (this.figuresAt.get(tag) ?? 0) > entry.renderedFrom);
  }

  /**
   * Figures moved (a vote): the pages showing these tools, and every
   * many-tool page, are stale. They are not dropped: `getOrFill` renders each
   * again at most once per `figureRefreshMs` and serves the stored page in between.
   */
  figuresChanged(slugs: readonly string[]): void {
    const at = ++this.sequence;
    for (const slug of slugs) this.figuresAt.set(toolTag(slug), at);
    this.figuresAt.set(ALL_TOOLS, at);
  }

  /** A staff edit touched these tools: drop every page showing any of them (and every many-tool page). */
  invalidateTools(slugs: readonly string[]): void {
    const at = ++this.sequence;
    const tags = new Set(slugs.map(toolTag));
    for (const tag of tags) this.invalidatedAt.set(tag, at);
    this.invalidatedAt.set(ALL_TOOLS, at);
    this.counts.invalidations += 1;
    for (const [key, page] of this.lru.entries()) {
      if (page.tags.some((tag) => tag === ALL_TOOLS || tags.has(tag))) this.lru.delete(key);
    }
  }

  /** Content changed (a staff edit) or writes may have been missed: drop everything. */
  clear(): void {
    this.clearedAt = ++this.sequence;
    this.counts.invalidations += 1;
    this.lru.clear();
  }

  stats(): PageCacheStats {
    return { ...this.counts, entries: this.lru.size, bytes: this.lru.calculatedSize };
  }
}

const KEY = Symbol.for("ship-or-skip.page-cache");
const globalForPageCache = globalThis as unknown as Record<typeof KEY, PageCache | null | undefined>;

/** This process's page cache, kept in step with the database events; null when PAGE_CACHE=off or without a database. */
export function pageCache(): PageCache | null {
  if (globalForPageCache[KEY] !== undefined) return globalForPageCache[KEY];
  const events = env.PAGE_CACHE === "on" ? databaseEvents() : null;
  const cache = events
    ? new PageCache({ maxBytes: env.PAGE_CACHE_MAX_MB * 1024 * 1024, ttlMs: env.PAGE_CACHE_TTL_SECONDS * 1000, figureRefreshMs: env.PAGE_CACHE_FIGURE_REFRESH_MS })
    : null;
  if (cache && events) keepInStep(cache, events);
  globalForPageCache[KEY] = cache;
  return cache;
}

const GUEST_SHELL = Buffer.from('data-viewer="guest"');
const MEMBER_SHELL = Buffer.from('data-viewer="member"');

/**
 * A cached body (rendered signed out) as a signed-in reader's first paint
 * wants it: the shell's `data-viewer="guest"` — its first occurrence, which
 * comes before any content (text React renders cannot hold a raw `"`) — becomes
 * "member". Nothing else changes (no script, so the same hashes hold): what is
 * the reader's own comes from /api/me.
 */
export function asMember(body: Buffer): Buffer {
  const at = body.indexOf(GUEST_SHELL);
  if (at === -1) return body;
  return Buffer.concat([body.subarray(0, at), MEMBER_SHELL, body.subarray(at + GUEST_SHELL.length)]);
}
