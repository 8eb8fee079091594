import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import type pg from "pg";
import { isbot } from "isbot";
import { visitWindowStart } from "@/lib/alternatives/rank";
import type { PrismaClient } from "@/lib/db/client";
import { getPool } from "@/lib/db/pool";
import { env } from "@/lib/env";
import { log } from "@/lib/observability/log";

/**
 * How often readers open the comparison of each pair of tools
 * (docs/decisions/040-alternatives.md): the "often compared" signal of
 * /tools/<slug>/alternatives.
 *
 * Counted by the front gate (server.ts), which every visit passes, whether the
 * page cache or Next answers it: a GET of /compare/<a>-vs-<b> answered with
 * 200, as an HTML load or a client-router navigation (RSC), not a prefetch, a
 * HEAD or a crawler. An HTML load answers 200 only for the canonical address
 * of two listed tools; a client navigation answers 200 whatever its page does
 * (Next puts a redirect or a 404 in the payload), so the write keeps only the
 * visits of a canonical address of two listed tools — what a page load would
 * have counted, and never a navigation twice (once before its redirect, once after).
 * Nothing about the reader is kept: per node, a map of (UTC day, address) →
 * count, added to ComparisonVisit in one statement every
 * PAIR_VISITS_FLUSH_SECONDS and on shutdown. Each node adds its own counts, so
 * any number of nodes add up. A plain module (no "server-only"): the gate imports it.
 */

/** Pairs × days one node holds between flushes; visits to further pairs wait for the next flush's room (they are dropped and logged). */
export const MAX_PENDING_PAIRS = 10_000;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The two tool slugs of a comparison page's address, in the address's order; null for any other address. */
export function comparisonSlugsOf(url: string): [string, string] | null {
  const query = url.indexOf("?");
  const path = query === -1 ? url : url.slice(0, query);
  if (!path.startsWith("/compare/")) return null;
  // Slugs never contain "-vs-" (lib/comparisons/schema.ts), so a comparison's address splits in two.
  const slugs = path.slice("/compare/".length).split("-vs-");
  if (slugs.length !== 2) return null;
  const [a, b] = slugs as [string, string];
  if (a === b || a.length > 80 || b.length > 80 || !SLUG.test(a) || !SLUG.test(b)) return null;
  return [a, b];
}

const header = (headers: IncomingHttpHeaders, name: string) => {
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : value;
};

/**
 * A reader's visit: a GET (HEAD asks for nothing to read), not a prefetch
 * (Next's router prefetches links in view; browsers' speculative loads say
 * Sec-Purpose), from a browser rather than a crawler, a link preview or a
 * script (isbot's list; no user agent at all is not a reader either).
 */
export function isReaderVisit(method: string | undefined, headers: IncomingHttpHeaders): boolean {
  if (method !== "GET") return false;
  if (header(headers, "next-router-prefetch") !== undefined || header(headers, "next-router-segment-prefetch") !== undefined) return false;
  if (/prefetch|prerender/i.test(header(headers, "sec-purpose") ?? header(headers, "purpose") ?? "")) return false;
  const agent = header(headers, "user-agent");
  return Boolean(agent) && !isbot(agent);
}

/** Today in UTC, as the `day` column stores it. */
export const utcDay = (at = new Date()) => at.toISOString().slice(0, 10);

/** Visits of /compare/<a>-vs-<b> on a UTC day. */
export type PairVisits = { day: string; a: string; b: string; visits: number };

/** One node's counts since its last flush: (day, address) → visits, at most `maxPairs` entries. */
export class PairVisitCounter {
  private pending = new Map<string, number>();
  /** Visits not counted because the map was full, since the last `take`. */
  dropped = 0;

  constructor(readonly maxPairs = MAX_PENDING_PAIRS) {}

  get size(): number {
    return this.pending.size;
  }

  /** Counts `visits` of /compare/<a>-vs-<b> on `day`; false when the map is full and the address is new. */
  add(day: string, a: string, b: string, visits = 1): boolean {
    const key = `${day} ${a} ${b}`;
    const current = this.pending.get(key);
    if (current === undefined && this.pending.size >= this.maxPairs) {
      this.dropped += visits;
      return false;
    }
    this.pending.set(key, (current ?? 0) + visits);
    return true;
  }

  /** Everything counted so far, leaving the counter empty. */
  take(): { batch: PairVisits[]; dropped: number } {
    const batch = [...this.pending].map(([key, visits]) => {
      const [day, a, b] = key.split(" ") as [string, string, string];
      return { day, a, b, visits };
    });
    const dropped = this.dropped;
    this.pending = new Map();
    this.dropped = 0;
    return { batch, dropped };
  }

  /** A batch that could not be written comes back, as far as there is room. */
  restore(batch: PairVisits[]): void {
    for (const row of batch) this.add(row.day, row.a, row.b, row.visits);
  }
}

/**
 * Adds a batch to ComparisonVisit in one statement. Slugs become tool ids by
 * a join with the listed tools, and only the pair's canonical address counts
 * (as lib/comparisons/queries.ts decides it: the published comparison's slug,
 * else the two slugs in alphabetical order), so a navigation to an address
 * the page redirects or refuses is left out, as is a pair whose tool was
 * archived or renamed since. Rows are summed per (pair, day) and written in
 * key order, so two nodes flushing at once lock rows in the same order (no
 * deadlock) and `visits + EXCLUDED.visits` adds both.
 */
export async function writePairVisits(batch: PairVisits[], pool: pg.Pool = getPool()): Promise<number> {
  if (batch.length === 0) return 0;
  const result = await pool.query({
    name: "write_pair_visits",
    text: `INSERT INTO "ComparisonVisit" ("toolAId", "toolBId", "day", "visits")
           SELECT least(a."id", b."id"), greatest(a."id", b."id"), v."day", sum(v."visits")::int
           FROM unnest($1::date[], $2::text[], $3::text[], $4::int[]) AS v("day", "a", "b", "visits")
           JOIN "Tool" a ON a."slug" = v."a" AND a."archivedAt" IS NULL
           JOIN "Tool" b ON b."slug" = v."b" AND b."archivedAt" IS NULL
           LEFT JOIN "Comparison" c ON c."status" = 'PUBLISHED'
             AND ((c."toolAId" = a."id" AND c."toolBId" = b."id") OR (c."toolAId" = b."id" AND c."toolBId" = a."id"))
           WHERE a."id" <> b."id" AND v."visits" > 0
             AND CASE WHEN c."id" IS NULL THEN v."a" COLLATE "C" < v."b" COLLATE "C" ELSE c."slug" = v."a" || '-vs-' || v."b" END
           GROUP BY 1, 2, 3
           ORDER BY 1, 2, 3
           ON CONFLICT ("toolAId", "toolBId", "day") DO UPDATE SET "visits" = "ComparisonVisit"."visits" + EXCLUDED."visits"`,
    values: [batch.map((row) => row.day), batch.map((row) => row.a), batch.map((row) => row.b), batch.map((row) => row.visits)],
  });
  return result.rowCount ?? 0;
}

/**
 * Deletes the days that have left the window the alternatives read (PAIR_VISIT_WINDOW_DAYS): the table
 * keeps at most a window's days per pair. The queue's prune_comparison_visits runs it daily.
 */
export async function pruneComparisonVisits(client: PrismaClient, now = new Date()): Promise<number> {
  const { count } = await client.comparisonVisit.deleteMany({ where: { day: { lt: visitWindowStart(now) } } });
  return count;
}

type NodeCounting = { counter: PairVisitCounter; flushing: Promise<void> | null; timer: NodeJS.Timeout | null };
const KEY = Symbol.for("ship-or-skip.pair-visits");
const globalForVisits = globalThis as unknown as Record<typeof KEY, NodeCounting | undefined>;

function nodeCounting(): NodeCounting {
  let state = globalForVisits[KEY];
  if (!state) {
    state = globalForVisits[KEY] = { counter: new PairVisitCounter(), flushing: null, timer: null };
    // Started by the first visit; never keeps the process alive by itself.
    state.timer = setInterval(() => void flushPairVisits(), env.PAIR_VISITS_FLUSH_SECONDS * 1000);
    state.timer.unref();
  }
  return state;
}

/**
 * The gate's step: when this request is a reader's visit of a comparison
 * page, count its address once the answer is sent with 200. Costs a string
 * check for every other request.
 */
export function countComparisonVisit(request: IncomingMessage, response: ServerResponse): void {
  const pair = comparisonSlugsOf(request.url ?? "/");
  if (!pair || !isReaderVisit(request.method, request.headers)) return;
  response.once("finish", () => {
    if (response.statusCode === 200) nodeCounting().counter.add(utcDay(), pair[0], pair[1]);
  });
}

/**
 * Writes this node's counts so far (every PAIR_VISITS_FLUSH_SECONDS, and on
 * shutdown). One flush at a time; a failed write keeps its counts for the next one.
 */
export async function flushPairVisits(): Promise<void> {
  const state = globalForVisits[KEY];
  if (!state) return;
  while (state.flushing) await state.flushing;
  state.flushing = (async () => {
    const { batch, dropped } = state.counter.take();
    if (dropped > 0) log().warn({ dropped, pairs: batch.length }, "comparison visits: the pending map was full, visits not counted");
    if (batch.length === 0) return;
    try {
      await writePairVisits(batch);
    } catch (error) {
      state.counter.restore(batch);
      log().warn({ err: error, pairs: batch.length }, "comparison visits: flush failed, kept for the next one");
    }
  })();
  try {
    await state.flushing;
  } finally {
    state.flushing = null;
  }
}
