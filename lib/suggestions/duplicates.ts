import { Prisma } from "@/lib/generated/prisma/client";
import type { DuplicateMatch } from "./schema";

// No `server-only` needed by its callers' bundles, but only server code calls it (a transaction client).

/**
 * How alike two names must be to count as the same tool (pg_trgm similarity of
 * their letters and digits, 0–1). At 0.5, "Cursor AI" meets Cursor, "Perplexty"
 * meets Perplexity and "Mid Journey" meets Midjourney, while "Claude" and
 * "Cline" stay apart. Checked in tests/integration/suggestions.test.ts.
 */
export const NAME_SIMILARITY = 0.5;

/** A name as the check compares it: lower case letters and digits, one space between words. */
export function comparableName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/**
 * A tool's website as siteKeyOf (lib/suggestions/schema.ts) makes it: host in
 * lower case without "www." or a port, then the path without a trailing slash,
 * no query or fragment. (Percent-escapes are compared as stored.)
 */
const SITE_KEY_SQL = Prisma.sql`lower(regexp_replace(regexp_replace(regexp_replace(regexp_replace(t.website, '^[a-zA-Z][a-zA-Z0-9+.-]*://(www\\.)?', ''), '[?#].*$', ''), '^([^/:]*):[0-9]+', '\\1'), '/+$', ''))`;

/**
 * The tool or open suggestion this suggestion duplicates, if any: the same
 * website host (a tool's or a waiting suggestion's), the same name (letters and
 * digits), or a name close enough (trigram similarity). A listed tool is named;
 * an unlisted one (a draft made from an earlier suggestion) or a waiting
 * suggestion is not — it says only that someone suggested it already.
 * Exact matches win over fuzzy ones; the closest name over the rest.
 */
export async function findDuplicate(tx: Prisma.TransactionClient, suggestion: { name: string; siteKey: string }): Promise<DuplicateMatch | null> {
  const name = comparableName(suggestion.name);
  const compact = name.replace(/ /g, "");
  const [row] = await tx.$queryRaw<{ kind: "tool" | "suggestion"; slug: string | null; name: string; listed: boolean; exact: boolean; score: number }[]>`
    WITH candidates AS (
      SELECT 'tool' AS kind, t.slug, t.name, t."archivedAt" IS NULL AS listed,
             ${SITE_KEY_SQL} AS site_key
      FROM "Tool" t
      UNION ALL
      SELECT 'suggestion', NULL, s.name, false, s."siteKey"
      FROM "Suggestion" s WHERE s.kind = 'TOOL' AND s.status = 'RECEIVED'
    ), scored AS (
      SELECT kind, slug, name, listed,
             (site_key = ${suggestion.siteKey} OR regexp_replace(lower(name), '[^a-z0-9]+', '', 'g') = ${compact}) AS exact,
             similarity(trim(regexp_replace(lower(name), '[^a-z0-9]+', ' ', 'g')), ${name}) AS score
      FROM candidates
    )
    SELECT kind, slug, name, listed, exact, score FROM scored
    WHERE exact OR score >= ${NAME_SIMILARITY}
    ORDER BY exact DESC, score DESC, listed DESC, name
    LIMIT 1`;
  if (!row) return null;
  if (row.kind === "tool" && row.listed && row.slug) return { kind: "tool", slug: row.slug, name: row.name };
  return { kind: "suggestion", name: row.name };
}
