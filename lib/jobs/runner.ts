import { EventEmitter } from "node:events";
import { Logger, parseCrontab, run, type Runner, type WorkerEvents } from "graphile-worker";
import { log } from "@/lib/observability/log";
import { traceTasks } from "@/lib/observability/tracing";
import type { PrismaClient } from "@/lib/db/client";
import { takeNodeLock, SWEEP_INTERVAL_MS } from "./recovery";
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

/**
 * Also hands back the jobs of nodes that died mid-job (lib/jobs/recovery.ts):
 * this node holds its liveness lock while it runs, records its workers, and
 * looks for dead nodes' workers on start and every minute. If its own lock's
 * connection is lost, it stops its workers (others will take their jobs) and
 * its `promise` rejects, so a supervisor starts it again under a new key.
 */
export async function startJobRunner(options: { connectionString: string; client: PrismaClient; concurrency: number } & JobSettings): Promise<Runner> {
  const node = await takeNodeLock(options.connectionString);
  const events: WorkerEvents = new EventEmitter();
  node.recordWorkers(events);
  let runner: Runner;
  try {
    runner = await run({
      connectionString: options.connectionString,
      maxPoolSize: options.concurrency + 2,
      concurrency: options.concurrency,
      noHandleSignals: true,
      logger: jobLogger,
      events,
      // Each run in a span of its own when tracing is on (lib/observability/tracing.ts).
      taskList: traceTasks(jobTasks(options.client, options)),
      parsedCronItems: parseCrontab(CRONTAB),
    });
  } catch (error) {
    await node.release();
    throw error;
  }
  const sweep = () => void node.sweep().catch((error: unknown) => log().error({ err: error }, "could not look for the jobs of crashed nodes"));
  sweep();
  const timer = setInterval(sweep, SWEEP_INTERVAL_MS);
  timer.unref();
  const lost = node.lost.then(async (error) => {
    log().error({ err: error }, "the job node lost its liveness lock; stopping its workers");
    await runner.stop().catch(() => undefined);
    throw error;
  });
  const promise = Promise.race([runner.promise, lost]).finally(() => {
    clearInterval(timer);
    return node.release();
  });
  // Stopping also releases the lock (and forgets this node's workers) before it resolves.
  const stop = async (reason?: string) => {
    await runner.stop(reason);
    await promise.catch(() => undefined);
  };
  return { ...runner, stop, promise };
}
