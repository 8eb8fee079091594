import type { Runner } from "graphile-worker";
import { createPrismaClient } from "@/lib/db/client";
import { env, requireDatabaseUrl } from "@/lib/env";
import { startJobRunner } from "./runner";
import { log } from "@/lib/observability/log";

// No `server-only`: server.ts and scripts/worker.ts start this.

/**
 * This process's workers for the job queue, with a Prisma client of their own
 * (two connections): what `npm start` runs beside the site unless
 * JOBS_IN_PROCESS=false, and what `npm run worker` runs alone. `stop` lets the
 * jobs in flight finish, then closes the connections.
 */
export async function startWorkers(): Promise<{ runner: Runner; stop: () => Promise<void> }> {
  const connectionString = requireDatabaseUrl();
  const client = createPrismaClient(connectionString, { poolSize: 2 });
  let runner: Runner;
  try {
    runner = await startJobRunner({ connectionString, client, concurrency: env.JOBS_CONCURRENCY, newAccountHours: env.NEW_ACCOUNT_HOURS });
  } catch (error) {
    await client.$disconnect().catch(() => undefined);
    throw error;
  }
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      await runner.stop().catch((error: unknown) => log().error({ err: error }, "stopping the job workers failed"));
      await client.$disconnect().catch(() => undefined);
    })());
  return { runner, stop };
}

/**
 * The site's own workers (server.ts): started in the background, so a
 * database that is down when the site starts does not stop the site from
 * answering (its pages say the database is unavailable); retried with backoff
 * (5 s, doubling to a minute) until it is up, and again if the runner fails.
 */
export function superviseWorkers(): { stop: () => Promise<void> } {
  let current: Awaited<ReturnType<typeof startWorkers>> | null = null;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  /** Starts the workers; on failure tries again after `delay` ms, waiting twice as long each time (up to a minute). */
  const attempt = async (delay: number): Promise<void> => {
    if (stopping) return;
    try {
      const started = await startWorkers();
      if (stopping) return void (await started.stop());
      current = started;
      started.runner.promise.catch((error: unknown) => {
        log().error({ err: error }, "the job workers stopped; restarting them in 5 s");
        current = null;
        void started.stop().finally(() => later(5_000));
      });
    } catch (error) {
      log().error({ err: error }, `could not start the job workers; retrying in ${delay / 1000} s`);
      later(delay);
    }
  };
  const later = (delay: number) => {
    if (stopping) return;
    timer = setTimeout(() => void attempt(Math.min(delay * 2, 60_000)), delay);
    timer.unref();
  };
  void attempt(5_000);
  return {
    stop: async () => {
      stopping = true;
      clearTimeout(timer);
      await current?.stop();
    },
  };
}
