import "server-only";
import { db } from "@/lib/db";
import { isShuttingDown, pingLive } from "@/lib/live/listener";

export type Readiness = {
  ok: boolean;
  shuttingDown: boolean;
  database: { ok: boolean; ms: number };
  listener: { ok: boolean; ms: number; reconnects: number };
};

/** Can this node serve? The database answers, and the live listener hears its own NOTIFY. */
export async function checkReadiness(): Promise<Readiness> {
  const started = performance.now();
  const database = await db.$queryRaw`SELECT 1`.then(
    () => ({ ok: true, ms: Math.round(performance.now() - started) }),
    () => ({ ok: false, ms: Math.round(performance.now() - started) }),
  );
  // A node shutting down is not ready: the load balancer stops sending it work while it drains.
  const shuttingDown = isShuttingDown();
  const ping = database.ok && !shuttingDown ? await pingLive() : { ok: false, ms: 0, listens: 0 };
  const listener = { ok: ping.ok, ms: ping.ms, reconnects: Math.max(0, ping.listens - 1) };
  return { ok: database.ok && listener.ok && !shuttingDown, shuttingDown, database, listener };
}
