import "server-only";
import { db } from "@/lib/db";
import { randomUUID } from "node:crypto";
import { announceUpdatedToolStats } from "@/lib/db-events/announce";
import { toolScores, type ToolStats } from "@/lib/scores";
import { fromDecisionJson, toDecisionJson, type Decision, type DecisionJson } from "@/lib/scores/decision";
import { Prisma } from "@/lib/generated/prisma/client";

export class ToolNotFoundError extends Error {
  constructor(readonly slug: string) {
    super(`Tool "${slug}" not found`);
  }
}

export type VoteResult = {
  tool: string;
  /** The user's vote after the change; null once withdrawn. */
  vote: DecisionJson | null;
  counters: ToolStats;
  scores: ReturnType<typeof toolScores>;
};

/**
 * Sets (or, with `decision` null, withdraws) a user's vote on a listed tool,
 * and moves the tool's counters in the same transaction.
 *
 * Every vote write on a tool first locks that tool's ToolStats row, so writes
 * to one tool apply one after another: the vote row read next is current, the
 * delta is exact, and no update is lost. One vote per user × tool is also
 * enforced by a unique index. Re-sending the same vote changes nothing.
 */
export async function setVote(userId: string, toolSlug: string, decision: DecisionJson | null): Promise<VoteResult> {
  try {
    return await writeVote(userId, toolSlug, decision);
  } catch (error) {
    // The account was deleted while this vote was on its way (its row is gone, the foreign key refuses the vote).
    if (isForeignKeyViolation(error, "Vote_userId_fkey")) throw new VoterGoneError();
    throw error;
  }
}

/** The voter's account no longer exists: nothing was written. */
export class VoterGoneError extends Error {
  constructor() {
    super("This account no longer exists.");
  }
}

function isForeignKeyViolation(error: unknown, constraint: string): boolean {
  for (let current = error, depth = 0; current != null && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    const text = current instanceof Error ? current.message : String(current);
    if (text.includes(constraint)) return true;
    const meta = (current as { meta?: Record<string, unknown> }).meta;
    if (meta && JSON.stringify(meta).includes(constraint)) return true;
  }
  return false;
}

/**
 * The vote's statements, as the transaction runs them (and as `npm run bench`
 * runs them through plain `pg`, to measure the framework's share of a vote).
 */
export const voteStatements = {
  /** Locks the listed tool's counter row; no row: an unknown or archived tool, or one without counters. */
  lock: (toolSlug: string) => Prisma.sql`
    SELECT s."toolId" FROM "ToolStats" s JOIN "Tool" t ON t."id" = s."toolId"
    WHERE t."slug" = ${toolSlug} AND t."archivedAt" IS NULL
    FOR UPDATE OF s`,
  /**
   * One statement, after the lock (so its snapshot sees the current vote): read the
   * vote, write it, move the counters by the difference and announce them.
   */
  write: (userId: string, toolId: string, after: Decision | null) => Prisma.sql`
    WITH before AS (
      SELECT "decision"::text AS decision FROM "Vote" WHERE "userId" = ${userId} AND "toolId" = ${toolId}
    ),
    removed AS (
      DELETE FROM "Vote" WHERE ${after}::text IS NULL AND "userId" = ${userId} AND "toolId" = ${toolId} RETURNING 1
    ),
    written AS (
      INSERT INTO "Vote" ("id", "userId", "toolId", "decision", "updatedAt")
      SELECT ${randomUUID()}, ${userId}, ${toolId}, ${after}::text::"Decision", now() WHERE ${after}::text IS NOT NULL
      ON CONFLICT ("userId", "toolId") DO UPDATE SET "decision" = EXCLUDED."decision", "updatedAt" = now()
        WHERE "Vote"."decision" <> EXCLUDED."decision"
      RETURNING 1
    ),
    delta AS (
      SELECT (CASE WHEN ${after}::text = 'SHIP' THEN 1 ELSE 0 END)
               - coalesce((SELECT CASE WHEN decision = 'SHIP' THEN 1 ELSE 0 END FROM before), 0) AS ship,
             (CASE WHEN ${after}::text IS NULL THEN 0 ELSE 1 END) - (SELECT count(*)::int FROM before) AS total
    ),
    updated AS (
      UPDATE "ToolStats" s
      SET "communityShip" = s."communityShip" + d.ship, "communityTotal" = s."communityTotal" + d.total, "updatedAt" = now()
      FROM delta d
      WHERE s."toolId" = ${toolId} AND (d.ship <> 0 OR d.total <> 0)
      RETURNING s."toolId", s."panelShip", s."panelTotal", s."communityShip", s."communityTotal"
    ),
    announced AS (${announceUpdatedToolStats})
    SELECT coalesce(u."panelShip", s."panelShip") AS "panelShip", coalesce(u."panelTotal", s."panelTotal") AS "panelTotal",
           coalesce(u."communityShip", s."communityShip") AS "communityShip",
           coalesce(u."communityTotal", s."communityTotal") AS "communityTotal"
    FROM "ToolStats" s
    LEFT JOIN updated u ON true
    CROSS JOIN (SELECT count(*) FROM announced) a
    WHERE s."toolId" = ${toolId}`,
};

async function writeVote(userId: string, toolSlug: string, decision: DecisionJson | null): Promise<VoteResult> {
  const after = decision ? fromDecisionJson(decision) : null;
  return db.$transaction(
    async (tx) => {
      const lock = () => tx.$queryRaw<{ toolId: string }[]>(voteStatements.lock(toolSlug));
      let [target] = await lock();
      if (!target) {
        // A tool created without its counter row (or an unknown/archived one).
        const tool = await tx.tool.findFirst({ where: { slug: toolSlug, archivedAt: null }, select: { id: true } });
        if (!tool) throw new ToolNotFoundError(toolSlug);
        await tx.$executeRaw`INSERT INTO "ToolStats" ("toolId") VALUES (${tool.id}) ON CONFLICT ("toolId") DO NOTHING`;
        [target] = await lock();
        if (!target) throw new ToolNotFoundError(toolSlug);
      }
      const [counters] = await tx.$queryRaw<ToolStats[]>(voteStatements.write(userId, target.toolId, after));
      if (!counters) throw new ToolNotFoundError(toolSlug);
      return { tool: toolSlug, vote: after ? toDecisionJson(after) : null, counters, scores: toolScores(counters) };
    },
    // Under a vote storm, waiting for a pooled connection or the row lock is normal.
    { maxWait: 15_000, timeout: 15_000 },
  );
}
