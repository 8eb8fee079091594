import type { Task, TaskList } from "graphile-worker";
import { pruneComparisonVisits } from "@/lib/comparisons/visits";
import type { PrismaClient } from "@/lib/db/client";
import { sendEmail } from "@/lib/email/send";
import { runFollowDigests } from "@/lib/follows/digest";
import { log } from "@/lib/observability/log";
import { metrics } from "@/lib/observability/metrics";
import { runDigest } from "@/lib/newsletter/digest";
import { utcDay, writeDailySnapshot } from "@/lib/trends/snapshot";
import { promotePendingVotes } from "@/lib/votes/promote";
import { SEND_EMAIL_TASK } from "./enqueue";
import { emailJobPayloadSchema } from "./schema";

// No `server-only`: the worker runs in `npm start`'s process beside Next (server.ts) or alone (`npm run worker`).

export type JobSettings = { newAccountHours: number };

/** The scheduled jobs, on the queue's own clock (graphile-worker's crontab; docs/decisions/031). */
export const CRONTAB = [
  // New accounts' votes count once the accounts are old enough: checked every minute.
  "* * * * * promote_pending_votes ?max=1",
  // The day's figures at 23:55 UTC; a node that was down then writes the missed day when it starts (fill).
  "55 23 * * * snapshot_tool_figures ?fill=2d&max=5",
  // The weekly digest, Mondays 08:00 UTC: built once, one send_email job per confirmed subscriber.
  // A tick missed while every node was down runs when one starts within the day (fill).
  "0 8 * * 1 send_weekly_digest ?fill=1d&max=3",
  // What changed on followed tools, 07:00 UTC daily: one email per reader with news, none without (docs/decisions/037).
  // A tick missed while every node was down runs when one starts within the day (fill); a second run that day queues nothing.
  "0 7 * * * send_follow_digests ?fill=1d&max=3",
  // Comparison visits older than the alternatives' window, 00:30 UTC daily (the day just ended is still in it).
  "30 0 * * * prune_comparison_visits ?fill=1d&max=3",
].join("\n");

/** The instant a cron run stands for: its scheduled time (or now, when run by hand). */
export function cronTime(payload: unknown, now = new Date()): Date {
  const ts = (payload as { _cron?: { ts?: unknown } } | null)?._cron?.ts;
  const at = typeof ts === "string" ? new Date(ts) : now;
  return Number.isNaN(at.getTime()) ? now : at;
}

/** The day a cron run of snapshot_tool_figures stands for: the UTC day of its scheduled time (or today, run by hand). */
export function snapshotDay(payload: unknown, now = new Date()): string {
  return utcDay(cronTime(payload, now));
}

export function jobTasks(client: PrismaClient, settings: JobSettings): TaskList {
  const promote: Task = async (_payload, helpers) => {
    const promoted = await promotePendingVotes(client, settings.newAccountHours);
    if (promoted) helpers.logger.info(`${promoted} pending vote(s) now count`);
  };
  const snapshot: Task = async (payload, helpers) => {
    const day = snapshotDay(payload);
    const written = await writeDailySnapshot(client, day);
    helpers.logger.info(`snapshot of ${day}: ${written} tool(s) written`);
  };
  // One email, rendered when it was enqueued. A throw is a retry (graphile-worker's backoff, EMAIL_KINDS' attempts).
  const sendOne: Task = async (payload, helpers) => {
    const parsed = emailJobPayloadSchema.safeParse(payload);
    // Never the payload in an error or a log line: it holds the message and its links.
    if (!parsed.success) throw new Error("The email job's payload is not a valid email; discard it.");
    const { kind, email, expiresAt, requestId } = parsed.data;
    if (expiresAt && Date.parse(expiresAt) <= Date.now()) {
      helpers.logger.warn(`a ${kind} email (job ${helpers.job.id}) expired before it could be sent; dropped`);
      return;
    }
    try {
      await sendEmail(email);
    } catch (error) {
      metrics().emails.inc({ kind, outcome: "failed" });
      throw error;
    }
    metrics().emails.inc({ kind, outcome: "sent" });
    // The request that caused it (its own log line carries the same reqId); never the address.
    log().info({ job: helpers.job.id, task: SEND_EMAIL_TASK, kind, reqId: requestId, attempt: helpers.job.attempts }, "email sent");
  };
  // The weekly digest on the queue's clock: builds it (or resumes an unfinished one) and enqueues one email per subscriber.
  const digest: Task = async (payload, helpers) => {
    const result = await runDigest(client, { now: cronTime(payload), log: (line) => helpers.logger.info(line) });
    if (result.kind === "empty") helpers.logger.info("nothing new this week: no digest");
    if (result.kind === "recent") helpers.logger.info(`digest ${result.digestId} was built less than 6 days ago: nothing queued`);
    if (result.kind === "queued") helpers.logger.info(`digest ${result.digestId}: ${result.queued} email(s) queued`);
  };
  // The daily follow digest on the queue's clock: one send_email job per reader with news on a followed tool.
  const followDigests: Task = async (payload, helpers) => {
    await runFollowDigests(client, { now: cronTime(payload), log: (line) => helpers.logger.info(line) });
  };
  const pruneVisits: Task = async (payload, helpers) => {
    const pruned = await pruneComparisonVisits(client, cronTime(payload));
    if (pruned) helpers.logger.info(`${pruned} comparison-visit day(s) past the window deleted`);
  };
  return {
    promote_pending_votes: promote,
    prune_comparison_visits: pruneVisits,
    snapshot_tool_figures: snapshot,
    [SEND_EMAIL_TASK]: sendOne,
    send_weekly_digest: digest,
    send_follow_digests: followDigests,
  };
}
