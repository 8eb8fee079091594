import "server-only";
import { cache } from "react";
import { readDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { rankTools, type ToolSort } from "@/lib/scores/ranking";
import { PRICING_FILTERS, type PricingFilter } from "./schema";
import { toolCardSelect, toToolCard, type ToolCard } from "./select";

/** Tools per page on `/tools`. */
export const DIRECTORY_PAGE_SIZE = 12;

export type DirectoryQuery = {
  q?: string;
  category?: string;
  pricing?: PricingFilter;
  sort?: ToolSort;
  page: number;
  pageSize: number;
};

export type DirectoryPage = {
  tools: ToolCard[];
  /** The order actually applied: relevance only while searching. */
  sort: ToolSort;
  page: number;
  pageSize: number;
  total: number;
  totalPages: number;
  /** Community votes on every listed tool together: the overall order's prior is drawn from them. */
  siteVotes: number;
};

type MatchRow = {
  id: string;
  name: string;
  newestAt: Date;
  panelShip: number;
  panelTotal: number;
  communityShip: number;
  communityTotal: number;
  relevance: number;
  populationShip: number;
  populationTotal: number;
};

/**
 * How close a misspelling must be (pg_trgm word similarity, 0–1). At 0.5,
 * "stabel difusion" finds Stable Diffusion and "transcripton" finds Whisper,
 * while unrelated words stay out. Checked in tests/integration/directory.test.ts.
 */
const FUZZY_THRESHOLD = 0.5;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/** Words shorter than this are not matched with their letters swapped (too many short words share letters). */
const MIN_TRANSPOSED_LENGTH = 4;

/**
 * Keys that match a name's word typed with letters swapped ("cluade" → Claude,
 * "antrhopic" → Anthropic), which trigram similarity misses: per query word of
 * four or more letters, its first letter and its letters sorted. A word of a
 * tool's name or vendor with the same key is the same letters in another order.
 */
export function transposable(q: string): string[] {
  const words = q.toLowerCase().split(/[^a-z0-9]+/).filter((word) => word.length >= MIN_TRANSPOSED_LENGTH);
  return [...new Set(words.map((word) => `${word[0]}:${[...word].sort().join("")}`))];
}

/**
 * The listed tool a search that found nothing most likely meant (for "did you
 * mean"): the name closest by trigram similarity to the search, if any is
 * close enough to be a plausible misspelling.
 */
export async function suggestToolName(q: string): Promise<string | null> {
  const text = q.toLowerCase();
  const [row] = await readDb.$replica().$queryRaw<{ name: string }[]>`
    SELECT t."name" FROM "Tool" t
    WHERE t."archivedAt" IS NULL
      AND greatest(similarity(${text}, lower(t."name")), word_similarity(${text}, lower(t."name" || ' ' || t."vendor"))) >= ${SUGGEST_THRESHOLD}
    ORDER BY greatest(similarity(${text}, lower(t."name")), word_similarity(${text}, lower(t."name" || ' ' || t."vendor"))) DESC, t."name"
    LIMIT 1`;
  return row?.name ?? null;
}

/** How close a search must be to a name for "did you mean" (below the match threshold: it only suggests). */
const SUGGEST_THRESHOLD = 0.25;

/** The sort a query gets: relevance by default while searching, overall otherwise. */
export function effectiveSort(query: Pick<DirectoryQuery, "q" | "sort">): ToolSort {
  if (query.sort === "relevance" && !query.q) return "overall";
  return query.sort ?? (query.q ? "relevance" : "overall");
}

/**
 * Matches in SQL, ranks in TypeScript with lib/scores.
 * - Search is Postgres full-text search (stems, weights name > tagline > description),
 *   a substring (trigram-indexed LIKE) or a trigram word match (pg_trgm, so "cursr"
 *   finds Cursor).
 * - Ranking reads only the stored counters of the matches, so the score maths
 *   exists once; the catalogue is small enough that ranking every match is cheap.
 * - Only the requested page's cards are then loaded.
 */
export async function searchTools(query: DirectoryQuery): Promise<DirectoryPage> {
  const sort = effectiveSort(query);
  const q = query.q?.toLowerCase();
  const swapped = q ? transposable(q) : [];
  const text = q
    ? Prisma.sql`AND (
        t."searchVector" @@ websearch_to_tsquery('english', ${q})
        OR t."searchText" LIKE '%' || ${escapeLike(q)} || '%'
        OR word_similarity(${q}, t."searchText") >= ${FUZZY_THRESHOLD}
        ${swapped.length ? Prisma.sql`OR EXISTS (
          SELECT 1 FROM regexp_split_to_table(lower(t."name" || ' ' || t."vendor"), '[^a-z0-9]+') AS word
          WHERE length(word) >= ${MIN_TRANSPOSED_LENGTH} AND left(word, 1) || ':' || (SELECT string_agg(letter, '' ORDER BY letter COLLATE "C") FROM regexp_split_to_table(word, '') AS letter) = ANY(${swapped})
        )` : Prisma.empty}
      )`
    : Prisma.empty;
  const relevance = q
    ? Prisma.sql`ts_rank(t."searchVector", websearch_to_tsquery('english', ${q}))
        + word_similarity(${q}, lower(t."name" || ' ' || t."vendor"))
        + 0.5 * word_similarity(${q}, t."searchText")`
    : Prisma.sql`0`;
  const category = query.category ? Prisma.sql`AND c."slug" = ${query.category}` : Prisma.empty;
  const pricing = query.pricing
    ? Prisma.sql`AND t."pricingModel" = ${PRICING_FILTERS[query.pricing]}::"PricingModel"`
    : Prisma.empty;

  const rows = await readDb.$replica().$queryRaw<MatchRow[]>`
    WITH population AS (
      SELECT coalesce(sum(s."communityShip"), 0)::int AS ship, coalesce(sum(s."communityTotal"), 0)::int AS total
      FROM "Tool" t JOIN "ToolStats" s ON s."toolId" = t."id"
      WHERE t."archivedAt" IS NULL
    )
    SELECT t."id", t."name",
      coalesce(t."releasedAt"::timestamp, t."createdAt") AS "newestAt",
      coalesce(s."panelShip", 0) AS "panelShip", coalesce(s."panelTotal", 0) AS "panelTotal",
      coalesce(s."communityShip", 0) AS "communityShip", coalesce(s."communityTotal", 0) AS "communityTotal",
      (${relevance})::float8 AS "relevance",
      p.ship AS "populationShip", p.total AS "populationTotal"
    FROM "Tool" t
    JOIN "Category" c ON c."id" = t."categoryId"
    LEFT JOIN "ToolStats" s ON s."toolId" = t."id"
    CROSS JOIN population p
    WHERE t."archivedAt" IS NULL ${category} ${pricing} ${text}
  `;

  const population = rows[0] ? [{ ship: rows[0].populationShip, total: rows[0].populationTotal }] : [];
  const ranked = rankTools(
    rows.map((row) => ({
      id: row.id,
      name: row.name,
      newestAt: row.newestAt,
      relevance: row.relevance,
      panel: { ship: row.panelShip, total: row.panelTotal },
      community: { ship: row.communityShip, total: row.communityTotal },
    })),
    sort,
    population,
  );
  const totalPages = Math.max(1, Math.ceil(ranked.length / query.pageSize));
  const pageIds = ranked.slice((query.page - 1) * query.pageSize, query.page * query.pageSize).map((tool) => tool.id);
  const cards = pageIds.length
    ? await readDb.tool.findMany({ where: { id: { in: pageIds } }, select: toolCardSelect })
    : [];
  const byId = new Map(cards.map((card) => [card.id, card]));
  return {
    tools: pageIds.flatMap((id) => {
      const card = byId.get(id);
      return card ? [toToolCard(card)] : [];
    }),
    sort,
    page: query.page,
    pageSize: query.pageSize,
    total: ranked.length,
    totalPages,
    siteVotes: rows[0]?.populationTotal ?? 0,
  };
}

/** Categories with how many listed tools each holds, for the directory's filter. */
export const listCategoryOptions = cache(async () => {
  const rows = await readDb.category.findMany({
    select: { slug: true, name: true, _count: { select: { tools: { where: { archivedAt: null } } } } },
    orderBy: [{ position: "asc" }, { name: "asc" }],
  });
  return rows.map((row) => ({ slug: row.slug, name: row.name, count: row._count.tools }));
});
