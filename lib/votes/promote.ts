import type { PrismaClient } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { lockToolStats } from "@/lib/stats/lock";
import { writeToolStats } from "@/lib/stats/write";

// No `server-only`: the job queue's worker (lib/jobs) runs this outside Next, in `npm start`'s process or `npm run worker`.

/**
 * Counts the pending votes whose accounts are now older than `newAccountHours`
 * (docs/decisions/030-a-figure-a-vote-ring-cannot-swing.md): run by the
 * promote_pending_votes job (lib/jobs). Tool by tool, inside the counter path:
 * the tool's counter row is locked first (as every vote does), the votes lose
 * their pending mark and the counters move by exactly those votes in the same
 * transaction, and the new figures are announced. A voided vote is promoted
 * too but counts nowhere until it is restored. Returns how many votes now count.
 */
export async function promotePendingVotes(client: PrismaClient, newAccountHours: number): Promise<number> {
  const seconds = Math.max(0, Math.round(newAccountHours * 3600));
  const tools = await client.$queryRaw<{ toolId: string }[]>`
    SELECT DISTINCT v."toolId" FROM "Vote" v JOIN "User" u ON u."id" = v."userId"
    WHERE v."pending" AND u."createdAt" <= now() - make_interval(secs => ${seconds}::int)`;
  let promoted = 0;
  for (const { toolId } of tools) {
    promoted += await client.$transaction(async (tx) => {
      await lockToolStats(tx, toolId);
      const [moved] = await tx.$queryRaw<{ ship: number; total: number }[]>`
        WITH promoted AS (
          UPDATE "Vote" v SET "pending" = false
          FROM "User" u
          WHERE u."id" = v."userId" AND v."toolId" = ${toolId} AND v."pending"
            AND u."createdAt" <= now() - make_interval(secs => ${seconds}::int)
          RETURNING v."decision", v."voidId"
        )
        SELECT count(*) FILTER (WHERE "voidId" IS NULL AND "decision" = 'SHIP')::int AS ship,
               count(*) FILTER (WHERE "voidId" IS NULL)::int AS total
        FROM promoted`;
      if (!moved || moved.total === 0) return 0;
      await writeToolStats(
        tx,
        toolId,
        Prisma.sql`"communityShip" = "communityShip" + ${moved.ship}, "communityTotal" = "communityTotal" + ${moved.total}, "pendingVotes" = "pendingVotes" - ${moved.total}`,
      );
      return moved.total;
    });
  }
  return promoted;
}
