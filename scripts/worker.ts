/**
 * npm run worker: the job queue's workers and scheduler alone (lib/jobs,
 * docs/decisions/031), for a deployment that runs them apart from the site's
 * nodes (set JOBS_IN_PROCESS=false there). Needs DATABASE_URL, migrated
 * (`npm run db:migrate`). Any number may run: each job runs once, each
 * schedule tick on one of them. SIGTERM / SIGINT: finishes the jobs in flight, then exits.
 */
import { startWorkers } from "../lib/jobs/process";

if (!process.env.DATABASE_URL) {
  console.error("✖ DATABASE_URL is not set: point it at the site's (migrated) database.");
  process.exit(1);
}

const workers = await startWorkers();
console.log("▸ Job workers running (promote_pending_votes every minute, snapshot_tool_figures daily at 23:55 UTC)");
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    void workers.stop().finally(() => process.exit(0));
  });
}
await workers.runner.promise;
