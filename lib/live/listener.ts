import "server-only";
import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { db } from "@/lib/db";
import { env, requireDatabaseUrl } from "@/lib/env";
import { TOOL_STATS_CHANNEL } from "@/lib/stats/write";
import { LiveHub } from "./hub";
import { toolStatsChangeSchema, type ToolStatsChange } from "./schema";

/** How listener connections show in pg_stat_activity: the prefix, then this node's id (tests cut one by it). */
export const LIVE_APPLICATION_NAME = "ship-or-skip-live";
const applicationName = `${LIVE_APPLICATION_NAME} ${env.NODE_ID ?? `pid-${process.pid}`}`.slice(0, 63);
const PING_CHANNEL = "live_ping";

type Runtime = {
  hub: LiveHub;
  sql: postgres.Sql;
  ready: Promise<void>;
  /** Times LISTEN was (re-)established: 1 after start, +1 per reconnect. */
  listens: number;
  pings: Map<string, () => void>;
};

const globalForLive = globalThis as unknown as { __live?: Runtime; __liveShutdown?: AbortController };

/** Aborted when this node begins to shut down: every live stream ends, so the server can close. */
export function liveShutdownSignal(): AbortSignal {
  globalForLive.__liveShutdown ??= new AbortController();
  return globalForLive.__liveShutdown.signal;
}

export const isShuttingDown = () => liveShutdownSignal().aborted;

/**
 * SIGTERM / SIGINT: end every SSE stream (browsers reconnect to another node)
 * and close the LISTEN connection. Without this an open stream keeps the
 * HTTP server from closing, and the process waits for a SIGKILL.
 */
export async function shutdownLive(): Promise<void> {
  liveShutdownSignal();
  globalForLive.__liveShutdown!.abort();
  await stopLive();
}

export function registerLiveShutdown(): void {
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      void shutdownLive().catch((error) => console.error("Live shutdown failed:", error));
    });
  }
}

/**
 * This node's one LISTEN connection (postgres.js keeps it, reconnecting with
 * backoff) and its hub. Every counter change on any node arrives here as a
 * NOTIFY and goes out to this node's streams. After a reconnect the followed
 * tools' current figures are re-read and published, so nothing missed during
 * the gap stays stale.
 */
export function startLive(): Runtime {
  if (globalForLive.__live) return globalForLive.__live;
  const sql = postgres(requireDatabaseUrl(), {
    max: 1,
    connection: { application_name: applicationName },
    onnotice: () => {},
  });
  const runtime: Runtime = { hub: new LiveHub(), sql, ready: Promise.resolve(), listens: 0, pings: new Map() };
  const onStats = (payload: string) => {
    const parsed = toolStatsChangeSchema.safeParse(safeJson(payload));
    if (parsed.success) runtime.hub.publish(parsed.data);
    else console.error("Ignoring a malformed tool_stats notification:", payload.slice(0, 200));
  };
  const onListen = () => {
    runtime.listens += 1;
    if (runtime.listens > 1) void resync(runtime.hub).catch((error) => console.error("Live resync failed:", error));
  };
  runtime.ready = Promise.all([
    sql.listen(TOOL_STATS_CHANNEL, onStats, onListen),
    sql.listen(PING_CHANNEL, (id) => runtime.pings.get(id)?.()),
  ]).then(() => undefined);
  runtime.ready.catch((error) => console.error("Live listener could not start:", error));
  globalForLive.__live = runtime;
  return runtime;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Current counters of listed tools, shaped like a NOTIFY payload. */
export async function currentToolStats(where: { ids?: string[]; slugs?: string[] }): Promise<ToolStatsChange[]> {
  const rows = await db.tool.findMany({
    where: { archivedAt: null, ...(where.ids ? { id: { in: where.ids } } : {}), ...(where.slugs ? { slug: { in: where.slugs } } : {}) },
    select: { id: true, slug: true, stats: { select: { panelShip: true, panelTotal: true, communityShip: true, communityTotal: true, updatedAt: true } } },
  });
  return rows.map((row) => ({
    toolId: row.id,
    slug: row.slug,
    panelShip: row.stats?.panelShip ?? 0,
    panelTotal: row.stats?.panelTotal ?? 0,
    communityShip: row.stats?.communityShip ?? 0,
    communityTotal: row.stats?.communityTotal ?? 0,
    at: row.stats?.updatedAt.getTime() ?? 0,
  }));
}

async function resync(hub: LiveHub) {
  const ids = hub.followedTools();
  if (ids.length === 0) return;
  for (const stats of await currentToolStats({ ids })) hub.publish(stats);
}

/**
 * End-to-end check of the listener: NOTIFY a ping through the normal pool and
 * wait for it to come back on the LISTEN connection.
 */
export async function pingLive(timeoutMs = 1_000): Promise<{ ok: boolean; ms: number; listens: number }> {
  const runtime = startLive();
  const started = performance.now();
  const id = randomUUID();
  try {
    await Promise.race([runtime.ready, timeout(timeoutMs)]);
    const heard = new Promise<void>((resolve) => runtime.pings.set(id, resolve));
    await db.$executeRaw`SELECT pg_notify(${PING_CHANNEL}, ${id})`;
    await Promise.race([heard, timeout(timeoutMs)]);
    return { ok: true, ms: Math.round(performance.now() - started), listens: runtime.listens };
  } catch {
    return { ok: false, ms: Math.round(performance.now() - started), listens: runtime.listens };
  } finally {
    runtime.pings.delete(id);
  }
}

const timeout = (ms: number) =>
  new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms).unref?.());

/** Closes the LISTEN connection (graceful shutdown, tests). */
export async function stopLive(): Promise<void> {
  const runtime = globalForLive.__live;
  globalForLive.__live = undefined;
  await runtime?.sql.end({ timeout: 1 });
}
