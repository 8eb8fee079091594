import { parseCrontab, run, type Runner } from "graphile-worker";
import type { PrismaClient } from "@/lib/db/client";
import { logger } from "./migrate";
import { CRONTAB, jobTasks, type JobSettings } from "./tasks";

// No `server-only`: started by server.ts (`npm start`, in-process) or scripts/worker.ts (`npm run worker`).

/**
 * Starts the queue's workers and its scheduler (docs/decisions/031): jobs are
 * picked up as soon as they are added (LISTEN/NOTIFY), each run by one worker
 * of however many nodes run this; a crontab tick is claimed by one node only.
 * On its own small pool: a stuck job cannot starve the pages of connections.
 */
export async function startJobRunner(options: { connectionString: string; client: PrismaClient; concurrency: number } & JobSettings): Promise<Runner> {
  return run({
    connectionString: options.connectionString,
    maxPoolSize: options.concurrency + 2,
    concurrency: options.concurrency,
    noHandleSignals: true,
    logger,
    taskList: jobTasks(options.client, options),
    parsedCronItems: parseCrontab(CRONTAB),
  });
}
