import { storedSpecsSchema } from "@/lib/specs/schema";
import { z } from "zod";
import { TOOL_SORTS } from "@/lib/scores/ranking";
import { PRICING_MODELS } from "./pricing-models";

/** The longest slug (tools and reviewers). */
export const SLUG_MAX_LENGTH = 80;

export const toolSlugSchema = z
  .string()
  .min(1)
  .max(SLUG_MAX_LENGTH)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "A tool slug is lower-case letters, digits and single dashes");

export const PRICING_FILTERS = {
  free: "FREE",
  freemium: "FREEMIUM",
  paid: "PAID",
  usage: "USAGE",
  "open-weights": "OPEN_WEIGHTS",
} as const;
export type PricingFilter = keyof typeof PRICING_FILTERS;

/** The longest search the directory takes (the page says so; the API answers 400). */
export const SEARCH_MAX_LENGTH = 100;

const searchText = z
  .string()
  // Control characters (NUL above all, which PostgreSQL refuses) mean nothing in a search.
  .overwrite((text) => text.replace(/[\u0000-\u001f\u007f]/g, " "))
  .trim()
  .max(SEARCH_MAX_LENGTH, `Search for at most ${SEARCH_MAX_LENGTH} characters`)
  .transform((text) => text.replace(/\s+/g, " "))
  .transform((text) => text || undefined);

/** The directory's filters, shared by `/tools` and `GET /api/tools`: every one lives in the URL. */
export const toolListQuerySchema = z.object({
  q: searchText.optional(),
  category: toolSlugSchema.optional(),
  pricing: z.enum(Object.keys(PRICING_FILTERS) as [PricingFilter, ...PricingFilter[]]).optional(),
  sort: z.enum(TOOL_SORTS).optional(),
  page: z.coerce.number().int("page must be a whole number").min(1, "page starts at 1").max(10_000).default(1),
  pageSize: z.coerce.number().int("pageSize must be a whole number").min(1).max(100).default(20),
});

/**
 * The same filters read leniently for the page: a hand-edited or stale link
 * keeps the parts that make sense instead of failing.
 */
export const toolDirectoryParamsSchema = z.object({
  q: searchText.optional().catch(undefined),
  category: toolSlugSchema.optional().catch(undefined),
  pricing: toolListQuerySchema.shape.pricing.catch(undefined),
  sort: toolListQuerySchema.shape.sort.catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export type ToolListQuery = z.infer<typeof toolListQuerySchema>;

// ---- API response shapes (the public contract; see README "API")

const percentScore = {
  ship: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  percent: z.number().int().min(0).max(100).nullable(),
  label: z.string(),
};

export const toolScoresResponse = z.object({
  panel: z.object({ ...percentScore, split: z.string() }),
  community: z.object({
    ...percentScore,
    status: z.enum(["none", "provisional", "established"]),
    interval: z.object({ low: z.number(), high: z.number() }).nullable(),
    /** Votes from new accounts, stored but not counted yet (docs/decisions/030). */
    pending: z.number().int().nonnegative(),
  }),
  disagreement: z.string().nullable(),
});

export const toolSummaryResponse = z.object({
  slug: z.string(),
  name: z.string(),
  vendor: z.string(),
  category: z.object({ slug: z.string(), name: z.string() }),
  tagline: z.string(),
  url: z.string(),
  /** The logo's content-addressed path (`/logos/<hash>.<ext>`, cacheable forever), or null: show a monogram. */
  logoUrl: z.string().nullable(),
  archived: z.boolean(),
  pricing: z.object({
    model: z.enum(PRICING_MODELS),
    entry: z.string().nullable(),
  }),
  scores: toolScoresResponse,
});

export const verdictResponse = z.object({
  reviewer: z.object({ slug: z.string(), name: z.string(), lens: z.string() }),
  decision: z.enum(["ship", "skip"]),
  body: z.string(),
  publishedAt: z.iso.datetime().nullable(),
  updatedAt: z.iso.datetime(),
});

export const toolDetailResponse = toolSummaryResponse.extend({
  description: z.string(),
  website: z.string().nullable(),
  license: z.string().nullable(),
  releasedAt: z.iso.date().nullable(),
  /** Known facts only, each `{ value, sourceUrl, checkedOn }` (licence and release date: provenance of the fields above). */
  specs: storedSpecsSchema,
  pricing: toolSummaryResponse.shape.pricing.extend({
    detail: z.string().nullable(),
    sourceUrl: z.string().nullable(),
    verifiedAt: z.iso.date().nullable(),
  }),
  verdicts: z.array(verdictResponse),
  comparisons: z.array(z.object({ slug: z.string(), title: z.string(), url: z.string() })),
});

export const toolListResponse = z.object({
  data: z.array(toolSummaryResponse),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  totalPages: z.number().int(),
  sort: z.enum(TOOL_SORTS),
});

export type ToolSummaryResponse = z.infer<typeof toolSummaryResponse>;
export type ToolDetailResponse = z.infer<typeof toolDetailResponse>;
