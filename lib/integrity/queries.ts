import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

/** A tool's voting in the last hour against its own week (the integrity view). */
export type VoteRate = {
  toolId: string;
  slug: string;
  name: string;
  /** Votes cast in the last hour that are not voided. */
  lastHour: number;
  /** Of those, from accounts that were new (younger than NEW_ACCOUNT_HOURS) when they voted. */
  lastHourNew: number;
  /** Votes per hour over the seven days before the last hour. */
  baselinePerHour: number;
  /** Votes cast in the last hour that staff voided (the tool stays listed after a void, with its message). */
  voidedLastHour: number;
  /** lastHour over the baseline (at least one vote an hour, so a quiet tool's first votes are not a spike). */
  ratio: number;
  /** Far above its baseline: INTEGRITY_SPIKE_RATIO times, and at least INTEGRITY_MIN_VOTES votes. */
  flagged: boolean;
  pendingVotes: number;
};

export type VoteVoidRow = {
  id: string;
  tool: { slug: string; name: string };
  reason: string;
  since: Date;
  newAccountsOnly: boolean;
  voteCount: number;
  createdAt: Date;
  createdBy: string | null;
  restoredAt: Date | null;
  restoredBy: string | null;
};

const BASELINE_HOURS = 7 * 24;

/**
 * Every tool voted on in the last hour (or whose votes of the last hour were voided), most unusual first
 * (docs/decisions/030): its votes in the last hour, the share from new
 * accounts, and its hourly rate over the week before. Staff only (the page checks).
 */
export async function listVoteRates(limit = 50): Promise<VoteRate[]> {
  const seconds = Math.round(env.NEW_ACCOUNT_HOURS * 3600);
  const rows = await db.$queryRaw<Omit<VoteRate, "ratio" | "flagged">[]>`
    WITH recent AS (
      SELECT v."toolId",
        count(*) FILTER (WHERE v."voidId" IS NULL AND v."createdAt" > now() - interval '1 hour')::int AS "lastHour",
        count(*) FILTER (WHERE v."voidId" IS NULL AND v."createdAt" > now() - interval '1 hour'
                           AND u."createdAt" > v."createdAt" - make_interval(secs => ${seconds}::int))::int AS "lastHourNew",
        count(*) FILTER (WHERE v."voidId" IS NOT NULL AND v."createdAt" > now() - interval '1 hour')::int AS "voidedLastHour",
        (count(*) FILTER (WHERE v."voidId" IS NULL AND v."createdAt" <= now() - interval '1 hour'))::float8 / ${BASELINE_HOURS} AS "baselinePerHour"
      FROM "Vote" v JOIN "User" u ON u."id" = v."userId"
      WHERE v."createdAt" > now() - interval '1 hour' - make_interval(hours => ${BASELINE_HOURS}::int)
      GROUP BY v."toolId"
    )
    SELECT r."toolId", t."slug", t."name", r."lastHour", r."lastHourNew", r."voidedLastHour", r."baselinePerHour", coalesce(s."pendingVotes", 0) AS "pendingVotes"
    FROM recent r JOIN "Tool" t ON t."id" = r."toolId" LEFT JOIN "ToolStats" s ON s."toolId" = r."toolId"
    WHERE r."lastHour" > 0 OR r."voidedLastHour" > 0
    ORDER BY r."lastHour" / greatest(r."baselinePerHour", 1) DESC, r."lastHour" DESC, t."slug"
    LIMIT ${limit}`;
  return rows.map((row) => {
    const ratio = row.lastHour / Math.max(row.baselinePerHour, 1);
    return { ...row, ratio, flagged: row.lastHour >= env.INTEGRITY_MIN_VOTES && ratio >= env.INTEGRITY_SPIKE_RATIO };
  });
}

/** The voids staff made, newest first, restored or not. */
export async function listVoteVoids(limit = 50): Promise<VoteVoidRow[]> {
  return db.$queryRaw<VoteVoidRow[]>`
    SELECT vv."id", json_build_object('slug', t."slug", 'name', t."name") AS tool, vv."reason", vv."since", vv."newAccountsOnly",
           vv."voteCount", vv."createdAt", cb."email" AS "createdBy", vv."restoredAt", rb."email" AS "restoredBy"
    FROM "VoteVoid" vv JOIN "Tool" t ON t."id" = vv."toolId"
    LEFT JOIN "User" cb ON cb."id" = vv."createdById" LEFT JOIN "User" rb ON rb."id" = vv."restoredById"
    ORDER BY vv."createdAt" DESC, vv."id"
    LIMIT ${limit}`;
}
