import { Prisma } from "@/lib/generated/prisma/client";
import { TOOL_STATS_CHANNEL } from "@/lib/live/channels";
import type { ToolStats } from "@/lib/scores";

/** The PostgreSQL channel every counter change is announced on (lib/live and the page cache listen). */
export { TOOL_STATS_CHANNEL };

/** What a NOTIFY on TOOL_STATS_CHANNEL carries: the tool and its counters after the write. */
export type ToolStatsChange = ToolStats & { toolId: string; slug: string; at: number };

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
    announced AS (${announceUpdated})
    SELECT u."panelShip", u."panelTotal", u."communityShip", u."communityTotal"
    FROM updated u CROSS JOIN announced`;
  if (!row) throw new Error(`No counter row for tool ${toolId}`);
  return row;
}

/**
 * The NOTIFY for every row of a CTE named `updated` that returns a ToolStats
 * row ("toolId" and the four counters): one statement writes and announces.
 */
export const announceUpdated = Prisma.sql`
  SELECT pg_notify(${TOOL_STATS_CHANNEL}, json_build_object(
    'toolId', u."toolId", 'slug', t."slug",
    'panelShip', u."panelShip", 'panelTotal', u."panelTotal",
    'communityShip', u."communityShip", 'communityTotal', u."communityTotal",
    'at', floor(extract(epoch FROM clock_timestamp()) * 1000)
  )::text)
  FROM updated u JOIN "Tool" t ON t."id" = u."toolId"`;

/** SET clause for absolute counter values. */
export function setStats(counters: Partial<ToolStats>): Prisma.Sql {
  const parts = (Object.entries(counters) as [keyof ToolStats, number][]).map(
    ([column, value]) => Prisma.sql`${Prisma.raw(`"${column}"`)} = ${value}`,
  );
  return Prisma.join(parts, ", ");
}
