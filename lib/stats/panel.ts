import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { setStats, writeToolStats } from "./write";

/**
 * Recomputes a tool's panel counters from its published verdicts by active
 * reviewers (what the public pages show) inside the
 * caller's transaction. The caller must hold the tool's ToolStats row lock
 * (lib/stats/lock.ts), as every counter write does.
 */
export async function refreshPanelStats(tx: Prisma.TransactionClient, toolId: string): Promise<void> {
  const [row] = await tx.$queryRaw<{ ship: number; total: number }[]>`
    SELECT count(*) FILTER (WHERE v."decision" = 'SHIP')::int AS ship, count(*)::int AS total
    FROM "Verdict" v JOIN "Reviewer" r ON r."id" = v."reviewerId" AND r."active"
    WHERE v."toolId" = ${toolId} AND v."published"`;
  await writeToolStats(tx, toolId, setStats({ panelShip: row?.ship ?? 0, panelTotal: row?.total ?? 0 }));
}
