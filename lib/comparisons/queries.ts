import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { publicVerdictSelect, publicVerdictWhere, type PublicVerdict, type ReviewerSummary } from "@/lib/reviewers/select";
import { toolCardSelect, toToolCard, type ToolCard } from "@/lib/tools/select";
import { comparisonSlug, comparisonSlugSchema } from "./schema";

const comparisonSelect = {
  id: true,
  slug: true,
  headline: true,
  intro: true,
  status: true,
  publishedAt: true,
  updatedAt: true,
  toolA: { select: toolCardSelect },
  toolB: { select: toolCardSelect },
} as const;

export type SplitRow = {
  reviewer: ReviewerSummary;
  a: PublicVerdict | null;
  b: PublicVerdict | null;
  /** Both tools have a verdict from this reviewer, and the calls differ. */
  differs: boolean;
};

export type ComparisonView = {
  slug: string;
  title: string;
  headline: string | null;
  intro: string | null;
  publishedAt: Date | null;
  updatedAt: Date;
  toolA: ToolCard;
  toolB: ToolCard;
  /** Per reviewer of the panel, in panel order: the call on A and on B. */
  split: SplitRow[];
};

export type ComparisonLookup =
  | { kind: "found"; comparison: ComparisonView }
  | { kind: "redirect"; slug: string }
  | { kind: "not-found" };

/** Builds the reviewer split from the two tools' public verdicts. */
export function buildSplit(verdicts: PublicVerdict[], toolAId: string, toolBId: string): SplitRow[] {
  const rows = new Map<string, SplitRow>();
  for (const verdict of verdicts) {
    const row = rows.get(verdict.reviewer.id) ?? { reviewer: verdict.reviewer, a: null, b: null, differs: false };
    if (verdict.toolId === toolAId) row.a = verdict;
    if (verdict.toolId === toolBId) row.b = verdict;
    rows.set(verdict.reviewer.id, row);
  }
  return [...rows.values()]
    .map((row) => ({ ...row, differs: row.a !== null && row.b !== null && row.a.decision !== row.b.decision }))
    .sort((x, y) => x.reviewer.position - y.reviewer.position || x.reviewer.name.localeCompare(y.reviewer.name));
}

/**
 * A published comparison by slug. A slug naming a published pair the other
 * way round resolves to a redirect to the canonical slug.
 */
export const getComparison = cache(async (slug: string): Promise<ComparisonLookup> => {
  const parsed = comparisonSlugSchema.safeParse(slug);
  if (!parsed.success) return { kind: "not-found" };
  const row = await db.comparison.findFirst({
    where: { slug, status: "PUBLISHED" },
    select: comparisonSelect,
  });
  if (!row) {
    const reversed = await db.comparison.findFirst({
      where: { slug: comparisonSlug(parsed.data.toolB, parsed.data.toolA), status: "PUBLISHED" },
      select: { slug: true },
    });
    return reversed ? { kind: "redirect", slug: reversed.slug } : { kind: "not-found" };
  }
  const verdicts = await db.verdict.findMany({
    where: { ...publicVerdictWhere, toolId: { in: [row.toolA.id, row.toolB.id] } },
    select: publicVerdictSelect,
  });
  const toolA = toToolCard(row.toolA);
  const toolB = toToolCard(row.toolB);
  return {
    kind: "found",
    comparison: {
      slug: row.slug,
      title: `${toolA.name} vs ${toolB.name}`,
      headline: row.headline,
      intro: row.intro,
      publishedAt: row.publishedAt,
      updatedAt: row.updatedAt,
      toolA,
      toolB,
      split: buildSplit(verdicts, toolA.id, toolB.id),
    },
  };
});

/** The newest published comparisons, for the home page. */
export async function listLatestComparisons(limit = 6) {
  const rows = await db.comparison.findMany({
    where: { status: "PUBLISHED" },
    select: comparisonSelect,
    orderBy: [{ publishedAt: "desc" }, { slug: "asc" }],
    take: limit,
  });
  return rows.map((row) => ({
    slug: row.slug,
    headline: row.headline,
    intro: row.intro,
    publishedAt: row.publishedAt,
    toolA: toToolCard(row.toolA),
    toolB: toToolCard(row.toolB),
  }));
}

export type ComparisonSummary = Awaited<ReturnType<typeof listLatestComparisons>>[number];

/** Every comparison for the admin table, drafts included, filtered by state and sorted. */
export async function listComparisonsForAdmin(filter: { status?: "DRAFT" | "PUBLISHED"; sort?: "updated" | "slug" } = {}) {
  return db.comparison.findMany({
    where: filter.status ? { status: filter.status } : {},
    select: { id: true, slug: true, status: true, version: true, updatedAt: true, toolA: { select: { name: true } }, toolB: { select: { name: true } } },
    orderBy: filter.sort === "slug" ? [{ slug: "asc" }] : [{ updatedAt: "desc" }, { id: "asc" }],
  });
}

export async function getComparisonForEdit(id: string) {
  return db.comparison.findUnique({
    where: { id },
    select: { id: true, slug: true, headline: true, intro: true, status: true, version: true, toolA: { select: { name: true } }, toolB: { select: { name: true } } },
  });
}

/** Tools a comparison can be made of: listed (not archived) ones. */
export async function listToolsForPicker() {
  return db.tool.findMany({ where: { archivedAt: null }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}
