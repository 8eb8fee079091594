import { stopDatabaseEvents } from "@/lib/db-events/listener";
import { log } from "@/lib/observability/log";

/**
 * This node's shutdown. On SIGTERM / SIGINT every long-lived answer (the live
 * streams) ends — browsers reconnect to another node — and the LISTEN
 * connection closes; without this an open stream keeps the HTTP server from
 * closing and the process waits for a SIGKILL. Readiness reports
 * "shutting-down" from the signal on, so a load balancer stops sending work.
 */

const KEY = Symbol.for("ship-or-skip.shutdown");
const globalForShutdown = globalThis as unknown as Record<typeof KEY, AbortController | undefined>;

/** Aborted when this node begins to shut down. */
export function shutdownSignal(): AbortSignal {
  globalForShutdown[KEY] ??= new AbortController();
  return globalForShutdown[KEY].signal;
}

export const isShuttingDown = () => shutdownSignal().aborted;

export async function shutDown(): Promise<void> {
  shutdownSignal();
  globalForShutdown[KEY]!.abort();
  await stopDatabaseEvents({ forGood: true });
}

export function registerShutdown(): void {
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      void shutDown().catch((error: unknown) => log().error({ err: error }, "shutdown failed"));
    });
  }
}
