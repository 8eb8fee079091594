import "server-only";
import { db } from "@/lib/db";
import { errorLine, maskEmail } from "./display";
import { FAILED_JOBS_PAGE } from "./schema";

/**
 * What /admin/jobs shows of the job queue (graphile-worker's `jobs` view;
 * docs/decisions/035). Never a payload: only a send_email job's recipient,
 * masked, is read out of it.
 */

export type JobState = "queued" | "retrying" | "running" | "failed";
export type JobCounts = { task: string; queued: number; retrying: number; running: number; failed: number };

/** Per task: waiting for a first try, waiting to try again after a failure, held by a worker now, out of attempts. */
export async function countJobs(): Promise<JobCounts[]> {
  const rows = await db.$queryRaw<{ task: string; queued: number; retrying: number; running: number; failed: number }[]>`
    SELECT task_identifier AS task,
           count(*) FILTER (WHERE locked_at IS NULL AND attempts = 0)::int AS queued,
           count(*) FILTER (WHERE locked_at IS NULL AND attempts > 0 AND attempts < max_attempts)::int AS retrying,
           count(*) FILTER (WHERE locked_at IS NOT NULL)::int AS running,
           count(*) FILTER (WHERE locked_at IS NULL AND attempts >= max_attempts)::int AS failed
    FROM graphile_worker.jobs
    GROUP BY task_identifier
    ORDER BY task_identifier`;
  return rows;
}

export type FailedJob = {
  id: string;
  task: string;
  attempts: number;
  maxAttempts: number;
  error: string | null;
  failedAt: Date;
  createdAt: Date;
  /** A send_email job's recipient, masked (`a•••@example.com`). */
  recipient: string | null;
};

/** Jobs out of attempts, the latest failure first; at most FAILED_JOBS_PAGE, with how many there are in all. */
export async function listFailedJobs(): Promise<{ jobs: FailedJob[]; total: number }> {
  const [rows, [count]] = await Promise.all([
    db.$queryRaw<{ id: bigint; task: string; attempts: number; max_attempts: number; last_error: string | null; updated_at: Date; created_at: Date; recipient: string | null }[]>`
      SELECT jobs.id, jobs.task_identifier AS task, jobs.attempts, jobs.max_attempts, jobs.last_error, jobs.updated_at, jobs.created_at,
             CASE WHEN jobs.task_identifier = 'send_email' THEN private.payload #>> '{email,to}' END AS recipient
      FROM graphile_worker.jobs
      JOIN graphile_worker._private_jobs AS private ON private.id = jobs.id
      WHERE jobs.locked_at IS NULL AND jobs.attempts >= jobs.max_attempts
      ORDER BY jobs.updated_at DESC, jobs.id DESC
      LIMIT ${FAILED_JOBS_PAGE}`,
    db.$queryRaw<{ total: number }[]>`
      SELECT count(*)::int AS total FROM graphile_worker.jobs WHERE locked_at IS NULL AND attempts >= max_attempts`,
  ]);
  return {
    total: count?.total ?? 0,
    jobs: rows.map((row) => ({
      id: row.id.toString(),
      task: row.task,
      attempts: row.attempts,
      maxAttempts: row.max_attempts,
      error: errorLine(row.last_error),
      failedAt: row.updated_at,
      createdAt: row.created_at,
      recipient: row.recipient ? maskEmail(row.recipient) : null,
    })),
  };
}
