import "server-only";
import { cache } from "react";
import { db, readDb } from "@/lib/db";
import type { PublicVerdict, ReviewerSummary } from "@/lib/reviewers/select";
import { toolCardSelect, toToolCard, type ToolCard } from "@/lib/tools/select";
import { adHocComparisonSlug, adHocIntro } from "./ad-hoc";
import { readPair } from "./read";
import { comparisonSlugSchema } from "./schema";

const comparisonSelect = {
  id: true,
  slug: true,
  headline: true,
  intro: true,
  pickA: true,
  publishedAt: true,
  createdAt: true,
  updatedAt: true,
  toolA: { select: toolCardSelect },
  toolB: { select: toolCardSelect },
} as const;

/** A comparison is public only while both of its tools are listed. */
export const bothListed = { toolA: { archivedAt: null }, toolB: { archivedAt: null } } as const;

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
  /** True for an editor-written comparison; false for one generated from the data for any pair. */
  curated: boolean;
  headline: string | null;
  intro: string | null;
  /** Staff's bottom line, both halves ("Pick A if …", "Pick B if …"); null: the page shows a generated one. */
  picks: { a: string; b: string } | null;
  publishedAt: Date | null;
  updatedAt: Date;
  toolA: ToolCard;
  toolB: ToolCard;
  /** Per reviewer of the panel, in panel order: the call on A and on B. */
  split: SplitRow[];
};

/** Why a pair cannot be compared, so pages and the API can say so plainly. */
export type ComparisonRefusal = "malformed" | "same-tool" | "unknown-tool" | "archived-tool";

export type ComparisonLookup =
  | { kind: "found"; comparison: ComparisonView }
  | { kind: "redirect"; slug: string }
  | { kind: "refused"; reason: ComparisonRefusal; tool?: string };

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
 * Any two listed tools, by slug `<a>-vs-<b>`.
 * - A published (curated) comparison of the pair, in either order, is served at its own slug;
 *   the other order redirects to it.
 * - Any other pair is generated from the same data at the alphabetical slug; the other
 *   order redirects to it.
 * - A tool against itself, an unknown tool or an archived one is refused, with the reason.
 */
export const getComparison = cache(async (slug: string): Promise<ComparisonLookup> => {
  const parsed = comparisonSlugSchema.safeParse(slug);
  if (!parsed.success) return { kind: "refused", reason: "malformed" };
  const { toolA: slugA, toolB: slugB } = parsed.data;
  if (slugA === slugB) return { kind: "refused", reason: "same-tool", tool: slugA };

  // One statement (./read.ts); a draft (made from a suggestion, never listed) is as unknown as a slug nobody used.
  const { tools, curated, verdicts } = await readPair(slugA, slugB);
  const rowA = tools.find((row) => row.slug === slugA);
  const rowB = tools.find((row) => row.slug === slugB);
  if (!rowA || !rowB) return { kind: "refused", reason: "unknown-tool", tool: rowA ? slugB : slugA };
  const archived = [rowA, rowB].find((row) => row.archivedAt);
  if (archived) return { kind: "refused", reason: "archived-tool", tool: archived.name };

  const canonical = curated?.slug ?? adHocComparisonSlug(slugA, slugB);
  if (canonical !== slug) return { kind: "redirect", slug: canonical };

  const toolA = toToolCard(rowA);
  const toolB = toToolCard(rowB);
  const split = buildSplit(verdicts, toolA.id, toolB.id);
  return {
    kind: "found",
    comparison: {
      slug: canonical,
      title: `${toolA.name} vs ${toolB.name}`,
      curated: Boolean(curated),
      headline: curated?.headline ?? null,
      intro: curated ? curated.intro : adHocIntro(toolA, toolB, split),
      picks: curated?.pickA && curated.pickB ? { a: curated.pickA, b: curated.pickB } : null,
      publishedAt: curated?.publishedAt ?? null,
      updatedAt: curated?.updatedAt ?? new Date(Math.max(toolA.updatedAt.getTime(), toolB.updatedAt.getTime())),
      toolA,
      toolB,
      split,
    },
  };
});

/**
 * Published comparisons of two listed tools, newest first (the home page,
 * /compare, a tool's page with `toolId`, the feed): one query, one order.
 */
export async function listPublishedComparisons(options: { limit?: number; toolId?: string } = {}) {
  const rows = await readDb.comparison.findMany({
    where: {
      status: "PUBLISHED",
      ...bothListed,
      ...(options.toolId ? { OR: [{ toolAId: options.toolId }, { toolBId: options.toolId }] } : {}),
    },
    select: comparisonSelect,
    orderBy: [{ publishedAt: "desc" }, { slug: "asc" }],
    take: options.limit,
  });
  return rows.map((row) => ({ ...row, toolA: toToolCard(row.toolA), toolB: toToolCard(row.toolB) }));
}

/** The newest published comparisons, for the home page and /compare. */
export const listLatestComparisons = (limit = 6) => listPublishedComparisons({ limit });

export type ComparisonSummary = Awaited<ReturnType<typeof listLatestComparisons>>[number];

/**
 * Every published comparison's slug, for the directory's compare bar: a curated pair is linked at its own slug
 * (either order), any other at the alphabetical one. A copy made stale by a later edit only costs a redirect.
 */
export async function listCuratedComparisonSlugs(): Promise<string[]> {
  const rows = await readDb.comparison.findMany({ where: { status: "PUBLISHED" }, select: { slug: true }, orderBy: { slug: "asc" } });
  return rows.map((row) => row.slug);
}

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
    select: { id: true, slug: true, headline: true, intro: true, pickA: true, pickB: true, status: true, version: true, toolA: { select: { name: true } }, toolB: { select: { name: true } } },
  });
}

/** Tools a comparison can be made of: listed (not archived) ones. */
export async function listToolsForPicker() {
  return db.tool.findMany({ where: { archivedAt: null }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}
