import { Logger, parseCrontab, run, type Runner } from "graphile-worker";
import { log } from "@/lib/observability/log";
import { traceTasks } from "@/lib/observability/tracing";
import type { PrismaClient } from "@/lib/db/client";
import { CRONTAB, jobTasks, type JobSettings } from "./tasks";

// No `server-only`: started by server.ts (`npm start`, in-process) or scripts/worker.ts (`npm run worker`).

/**
 * Starts the queue's workers and its scheduler (docs/decisions/031): jobs are
 * picked up as soon as they are added (LISTEN/NOTIFY), each run by one worker
 * of however many nodes run this; a crontab tick is claimed by one node only.
 * On its own small pool: a stuck job cannot starve the pages of connections.
 */
/** graphile-worker's lines as the app's JSON log lines, with the job, task and worker they are about. */
const jobLogger = new Logger((scope) => (level, message) => {
  const fields = { job: scope.jobId, task: scope.taskIdentifier, worker: scope.workerId };
  if (level === "error") log().error(fields, message);
  else if (level === "warning") log().warn(fields, message);
  else if (level === "info") log().info(fields, message);
  else log().debug(fields, message);
});

export async function startJobRunner(options: { connectionString: string; client: PrismaClient; concurrency: number } & JobSettings): Promise<Runner> {
  return run({
    connectionString: options.connectionString,
    maxPoolSize: options.concurrency + 2,
    concurrency: options.concurrency,
    noHandleSignals: true,
    logger: jobLogger,
    // Each run in a span of its own when tracing is on (lib/observability/tracing.ts).
    taskList: traceTasks(jobTasks(options.client, options)),
    parsedCronItems: parseCrontab(CRONTAB),
  });
}
