import "server-only";
import { db } from "@/lib/db";
import type { ToolStatsChange } from "@/lib/db-events/channels";

/** Current counters of listed tools, shaped like a `tool_stats` notification (a stream's first events, a resync). */
export async function currentToolStats(where: { ids?: string[]; slugs?: string[] }): Promise<ToolStatsChange[]> {
  const rows = await db.tool.findMany({
    where: { archivedAt: null, ...(where.ids ? { id: { in: where.ids } } : {}), ...(where.slugs ? { slug: { in: where.slugs } } : {}) },
    select: { id: true, slug: true, stats: { select: { panelShip: true, panelTotal: true, communityShip: true, communityTotal: true, updatedAt: true } } },
  });
  return rows.map((row) => ({
    toolId: row.id,
    slug: row.slug,
    panelShip: row.stats?.panelShip ?? 0,
    panelTotal: row.stats?.panelTotal ?? 0,
    communityShip: row.stats?.communityShip ?? 0,
    communityTotal: row.stats?.communityTotal ?? 0,
    at: row.stats?.updatedAt.getTime() ?? 0,
  }));
}
