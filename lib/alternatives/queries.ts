import "server-only";
import { cache } from "react";
import { adHocComparisonSlug } from "@/lib/comparisons/ad-hoc";
import { readDb } from "@/lib/db";
import { toolCardSelect, toToolCard, type ToolCard } from "@/lib/tools/select";
import { rankAlternatives, visitWindowStart, type RankedAlternative } from "./rank";

export type Alternative = RankedAlternative<ToolCard> & {
  /** The pair's comparison address: an editor's slug when there is one, else the generated (alphabetical) one. */
  compareSlug: string;
};

/**
 * A listed tool and its alternatives, ranked (lib/alternatives/rank.ts); null
 * for an unknown or archived tool. Reads every listed tool's card (with its
 * stored counters), the pair's comparison visits in the window summed per
 * other tool, and the tool's published comparisons — four reads at once,
 * whatever the number of votes or visits.
 */
export const getAlternatives = cache(async (slug: string) => {
  const row = await readDb.tool.findUnique({ where: { slug }, select: toolCardSelect });
  if (!row || row.archivedAt) return null;
  const tool = toToolCard(row);
  const since = visitWindowStart();
  const [others, asA, asB, curated] = await Promise.all([
    readDb.tool.findMany({ where: { archivedAt: null, id: { not: tool.id } }, select: toolCardSelect }),
    readDb.comparisonVisit.groupBy({ by: ["toolBId"], where: { toolAId: tool.id, day: { gte: since } }, _sum: { visits: true } }),
    readDb.comparisonVisit.groupBy({ by: ["toolAId"], where: { toolBId: tool.id, day: { gte: since } }, _sum: { visits: true } }),
    readDb.comparison.findMany({
      where: { status: "PUBLISHED", OR: [{ toolAId: tool.id }, { toolBId: tool.id }] },
      select: { slug: true, toolAId: true, toolBId: true },
    }),
  ]);
  const visits = new Map<string, number>([
    ...asA.map((group) => [group.toolBId, group._sum.visits ?? 0] as const),
    ...asB.map((group) => [group.toolAId, group._sum.visits ?? 0] as const),
  ]);
  const curatedSlugs = new Map(curated.map((comparison) => [comparison.toolAId === tool.id ? comparison.toolBId : comparison.toolAId, comparison.slug]));
  const ranked = rankAlternatives(tool, others.map(toToolCard), { visits, curated: new Set(curatedSlugs.keys()) });
  const alternatives: Alternative[] = ranked.map((alternative) => ({
    ...alternative,
    compareSlug: curatedSlugs.get(alternative.tool.id) ?? adHocComparisonSlug(tool.slug, alternative.tool.slug),
  }));
  return { tool, alternatives };
});

export type AlternativesView = NonNullable<Awaited<ReturnType<typeof getAlternatives>>>;
