import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { z } from "zod";
import { readDb } from "@/lib/db";
import type { PublicVerdict } from "@/lib/reviewers/select";
import { PRICING_MODELS } from "@/lib/tools/pricing-models";
import type { ToolCardRow } from "@/lib/tools/select";

/**
 * Everything a comparison shows, read in one statement (docs/decisions/043).
 *
 * Through Prisma's model API the same read was seven statements (the two tools, their category,
 * counters and logo, the curated comparison, the verdicts and their reviewers) and ~5 ms of CPU
 * per render, a fifth of the comparison's; here the database joins and shapes it as one JSON row
 * and the app checks that row with the schemas below, which also give back the exact shapes the
 * model API returned (`ToolCardRow`, `PublicVerdict`), so everything downstream is unchanged.
 * `tests/integration/comparison-read.test.ts` holds it equal to the model API's read for every pair
 * of the seed and for drafts, archived tools, logos and unpublished verdicts.
 * Sent through `readDb.$replica()`, as the model reads were (a replica when there is one).
 *
 * Times travel as epoch milliseconds (a `timestamp` column holds UTC, as Prisma writes it).
 */
const PAIR_STATEMENT = (slugA: string, slugB: string) => Prisma.sql`
WITH picked AS (
  SELECT t.id, t.slug, t.name, t.vendor, t.tagline, t.description, t.website, t.license,
         t."pricingModel"::text AS "pricingModel", t."entryPrice", t."pricingDetail", t."pricingSourceUrl",
         floor(extract(epoch FROM t."pricingVerifiedAt") * 1000) AS "pricingVerifiedAt",
         floor(extract(epoch FROM t."releasedAt") * 1000) AS "releasedAt",
         t.specs,
         floor(extract(epoch FROM t."archivedAt") * 1000) AS "archivedAt",
         floor(extract(epoch FROM t."updatedAt") * 1000) AS "updatedAt",
         json_build_object('slug', c.slug, 'name', c.name) AS category,
         CASE WHEN s."toolId" IS NULL THEN NULL ELSE json_build_object(
           'panelShip', s."panelShip", 'panelTotal', s."panelTotal", 'communityShip', s."communityShip",
           'communityTotal', s."communityTotal", 'pendingVotes', s."pendingVotes") END AS stats,
         CASE WHEN l."toolId" IS NULL THEN NULL ELSE json_build_object('hash', l.hash, 'contentType', l."contentType") END AS logo
  FROM "Tool" t
  JOIN "Category" c ON c.id = t."categoryId"
  LEFT JOIN "ToolStats" s ON s."toolId" = t.id
  LEFT JOIN "ToolLogo" l ON l."toolId" = t.id
  WHERE t.slug IN (${slugA}, ${slugB}) AND NOT t.draft
)
SELECT
  (SELECT coalesce(json_agg(row_to_json(p)), '[]'::json) FROM picked p) AS tools,
  (SELECT json_build_object(
      'slug', cmp.slug, 'headline', cmp.headline, 'intro', cmp.intro, 'pickA', cmp."pickA", 'pickB', cmp."pickB",
      'publishedAt', floor(extract(epoch FROM cmp."publishedAt") * 1000),
      'updatedAt', floor(extract(epoch FROM cmp."updatedAt") * 1000), 'toolAId', cmp."toolAId")
    FROM "Comparison" cmp, picked a, picked b
    WHERE a.slug = ${slugA} AND b.slug = ${slugB} AND cmp.status = 'PUBLISHED'
      AND ((cmp."toolAId" = a.id AND cmp."toolBId" = b.id) OR (cmp."toolAId" = b.id AND cmp."toolBId" = a.id))
    ORDER BY cmp.id
    LIMIT 1) AS curated,
  (SELECT coalesce(json_agg(json_build_object(
      'id', v.id, 'toolId', v."toolId", 'decision', v.decision::text, 'body', v.body,
      'publishedAt', floor(extract(epoch FROM v."publishedAt") * 1000),
      'updatedAt', floor(extract(epoch FROM v."updatedAt") * 1000), 'version', v.version,
      'reviewer', json_build_object('id', r.id, 'slug', r.slug, 'name', r.name, 'lens', r.lens, 'bio', r.bio, 'position', r.position))), '[]'::json)
    FROM "Verdict" v JOIN "Reviewer" r ON r.id = v."reviewerId"
    WHERE v.published AND r.active AND v."toolId" IN (SELECT id FROM picked)) AS verdicts`;

const time = z.union([z.number(), z.string()]).transform((ms) => new Date(Number(ms)));
const optionalTime = time.nullable();
const text = z.string();

const toolRowSchema = z.object({
  id: text,
  slug: text,
  name: text,
  vendor: text,
  tagline: text,
  description: text,
  website: text.nullable(),
  license: text.nullable(),
  pricingModel: z.enum(PRICING_MODELS),
  entryPrice: text.nullable(),
  pricingDetail: text.nullable(),
  pricingSourceUrl: text.nullable(),
  pricingVerifiedAt: optionalTime,
  releasedAt: optionalTime,
  specs: z.unknown(),
  archivedAt: optionalTime,
  updatedAt: time,
  category: z.object({ slug: text, name: text }),
  stats: z.object({ panelShip: z.number(), panelTotal: z.number(), communityShip: z.number(), communityTotal: z.number(), pendingVotes: z.number() }).nullable(),
  logo: z.object({ hash: text, contentType: text }).nullable(),
});

const verdictRowSchema = z.object({
  id: text,
  toolId: text,
  decision: z.enum(["SHIP", "SKIP"]),
  body: text,
  publishedAt: optionalTime,
  updatedAt: time,
  version: z.number(),
  reviewer: z.object({ id: text, slug: text, name: text, lens: text, bio: text, position: z.number() }),
});

const curatedRowSchema = z.object({
  slug: text,
  headline: text.nullable(),
  intro: text.nullable(),
  pickA: text.nullable(),
  pickB: text.nullable(),
  publishedAt: optionalTime,
  updatedAt: time,
  toolAId: text,
});

const pairSchema = z.object({
  tools: z.array(toolRowSchema),
  curated: curatedRowSchema.nullable(),
  verdicts: z.array(verdictRowSchema),
});

export type PairRead = { tools: ToolCardRow[]; curated: z.infer<typeof curatedRowSchema> | null; verdicts: PublicVerdict[] };

/** Two listed-or-archived (never draft) tools by slug, the pair's published comparison, and their public verdicts. */
export async function readPair(slugA: string, slugB: string): Promise<PairRead> {
  const [row] = await readDb.$replica().$queryRaw<unknown[]>(PAIR_STATEMENT(slugA, slugB));
  const parsed = pairSchema.parse(row);
  return parsed as PairRead;
}
