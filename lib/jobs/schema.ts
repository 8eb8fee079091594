import { z } from "zod";

// No `server-only`: the send_email task (plain Node) parses its payload with these.

/**
 * The kinds of email the queue sends, and how hard it tries (docs/decisions/035).
 * graphile-worker waits e^attempt seconds after each failure (2.7 s, 7.4 s,
 * 20 s, 55 s, 2.5 min, 6.7 min, 18 min, 50 min, 2.3 h, then 6.1 h each).
 *   sign-in    8 attempts, ≈ 28 min of trying: the link is dead after its hour anyway
 *              (and a job past the link's expiry is dropped, not sent).
 *   newsletter 12 attempts, ≈ 16 h: the confirm link lives 48 h.
 *   digest     14 attempts, ≈ 28 h: a week's digest is still worth a day's delay.
 *   follow     11 attempts, ≈ 10 h: a day's changes on followed tools, before the next day's email.
 *   suggestion 12 attempts, ≈ 16 h: a reader's suggestion changed status (it stays on /account).
 */
export const EMAIL_KINDS = {
  "sign-in": { maxAttempts: 8 },
  newsletter: { maxAttempts: 12 },
  digest: { maxAttempts: 14 },
  follow: { maxAttempts: 11 },
  suggestion: { maxAttempts: 12 },
} as const;
export type EmailKind = keyof typeof EMAIL_KINDS;

/** A rendered message is small; anything bigger is a bug, refused before it reaches the queue. */
export const MAX_EMAIL_PAYLOAD_BYTES = 256 * 1024;

export const emailSchema = z.object({
  to: z.email().max(320),
  subject: z.string().min(1).max(500),
  text: z.string().min(1),
  html: z.string(),
  headers: z.record(z.string(), z.string()).optional(),
});

/** The send_email job's payload: the rendered message (links included: it is deleted when the job completes). */
export const emailJobPayloadSchema = z.object({
  kind: z.enum(Object.keys(EMAIL_KINDS) as [EmailKind, ...EmailKind[]]),
  email: emailSchema,
  /** After this instant the message is useless (a sign-in link's expiry): dropped instead of sent. */
  expiresAt: z.iso.datetime().optional(),
  /** The id of the request that caused it (X-Request-Id), so the send's log line can be found from the request's. */
  requestId: z.string().regex(/^[A-Za-z0-9._:-]{8,64}$/).optional(),
});
export type EmailJobPayload = z.infer<typeof emailJobPayloadSchema>;

// ---------------------------------------------------------------- /admin/jobs

/** A job's id: graphile-worker's bigint, as digits. */
export const jobIdSchema = z.string().regex(/^[1-9][0-9]{0,17}$/, "Not a job.");
export const jobFormSchema = z.object({ job: jobIdSchema });
export type JobFormState = { ok?: string; error?: string };

/** How many failed jobs /admin/jobs lists (newest first). */
export const FAILED_JOBS_PAGE = 50;
