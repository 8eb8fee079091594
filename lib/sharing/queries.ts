import "server-only";
import { bothListed } from "@/lib/comparisons/queries";
import { readDb } from "@/lib/db";
import { publicVerdictWhere } from "@/lib/reviewers/select";
import { toolSlugSchema } from "@/lib/tools/schema";
import { toolCardSelect, toToolCard } from "@/lib/tools/select";
import { toolScores } from "@/lib/scores";

const latest = (...dates: (Date | null | undefined)[]) => new Date(Math.max(...dates.map((date) => date?.getTime() ?? 0)));

/**
 * What the sitemap lists: every listed tool, every published comparison of two
 * listed tools (not every possible generated pair: that is n²) and every active
 * reviewer, each with the time its page last changed.
 */
export async function listSitemapEntries() {
  const [tools, comparisons, reviewers] = await Promise.all([
    readDb.tool.findMany({
      where: { archivedAt: null },
      select: {
        slug: true,
        updatedAt: true,
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
  return {
    tools: tools.map((tool) => ({ slug: tool.slug, lastModified: latest(tool.updatedAt, tool.verdicts[0]?.updatedAt) })),
    comparisons: comparisons.map((comparison) => ({ slug: comparison.slug, lastModified: latest(comparison.updatedAt, comparison.publishedAt) })),
    reviewers: reviewers.map((reviewer) => ({ slug: reviewer.slug, lastModified: reviewer.updatedAt })),
  };
}

/** How many entries the feed carries: the newest comparisons. */
export const FEED_SIZE = 100;

/** Published comparisons of two listed tools, newest first, for the Atom feed. */
export async function listFeedComparisons(limit = FEED_SIZE) {
  const rows = await readDb.comparison.findMany({
    where: { status: "PUBLISHED", ...bothListed },
    select: {
      id: true,
      slug: true,
      headline: true,
      intro: true,
      publishedAt: true,
      createdAt: true,
      updatedAt: true,
      toolA: { select: toolCardSelect },
      toolB: { select: toolCardSelect },
    },
    orderBy: [{ publishedAt: "desc" }, { slug: "asc" }],
    take: limit,
  });
  return rows.map((row) => ({ ...row, toolA: toToolCard(row.toolA), toolB: toToolCard(row.toolB) }));
}

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
