import type { Email } from "@/lib/email/send";
import type { PrismaClient } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { EMAIL_KINDS, emailJobPayloadSchema, MAX_EMAIL_PAYLOAD_BYTES, type EmailKind } from "./schema";

// No `server-only`: the weekly digest task (plain Node) enqueues through this too.

/** The id the front gate gave the request this runs in (lib/observability/gate.ts); none outside a request (a job, a script). */
async function currentRequestId(): Promise<string | undefined> {
  try {
    const { headers } = await import("next/headers");
    return (await headers()).get("x-request-id") ?? undefined;
  } catch {
    return undefined;
  }
}

/** The task that sends one email (lib/jobs/tasks.ts). */
export const SEND_EMAIL_TASK = "send_email";

/** A Prisma transaction (or the client itself, for a write that is one statement: Auth.js's token). */
type Queryable = Prisma.TransactionClient | PrismaClient;

/**
 * Puts one email on the job queue, inside the caller's transaction: it is sent
 * only if the write that caused it commits, and is not lost if this node stops
 * (docs/decisions/035). The message is rendered already (no template runs in
 * the worker); `key` collapses a duplicate still waiting in the queue into one
 * job. Retries follow the kind's attempts (EMAIL_KINDS).
 */
export async function enqueueEmail(tx: Queryable, kind: EmailKind, email: Email, options: { key?: string; expiresAt?: Date } = {}): Promise<void> {
  const payload = emailJobPayloadSchema.parse({ kind, email, expiresAt: options.expiresAt?.toISOString(), requestId: await currentRequestId() });
  const json = JSON.stringify(payload);
  if (Buffer.byteLength(json) > MAX_EMAIL_PAYLOAD_BYTES) throw new Error(`A ${kind} email of ${Buffer.byteLength(json)} bytes is over the queue's ${MAX_EMAIL_PAYLOAD_BYTES}-byte limit`);
  await tx.$queryRaw`
    SELECT 1 FROM graphile_worker.add_job(
      ${SEND_EMAIL_TASK}::text,
      payload => ${json}::json,
      max_attempts => ${EMAIL_KINDS[kind].maxAttempts}::int,
      job_key => ${options.key ?? null}::text,
      job_key_mode => 'preserve_run_at'
    )`;
}
