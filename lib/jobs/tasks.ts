import type { Task, TaskList } from "graphile-worker";
import type { PrismaClient } from "@/lib/db/client";
import { utcDay, writeDailySnapshot } from "@/lib/trends/snapshot";
import { promotePendingVotes } from "@/lib/votes/promote";

// No `server-only`: the worker runs in `npm start`'s process beside Next (server.ts) or alone (`npm run worker`).

export type JobSettings = { newAccountHours: number };

/** The scheduled jobs, on the queue's own clock (graphile-worker's crontab; docs/decisions/031). */
export const CRONTAB = [
  // New accounts' votes count once the accounts are old enough: checked every minute.
  "* * * * * promote_pending_votes ?max=1",
  // The day's figures at 23:55 UTC; a node that was down then writes the missed day when it starts (fill).
  "55 23 * * * snapshot_tool_figures ?fill=2d&max=5",
].join("\n");

/** The day a cron run of snapshot_tool_figures stands for: the UTC day of its scheduled time (or today, run by hand). */
export function snapshotDay(payload: unknown, now = new Date()): string {
  const ts = (payload as { _cron?: { ts?: unknown } } | null)?._cron?.ts;
  const at = typeof ts === "string" ? new Date(ts) : now;
  return utcDay(Number.isNaN(at.getTime()) ? now : at);
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
  return { promote_pending_votes: promote, snapshot_tool_figures: snapshot };
}
