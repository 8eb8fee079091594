import { Logger, runMigrations, type LogLevel } from "graphile-worker";

// Tooling, not the app: scripts/db/migrations.ts runs this for every database it migrates (the running workers log through lib/observability).

/** graphile-worker's log lines, through the console: warnings and errors always, the rest with JOBS_DEBUG=true. */
export const logger = new Logger(() => (level: LogLevel, message: string) => {
  if (level === "error") console.error(`[jobs] ${message}`);
  else if (level === "warning") console.warn(`[jobs] ${message}`);
  else if (process.env.JOBS_DEBUG === "true") console.log(`[jobs] ${message}`);
});

/** Creates or updates the job queue's own schema (graphile_worker, kept by its package); idempotent. */
export async function migrateJobQueue(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, logger });
}
