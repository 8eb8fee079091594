import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Recomputes a tool's panel counters from its published verdicts inside the
 * caller's transaction. The caller must hold the tool's ToolStats row lock
 * (lib/stats/lock.ts), as every counter write does.
 */
export async function refreshPanelCounters(tx: Prisma.TransactionClient, toolId: string): Promise<void> {
  const [row] = await tx.$queryRaw<{ ship: number; total: number }[]>`
    SELECT count(*) FILTER (WHERE "decision" = 'SHIP')::int AS ship, count(*)::int AS total
    FROM "Verdict" WHERE "toolId" = ${toolId} AND "published"`;
  await tx.toolStats.update({ where: { toolId }, data: { panelShip: row?.ship ?? 0, panelTotal: row?.total ?? 0 } });
}
