import { z } from "zod";
import { toolDetailResponse, toolSlugSchema, toolSummaryResponse, verdictResponse } from "@/lib/tools/schema";

/** `<a>-vs-<b>`; tool slugs never contain "-vs-" (a database rule), so it splits one way. */
export const comparisonSlugSchema = z
  .string()
  .max(170)
  .transform((slug, ctx) => {
    const parts = slug.split("-vs-");
    const [a, b] = parts;
    if (parts.length !== 2 || !a || !b) {
      ctx.addIssue({ code: "custom", message: "A comparison slug looks like <tool>-vs-<tool>" });
      return z.NEVER;
    }
    const toolA = toolSlugSchema.safeParse(a);
    const toolB = toolSlugSchema.safeParse(b);
    if (!toolA.success || !toolB.success) {
      ctx.addIssue({ code: "custom", message: "A comparison slug looks like <tool>-vs-<tool>" });
      return z.NEVER;
    }
    return { slug, toolA: toolA.data, toolB: toolB.data };
  });

export function comparisonSlug(toolA: string, toolB: string): string {
  return `${toolA}-vs-${toolB}`;
}

export const comparisonDetailResponse = z.object({
  slug: z.string(),
  url: z.string(),
  title: z.string(),
  /** false for a pair no editor has written up: generated from the same data. */
  curated: z.boolean(),
  headline: z.string().nullable(),
  intro: z.string().nullable(),
  /**
   * The bottom line: staff's picks ("Pick <tools[0]> if " + `picks.a`), or, without them, a line
   * generated from the figures (`generated`). Exactly one of the two is set.
   */
  bottomLine: z.object({
    picks: z.object({ a: z.string(), b: z.string() }).nullable(),
    generated: z.string().nullable(),
    split: z.string(),
  }),
  publishedAt: z.iso.datetime().nullable(),
  tools: z.tuple([
    toolSummaryResponse.extend({ description: z.string(), pricing: toolDetailResponse.shape.pricing, specs: toolDetailResponse.shape.specs }),
    toolSummaryResponse.extend({ description: z.string(), pricing: toolDetailResponse.shape.pricing, specs: toolDetailResponse.shape.specs }),
  ]),
  split: z.array(
    z.object({
      reviewer: verdictResponse.shape.reviewer,
      a: z.enum(["ship", "skip"]).nullable(),
      b: z.enum(["ship", "skip"]).nullable(),
      differs: z.boolean(),
    }),
  ),
  scorecard: z.array(verdictResponse.extend({ tool: z.string() })),
});

export type ComparisonDetailResponse = z.infer<typeof comparisonDetailResponse>;

/** The "compare with…" form: `/compare?a=<slug>&b=<slug>`. */
export const comparePickSchema = z.object({
  a: toolSlugSchema,
  b: toolSlugSchema,
});

/** The directory's "Compare" ticks without JavaScript: `/compare?tools=<slug>&tools=<slug>`, exactly two. */
export const compareTicksSchema = z.object({
  tools: z
    .union([z.string(), z.array(z.string())])
    .transform((tools) => (Array.isArray(tools) ? tools : [tools]))
    .pipe(z.tuple([toolSlugSchema, toolSlugSchema])),
});
