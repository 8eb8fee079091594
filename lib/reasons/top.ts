import { Prisma } from "@/lib/generated/prisma/client";
import { TOP_REASONS } from "./schema";

// No `server-only`: the follow digest job (plain Node) reads the same top reasons as the pages.

/** A top reason as the query below answers it: the tool it is about, and its author's id and chosen name. */
export type TopReasonRow = {
  toolId: string;
  id: string;
  decision: "SHIP" | "SKIP";
  text: string;
  helpfulCount: number;
  score: number;
  createdAt: Date;
  userId: string;
  displayName: string | null;
};

/**
 * The top `perSide` public reasons on each side of each tool, most helpful
 * first (score, then newest, then id): what a tool page's "Why readers ship /
 * skip" shows. An index walk per tool and side.
 */
export function topReasonsQuery(toolIds: readonly string[], perSide: number): Prisma.Sql {
  return Prisma.sql`
    SELECT t.id AS "toolId", r.id, r.decision, r.text, r."helpfulCount", r.score, r."createdAt", u.id AS "userId", u."displayName"
    FROM unnest(${[...toolIds]}::text[]) AS t(id)
    CROSS JOIN (VALUES ('SHIP'::"Decision"), ('SKIP'::"Decision")) AS side(decision)
    CROSS JOIN LATERAL (
      SELECT r.* FROM "Reason" r
      WHERE r."toolId" = t.id AND r.decision = side.decision AND r."hiddenAt" IS NULL
      ORDER BY r.score DESC, r."createdAt" DESC, r.id ASC
      LIMIT ${perSide}
    ) r
    JOIN "User" u ON u.id = r."userId"
    ORDER BY t.id, r.decision, r.score DESC, r."createdAt" DESC, r.id ASC`;
}

/**
 * Each tool's top reasons worth a line in an email: those a tool page shows
 * on top (TOP_REASONS per side, the query above) that readers have marked
 * helpful (a score above zero). Grouped by tool.
 */
export async function newsworthyTopReasons(tx: Prisma.TransactionClient, toolIds: readonly string[]): Promise<Map<string, TopReasonRow[]>> {
  const byTool = new Map<string, TopReasonRow[]>(toolIds.map((id) => [id, []]));
  if (toolIds.length === 0) return byTool;
  for (const row of await tx.$queryRaw<TopReasonRow[]>(topReasonsQuery(toolIds, TOP_REASONS))) if (row.score > 0) byTool.get(row.toolId)?.push(row);
  return byTool;
}
