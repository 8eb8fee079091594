import "server-only";
import { bothListed, listPublishedComparisons } from "@/lib/comparisons/queries";
import { readDb } from "@/lib/db";
import { publicVerdictWhere } from "@/lib/reviewers/select";
import { toolSlugSchema } from "@/lib/tools/schema";
import { toolScores } from "@/lib/scores";

const latest = (...dates: (Date | null | undefined)[]) => new Date(Math.max(...dates.map((date) => date?.getTime() ?? 0)));

/**
 * What the sitemap lists: every listed tool (and whether its alternatives page
 * is worth listing), every published comparison of two listed tools (not every
 * possible generated pair: that is n²) and every active reviewer, each with the
 * time its page last changed.
 */
export async function listSitemapEntries() {
  const [tools, comparisons, reviewers] = await Promise.all([
    readDb.tool.findMany({
      where: { archivedAt: null },
      select: {
        slug: true,
        updatedAt: true,
        categoryId: true,
        verdicts: { where: publicVerdictWhere, select: { updatedAt: true }, orderBy: { updatedAt: "desc" }, take: 1 },
      },
      orderBy: { slug: "asc" },
    }),
    readDb.comparison.findMany({
      where: { status: "PUBLISHED", ...bothListed },
      select: { slug: true, updatedAt: true, publishedAt: true },
      orderBy: { slug: "asc" },
    }),
    readDb.reviewer.findMany({ where: { active: true }, select: { slug: true, updatedAt: true }, orderBy: [{ position: "asc" }, { slug: "asc" }] }),
  ]);
  // A listed tool's alternatives page is listed when another listed tool shares its category (so the page is never empty).
  const inCategory = new Map<string, number>();
  for (const tool of tools) inCategory.set(tool.categoryId, (inCategory.get(tool.categoryId) ?? 0) + 1);
  return {
    tools: tools.map((tool) => ({
      slug: tool.slug,
      lastModified: latest(tool.updatedAt, tool.verdicts[0]?.updatedAt),
      hasAlternatives: inCategory.get(tool.categoryId)! > 1,
    })),
    comparisons: comparisons.map((comparison) => ({ slug: comparison.slug, lastModified: latest(comparison.updatedAt, comparison.publishedAt) })),
    reviewers: reviewers.map((reviewer) => ({ slug: reviewer.slug, lastModified: reviewer.updatedAt })),
  };
}

/** How many entries the feed carries: the newest comparisons. */
export const FEED_SIZE = 100;

/** Published comparisons of two listed tools, newest first, for the Atom feed. */
export const listFeedComparisons = (limit = FEED_SIZE) => listPublishedComparisons({ limit });

export type FeedComparison = Awaited<ReturnType<typeof listFeedComparisons>>[number];

/** A listed tool's scores for its badge, read from the stored counters; null when unknown or archived. */
export async function getBadgeScores(slug: string) {
  const parsed = toolSlugSchema.safeParse(slug);
  if (!parsed.success) return null;
  const tool = await readDb.tool.findFirst({
    where: { slug: parsed.data, archivedAt: null },
    select: { stats: { select: { panelShip: true, panelTotal: true, communityShip: true, communityTotal: true } } },
  });
  return tool ? toolScores(tool.stats) : null;
}
