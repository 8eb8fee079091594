import { LRUCache } from "lru-cache";
import { databaseEvents } from "@/lib/db-events/listener";
import { env } from "@/lib/env";
import { keepInStep } from "./invalidation";

/**
 * This node's cache of rendered public pages, as signed-out readers get them.
 *
 * Entries are invalidated by tag when PostgreSQL announces a write (the
 * database events every node hears; lib/page-cache/invalidation.ts maps each
 * announced change to the pages it touches), so a cached page is never older
 * than the last write it shows plus the notification's trip. The cache serves
 * only while this node is hearing the events: a node that might have missed a
 * notification does not answer from it.
 */

/** Every tool's figures: pages that list many tools (home, directory, reviewers). */
export const ALL_TOOLS = "*";
export const toolTag = (slug: string) => `tool:${slug}`;

export type CachedPage = {
  status: number;
  headers: [string, string][];
  /** The body as UTF-8 pieces, split where each response's nonce goes (joining bytes is ~20× cheaper than rewriting the text). */
  body: Buffer[];
  tags: readonly string[];
  storedAt: number;
  /** False for answers that are passed on but never kept (errors, a 404, anything setting a cookie). */
  cacheable: boolean;
};

export type PageCacheStats = { hits: number; misses: number; fills: number; discarded: number; invalidations: number; entries: number; bytes: number };

export type PageCacheOptions = { maxBytes: number; ttlMs: number; now?: () => number };

export class PageCache {
  private readonly lru: LRUCache<string, CachedPage>;
  private readonly inflight = new Map<string, Promise<CachedPage | null>>();
  /**
   * Invalidations are numbered; each tag (and the whole cache) remembers its
   * last one, and a render that started before it is not stored.
   */
  private sequence = 0;
  private readonly invalidatedAt = new Map<string, number>();
  private clearedAt = 0;
  private hearing = false;
  readonly counts = { hits: 0, misses: 0, fills: 0, discarded: 0, invalidations: 0 };

  constructor(options: PageCacheOptions) {
    this.lru = new LRUCache<string, CachedPage>({
      maxSize: options.maxBytes,
      sizeCalculation: (page) => Math.max(1, page.body.reduce((sum, part) => sum + part.length, 0)),
      ttl: options.ttlMs,
      ttlAutopurge: false,
      ttlResolution: 0,
      perf: { now: options.now ?? (() => performance.now()) },
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

  get(key: string): CachedPage | undefined {
    if (!this.hearing) return undefined;
    const page = this.lru.get(key);
    if (page) this.counts.hits += 1;
    else this.counts.misses += 1;
    return page;
  }

  /**
   * The cached page, or the one render already under way for this key, or a
   * new render. Concurrent misses share one render. The result is stored only
   * if nothing it depends on was invalidated while it rendered.
   */
  async getOrFill(key: string, render: () => Promise<CachedPage | null>): Promise<{ page: CachedPage | null; hit: boolean }> {
    const cached = this.get(key);
    if (cached) return { page: cached, hit: true };
    const running = this.inflight.get(key);
    if (running) return { page: await running, hit: false };
    const startedAt = this.sequence;
    const fill = (async () => {
      try {
        const page = await render();
        if (page?.cacheable && this.hearing && this.freshSince(page.tags, startedAt)) {
          this.lru.set(key, page);
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
    return { page: await fill, hit: false };
  }

  private freshSince(tags: readonly string[], startedAt: number): boolean {
    if (this.clearedAt > startedAt) return false;
    return tags.every((tag) => (this.invalidatedAt.get(tag) ?? 0) <= startedAt);
  }

  /** A write touched these tools: drop every page showing any of them (and every many-tool page). */
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
  const cache = events ? new PageCache({ maxBytes: env.PAGE_CACHE_MAX_MB * 1024 * 1024, ttlMs: env.PAGE_CACHE_TTL_SECONDS * 1000 }) : null;
  if (cache && events) keepInStep(cache, events);
  globalForPageCache[KEY] = cache;
  return cache;
}

/** A cached body with this response's nonce in each gap. */
export function joinBody(parts: readonly Buffer[], nonce: string): Buffer {
  if (parts.length === 1) return parts[0]!;
  const nonceBytes = Buffer.from(nonce);
  const pieces: Buffer[] = [];
  parts.forEach((part, index) => {
    if (index > 0) pieces.push(nonceBytes);
    pieces.push(part);
  });
  return Buffer.concat(pieces);
}

/** Splits a rendered body at each nonce placeholder. */
export function splitBody(text: string, placeholder: string): Buffer[] {
  return text.split(placeholder).map((part) => Buffer.from(part));
}
