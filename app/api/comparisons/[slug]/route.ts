import { NextResponse } from "next/server";
import { toComparisonResponse } from "@/lib/comparisons/api";
import { getComparison } from "@/lib/comparisons/queries";
import { refusalError } from "@/lib/comparisons/refusal";
import { handle } from "@/lib/http/errors";

/**
 * GET /api/comparisons/:slug — any two listed tools; the non-canonical order redirects (308).
 * 400 for a tool against itself, 404 for an unknown or archived tool.
 */
export const GET = handle(async (request: Request, context: RouteContext<"/api/comparisons/[slug]">) => {
  const { slug } = await context.params;
  const result = await getComparison(slug);
  if (result.kind === "redirect") {
    return NextResponse.redirect(new URL(`/api/comparisons/${result.slug}`, request.url), 308);
  }
  if (result.kind === "refused") throw refusalError(slug, result);
  return NextResponse.json({ data: toComparisonResponse(result.comparison) });
});
