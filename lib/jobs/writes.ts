import "server-only";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { errorLine, maskEmail } from "./display";

/** A failed job that cannot be retried or discarded (gone, running, or not failed): nothing was written. */
export class JobError extends Error {}

type FailedRow = { id: bigint; task: string; attempts: number; max_attempts: number; last_error: string | null; recipient: string | null };

/** The failed job, locked for this transaction; JobError when it is not a failed job any more. */
async function lockFailedJob(tx: Prisma.TransactionClient, jobId: string): Promise<FailedRow> {
  const [job] = await tx.$queryRaw<FailedRow[]>`
    SELECT jobs.id, tasks.identifier AS task, jobs.attempts, jobs.max_attempts, jobs.last_error,
           CASE WHEN tasks.identifier = 'send_email' THEN jobs.payload #>> '{email,to}' END AS recipient
    FROM graphile_worker._private_jobs AS jobs
    JOIN graphile_worker._private_tasks AS tasks ON tasks.id = jobs.task_id
    WHERE jobs.id = ${BigInt(jobId)} FOR UPDATE OF jobs`;
  if (!job) throw new JobError("That job is gone: it was retried and done, or discarded.");
  if (job.attempts < job.max_attempts) throw new JobError("That job has not failed for good: the queue is still trying it.");
  return job;
}

/** What the audit log keeps of a job: never its payload, only the masked recipient. */
const audited = (job: FailedRow) => ({
  task: job.task,
  attempts: job.attempts,
  maxAttempts: job.max_attempts,
  error: errorLine(job.last_error),
  recipient: job.recipient ? maskEmail(job.recipient) : null,
});

/** Staff: run a failed job again now, with all its attempts back (graphile-worker's reschedule_jobs). Audited. */
export async function retryJob(jobId: string, actorId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const job = await lockFailedJob(tx, jobId);
    await tx.$queryRaw`SELECT 1 FROM graphile_worker.reschedule_jobs(ARRAY[${job.id}]::bigint[], run_at => now(), attempts => 0)`;
    // Wake the workers at once rather than at their next poll (the signal add_job sends).
    await tx.$executeRaw`SELECT pg_notify('jobs:insert', '{"r":0,"count":1}')`;
    await recordAudit(tx, { actorId, action: "job.retry", entityType: "Job", entityId: jobId, before: audited(job) });
  });
}

/** Staff: drop a failed job, payload and all (graphile-worker's complete_jobs deletes it). Audited. */
export async function discardJob(jobId: string, actorId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const job = await lockFailedJob(tx, jobId);
    await tx.$queryRaw`SELECT 1 FROM graphile_worker.complete_jobs(ARRAY[${job.id}]::bigint[])`;
    await recordAudit(tx, { actorId, action: "job.discard", entityType: "Job", entityId: jobId, before: audited(job) });
  });
}
