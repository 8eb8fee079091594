import "server-only";
import { cache } from "react";
import { listPublishedComparisons } from "@/lib/comparisons/queries";
import { db, readDb } from "@/lib/db";
import { MIN_COMMUNITY_VOTES } from "@/lib/scores";
import { publicVerdictSelect, publicVerdictWhere } from "@/lib/reviewers/select";
import { specsToFields } from "@/lib/specs/schema";
import { toolCardSelect, toToolCard } from "./select";

const listed = { archivedAt: null };

/**
 * Top tools by the panel: highest ship share first, then the most verdicts,
 * then name. Reads the stored counters through an index-friendly join.
 */
export async function listTopTools(limit = 6) {
  const rows = await readDb.tool.findMany({
    where: { ...listed, stats: { panelTotal: { gt: 0 } } },
    select: toolCardSelect,
  });
  return rows
    .map(toToolCard)
    .sort(
      (a, b) =>
        (b.scores.panel.share ?? 0) - (a.scores.panel.share ?? 0) ||
        b.scores.panel.total - a.scores.panel.total ||
        a.name.localeCompare(b.name),
    )
    .slice(0, limit);
}

/**
 * The biggest gaps between panel and community: tools where the two make
 * opposite calls, with an established community figure, widest gap first.
 */
export async function listDisagreements(limit = 5) {
  const rows = await readDb.tool.findMany({
    where: { ...listed, stats: { communityTotal: { gte: MIN_COMMUNITY_VOTES }, panelTotal: { gt: 0 } } },
    select: toolCardSelect,
  });
  return rows
    .map(toToolCard)
    .filter((tool) => tool.scores.disagreement !== null)
    .sort(
      (a, b) =>
        b.scores.disagreement!.gap - a.scores.disagreement!.gap ||
        b.scores.community.total - a.scores.community.total ||
        a.name.localeCompare(b.name),
    )
    .slice(0, limit);
}

/** One tool with its published verdicts and its published comparisons; null when unknown (or a draft, which has no public page). */
export const getTool = cache(async (slug: string) => {
  const row = await readDb.tool.findUnique({
    where: { slug, draft: false },
    select: {
      ...toolCardSelect,
      verdicts: {
        where: publicVerdictWhere,
        select: publicVerdictSelect,
        orderBy: [{ reviewer: { position: "asc" } }],
      },
    },
  });
  if (!row) return null;
  const { verdicts, ...tool } = row;
  const comparisons = await listPublishedComparisons({ toolId: tool.id });
  return {
    ...toToolCard(tool),
    verdicts,
    comparisons,
  };
});

export type ToolDetail = NonNullable<Awaited<ReturnType<typeof getTool>>>;

/** Every listed tool by name, for the "compare with…" pickers (kept between edits by lib/tools/names.ts); from a read replica unless told otherwise. */
export async function readToolNames(client: typeof readDb | typeof db = readDb) {
  return client.tool.findMany({ where: listed, select: { slug: true, name: true, vendor: true }, orderBy: [{ name: "asc" }, { slug: "asc" }] });
}

export async function listCategories() {
  return db.category.findMany({ select: { id: true, name: true }, orderBy: [{ position: "asc" }, { name: "asc" }] });
}

/** Every tool for the admin table, archived ones included (filter with `archived`). */
export async function listToolsForAdmin(filter: { archived?: boolean; search?: string; sort?: "name" | "updated" }) {
  return db.tool.findMany({
    where: {
      ...(filter.archived === undefined ? {} : filter.archived ? { archivedAt: { not: null } } : { archivedAt: null }),
      ...(filter.search ? { OR: [{ name: { contains: filter.search, mode: "insensitive" } }, { vendor: { contains: filter.search, mode: "insensitive" } }] } : {}),
    },
    select: { id: true, slug: true, name: true, vendor: true, archivedAt: true, updatedAt: true, version: true, category: { select: { name: true } } },
    orderBy: filter.sort === "updated" ? [{ updatedAt: "desc" }, { id: "asc" }] : [{ name: "asc" }, { id: "asc" }],
  });
}

/** A tool as the admin form edits it: its columns with the specs as flat fields. */
export async function getToolForEdit(id: string) {
  const tool = await db.tool.findUnique({ where: { id } });
  if (!tool) return null;
  const { specs, ...rest } = tool;
  return { ...rest, ...specsToFields(specs) };
}

/**
 * Listed tools whose pricing was last checked more than `days` days ago (or never), oldest
 * check first: the pricing half of the re-review queue (/admin/stale).
 */
export async function listPricingDue(days: number, limit = 200) {
  return db.tool.findMany({
    where: { archivedAt: null, OR: [{ pricingVerifiedAt: null }, { pricingVerifiedAt: { lt: new Date(Date.now() - days * 86_400_000) } }] },
    orderBy: [{ pricingVerifiedAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
    take: limit,
    select: { id: true, slug: true, name: true, pricingVerifiedAt: true, pricingSourceUrl: true },
  });
}
