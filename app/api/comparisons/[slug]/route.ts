import { NextResponse } from "next/server";
import { toComparisonResponse } from "@/lib/comparisons/api";
import { getComparison } from "@/lib/comparisons/queries";
import { handle, notFound } from "@/lib/http/errors";

/** GET /api/comparisons/:slug — the reversed slug of a comparison redirects (308) to the canonical one. */
export const GET = handle(async (request: Request, context: RouteContext<"/api/comparisons/[slug]">) => {
  const { slug } = await context.params;
  const result = await getComparison(slug);
  if (result.kind === "redirect") {
    return NextResponse.redirect(new URL(`/api/comparisons/${result.slug}`, request.url), 308);
  }
  if (result.kind === "not-found") throw notFound(`Comparison "${slug}"`);
  return NextResponse.json({ data: toComparisonResponse(result.comparison) });
});
