import { randomUUID } from "node:crypto";
import { announceUpdatedToolStats } from "@/lib/db-events/announce";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Decision } from "@/lib/scores/decision";

/**
 * The vote's statements, as the transaction runs them (and as `npm run bench`
 * runs them through plain `pg`, to measure the framework's share of a vote).
 * No `server-only` here, so the bench can import it; only lib/votes/writes.ts runs it in the app.
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
