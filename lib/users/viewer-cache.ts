import { LRUCache } from "lru-cache";
import { CHANNELS, mayRenameTools } from "@/lib/db-events/channels";
import { databaseEvents, keepWhileHeard, type DatabaseEvents } from "@/lib/db-events/listener";
import { env } from "@/lib/env";

/**
 * This node's cache of GET /api/me answers (docs/decisions/044), so a signed-in page view costs two
 * lookups in memory — the cached page and the reader's own part — rather than a page hit and a
 * database round trip.
 *
 * - Keyed by the session token and the reader's personal-write mark (`PERSONAL_WRITE_COOKIE`, which
 *   the front gate renews on every write a signed-in browser sends), so a reader's next view after
 *   their own vote, follow or rename is read afresh on whichever node it reaches.
 * - Every change to what the answer holds is announced by the database itself (triggers on Vote,
 *   Follow, Session and User: the `viewer_changed` channel), and drops that reader's answers on
 *   every node: a vote from another device, a role change by an admin, a sign-out, a deleted account.
 *   A tool's catalogue edit (its slug may change), a site-wide announcement and a resync (a write may
 *   have gone unheard) drop everything.
 * - An answer read while any change arrived is not kept (it may predate the change).
 * - Only signed-in answers are kept (an unknown token costs a read, never memory), each until its
 *   session ends or the TTL (a backstop), within a byte budget, least recently used first.
 * - Like the page cache, it answers only while this node hears the database's events.
 */

export type CachedViewer = {
  /** The JSON body, as GET /api/me sends it. */
  body: string;
  userId: string;
  /** When the session ends (ms since the epoch). */
  sessionExpires: number;
};

export type ViewerCacheStats = { hits: number; misses: number; fills: number; discarded: number; invalidations: number; entries: number; bytes: number };

export type ViewerCacheOptions = { maxBytes: number; ttlMs: number; now?: () => number };

/** Bookkeeping beside each body (key, ids, the LRU's own): a rough per-entry allowance in bytes. */
const ENTRY_OVERHEAD = 200;

export class ViewerCache {
  private readonly lru: LRUCache<string, CachedViewer>;
  /** Each reader's keys (one per session and mark), to drop them when the reader changes. */
  private readonly keysOf = new Map<string, Set<string>>();
  private readonly now: () => number;
  private sequence = 0;
  private hearing = false;
  private readonly counts = { hits: 0, misses: 0, fills: 0, discarded: 0, invalidations: 0 };

  constructor(options: ViewerCacheOptions) {
    this.now = options.now ?? Date.now;
    this.lru = new LRUCache<string, CachedViewer>({
      maxSize: options.maxBytes,
      sizeCalculation: (entry, key) => entry.body.length + key.length + ENTRY_OVERHEAD,
      ttl: options.ttlMs,
      perf: { now: () => this.now() },
      ttlResolution: 0,
      dispose: (entry, key) => {
        const keys = this.keysOf.get(entry.userId);
        keys?.delete(key);
        if (keys?.size === 0) this.keysOf.delete(entry.userId);
      },
    });
  }

  /** The cache key of a session token and the reader's personal-write mark (empty when none). */
  static key(sessionToken: string, mark: string | null): string {
    return `${sessionToken}\n${mark ?? ""}`;
  }

  /** The kept answer, or null (not kept, its session over, or the events not heard). */
  get(key: string): string | null {
    const entry = this.hearing ? this.lru.get(key) : undefined;
    if (entry && entry.sessionExpires > this.now()) {
      this.counts.hits += 1;
      return entry.body;
    }
    if (entry) this.lru.delete(key);
    this.counts.misses += 1;
    return null;
  }

  /** Taken before a read: `set` keeps its answer only if nothing changed in between. */
  begin(): number {
    return this.sequence;
  }

  /** Keeps an answer read since `from` (`begin()`); false when it was not kept. */
  set(key: string, entry: CachedViewer, from: number): boolean {
    const left = entry.sessionExpires - this.now();
    if (!this.hearing || from !== this.sequence || left <= 0) {
      this.counts.discarded += 1;
      return false;
    }
    this.lru.set(key, entry, { ttl: Math.min(left, this.lru.ttl) });
    if (!this.lru.has(key)) return false; // larger than the whole budget
    const keys = this.keysOf.get(entry.userId) ?? new Set<string>();
    keys.add(key);
    this.keysOf.set(entry.userId, keys);
    this.counts.fills += 1;
    return true;
  }

  /** What this reader's answer holds changed: their answers go, and answers being read are not kept. */
  userChanged(userId: string): void {
    this.sequence += 1;
    this.counts.invalidations += 1;
    for (const key of [...(this.keysOf.get(userId) ?? [])]) this.lru.delete(key);
  }

  /** Anyone's answer may have changed (a resync, a tool's slug, a TRUNCATE): everything goes. */
  clear(): void {
    this.sequence += 1;
    this.counts.invalidations += 1;
    this.lru.clear();
    this.keysOf.clear();
  }

  /** Answers only while the events are heard; what was kept before a deaf spell may have missed a change. */
  setHearing(hearing: boolean): void {
    if (!hearing) this.clear();
    this.hearing = hearing;
  }

  stats(): ViewerCacheStats {
    return { ...this.counts, entries: this.lru.size, bytes: this.lru.calculatedSize };
  }
}

/** Keeps a viewer cache in step with the database's events. */
export function keepViewersInStep(cache: ViewerCache, events: DatabaseEvents): void {
  events.subscribe(CHANNELS.viewer, (change) => ("userId" in change ? cache.userChanged(change.userId) : cache.clear()));
  // Votes and follows are sent by slug.
  events.subscribe(CHANNELS.content, (change) => mayRenameTools(change) && cache.clear());
  keepWhileHeard(cache, events);
}

const KEY = Symbol.for("ship-or-skip.viewer-cache");
const globalForViewerCache = globalThis as unknown as Record<typeof KEY, ViewerCache | null | undefined>;

/** This process's viewer cache, kept in step with the database events; null when VIEWER_CACHE=off or without a database. */
export function viewerCache(): ViewerCache | null {
  if (globalForViewerCache[KEY] !== undefined) return globalForViewerCache[KEY];
  const events = env.VIEWER_CACHE === "on" ? databaseEvents() : null;
  const cache = events ? new ViewerCache({ maxBytes: env.VIEWER_CACHE_MAX_MB * 1024 * 1024, ttlMs: env.VIEWER_CACHE_TTL_SECONDS * 1000 }) : null;
  if (cache && events) keepViewersInStep(cache, events);
  globalForViewerCache[KEY] = cache;
  return cache;
}
