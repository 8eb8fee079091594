import { Prisma } from "@/lib/generated/prisma/client";
import { announceUpdatedToolStats } from "@/lib/db-events/announce";
import type { ToolStats } from "@/lib/scores";

/**
 * Writes a tool's counters and announces them in one statement. The NOTIFY is
 * part of the caller's transaction, so PostgreSQL delivers it on commit and
 * never for a write that rolled back. The caller holds the ToolStats row lock.
 */
export async function writeToolStats(tx: Prisma.TransactionClient, toolId: string, set: Prisma.Sql): Promise<ToolStats> {
  const [row] = await tx.$queryRaw<ToolStats[]>`
    WITH updated AS (
      UPDATE "ToolStats" SET ${set}, "updatedAt" = now() WHERE "toolId" = ${toolId}
      RETURNING "toolId", "panelShip", "panelTotal", "communityShip", "communityTotal"
    ),
    announced AS (${announceUpdatedToolStats})
    SELECT u."panelShip", u."panelTotal", u."communityShip", u."communityTotal"
    FROM updated u CROSS JOIN announced`;
  if (!row) throw new Error(`No counter row for tool ${toolId}`);
  return row;
}

/** SET clause for absolute counter values. */
export function setStats(stats: Partial<ToolStats>): Prisma.Sql {
  const parts = (Object.entries(stats) as [keyof ToolStats, number][]).map(
    ([column, value]) => Prisma.sql`${Prisma.raw(`"${column}"`)} = ${value}`,
  );
  return Prisma.join(parts, ", ");
}
