import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { z } from "zod";
import { SITE_CONTENT_CHANNEL, TOOL_STATS_CHANNEL } from "@/lib/live/channels";
import { toolSlugSchema } from "@/lib/tools/schema";
import type { PageCache } from "./store";

const PING_CHANNEL = "page_cache_ping";
/** How often the watch proves the database answers and NOTIFYs arrive (and faster while it does not). */
const PING_EVERY_MS = 2_000;
const PING_WHILE_DOWN_MS = 1_000;
const PING_TIMEOUT_MS = 2_000;
const SLOW_PINGS_FOR_OUTAGE = 3;

const toolStatsSlug = z.object({ slug: toolSlugSchema });

export type DatabaseWatch = {
  /** False once a ping could not reach the database; true again as soon as one does. */
  readonly databaseUp: boolean;
  /** Ping now (something just failed in a way that may mean the database is gone). */
  check: () => void;
  stop: () => Promise<void>;
};

/**
 * The proxy's view of the database, over its own postgres.js connections:
 * - reachability: a ping (a NOTIFY through one connection, heard on the
 *   LISTEN connection) every 2 s, every second while in doubt; a refused or
 *   dropped connection is an outage at once, a slow answer only three in a row;
 * - when a page cache is given, it keeps it in step: a counter write
 *   (`tool_stats`) drops the pages showing that tool, a staff edit
 *   (`site_content`) drops everything. The cache serves only while the LISTEN
 *   connection is known to be listening: it starts empty on every (re)LISTEN,
 *   and a ping that is not heard turns it off until one is.
 */
export function startDatabaseWatch(databaseUrl: string, name: string, cache: PageCache | null): DatabaseWatch {
  const sql = postgres(databaseUrl, {
    max: 1,
    connect_timeout: 2,
    connection: { application_name: `ship-or-skip-proxy ${name}`.slice(0, 63) },
    onnotice: () => {},
  });
  const pings = new Map<string, () => void>();
  let databaseUp = true;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const onToolStats = (payload: string) => {
    const parsed = toolStatsSlug.safeParse(safeJson(payload));
    // A payload we cannot read still means something changed.
    if (parsed.success) cache?.invalidateTools([parsed.data.slug]);
    else cache?.clear();
  };
  // postgres.js re-listens by itself after a lost connection, but not when the first LISTEN failed.
  let listening: Promise<unknown> | null = null;
  const listen = () => {
    listening ??= Promise.all([
      ...(cache
        ? [sql.listen(TOOL_STATS_CHANNEL, onToolStats), sql.listen(SITE_CONTENT_CHANNEL, () => cache.clear())]
        : []),
      // Listened to last: after a reconnect postgres.js re-listens in order, so once this one is back the others are too.
      sql.listen(PING_CHANNEL, (id) => pings.get(id)?.(), () => cache?.relistened()),
    ]).catch(() => {
      listening = null;
      cache?.setListening(false);
    });
  };
  listen();

  // A refused or dropped connection means the database is gone. A slow answer alone (a busy
  // machine, a GC pause) is not an outage: it takes SLOW_PINGS_FOR_OUTAGE of them in a row.
  let slowPings = 0;
  const ping = async () => {
    const id = randomUUID();
    const heard = new Promise<void>((resolve) => pings.set(id, resolve));
    try {
      try {
        await Promise.race([sql`SELECT pg_notify(${PING_CHANNEL}, ${id})`, timeout(PING_TIMEOUT_MS)]);
      } catch (error) {
        slowPings = isConnectionError(error) ? SLOW_PINGS_FOR_OUTAGE : slowPings + 1;
        cache?.setListening(false);
        if (slowPings >= SLOW_PINGS_FOR_OUTAGE) {
          if (databaseUp) console.error("Proxy: the database does not answer; answering 503 until it does.");
          databaseUp = false;
        }
        return;
      }
      slowPings = 0;
      if (!databaseUp) console.error("Proxy: the database answers again.");
      databaseUp = true;
      listen();
      try {
        await Promise.race([heard, timeout(PING_TIMEOUT_MS)]);
        cache?.setListening(true);
      } catch {
        cache?.setListening(false);
      }
    } finally {
      pings.delete(id);
    }
  };

  const schedule = (ms: number) => {
    clearTimeout(timer);
    if (stopped) return;
    timer = setTimeout(() => void ping().finally(() => schedule(databaseUp && slowPings === 0 ? PING_EVERY_MS : PING_WHILE_DOWN_MS)), ms);
    timer.unref();
  };
  schedule(0);

  return {
    get databaseUp() {
      return databaseUp;
    },
    check: () => schedule(0),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      cache?.setListening(false);
      await sql.end({ timeout: 1 });
    },
  };
}

/** postgres.js / Node errors that mean no connection, as opposed to a slow one. */
function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^(ECONNREFUSED|ECONNRESET|EPIPE|ENOTFOUND|EHOSTUNREACH|CONNECTION_CLOSED|CONNECTION_ENDED|CONNECTION_DESTROYED|CONNECT_TIMEOUT|57P0[1-3])$/.test(code);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const timeout = (ms: number) =>
  new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms).unref());
