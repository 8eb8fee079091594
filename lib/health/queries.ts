import "server-only";
import { db } from "@/lib/db";
import { databaseEvents } from "@/lib/db-events/listener";
import { isShuttingDown } from "./shutdown";

export type Readiness = {
  ok: boolean;
  shuttingDown: boolean;
  database: { ok: boolean; ms: number };
  listener: { ok: boolean; ms: number; reconnects: number };
};

/** Can this node serve? The database answers, and this node's LISTEN connection hears its own NOTIFY. */
export async function checkReadiness(): Promise<Readiness> {
  const started = performance.now();
  const database = await db.$queryRaw`SELECT 1`.then(
    () => ({ ok: true, ms: Math.round(performance.now() - started) }),
    () => ({ ok: false, ms: Math.round(performance.now() - started) }),
  );
  // A node shutting down is not ready: the load balancer stops sending it work while it drains.
  const shuttingDown = isShuttingDown();
  const events = databaseEvents();
  const ping = database.ok && !shuttingDown && events ? await events.ping(1_000) : { heard: false, ms: 0 };
  const listener = { ok: ping.heard, ms: ping.ms, reconnects: Math.max(0, (events?.listens ?? 0) - 1) };
  return { ok: database.ok && listener.ok && !shuttingDown, shuttingDown, database, listener };
}
