import { NextResponse } from "next/server";
import { requireRequestUser } from "@/lib/auth/session";
import { ApiError, handle } from "@/lib/http/errors";
import { readJsonBody } from "@/lib/http/json";
import { assertSameOrigin } from "@/lib/http/origin";
import { consume } from "@/lib/rate-limit";
import { absoluteUrl } from "@/lib/site/urls";
import { suggestToolBodySchema } from "@/lib/suggestions/schema";
import { DuplicateSuggestionError, SuggesterGoneError, suggestTool, UnknownCategoryError } from "@/lib/suggestions/writes";

/**
 * POST /api/suggestions  { "name", "website", "category" (slug), "pitch", "vendor"?, "pricingModel"? }
 * Signed in, same-site: 201 { data: { id, status: "received" } }; 409 `duplicate` with the matching
 * tool (`error.match`) when it is listed or already suggested; 422 for an unknown category;
 * `RATE_LIMIT_SUGGESTIONS` (docs/decisions/041).
 */
export const POST = handle(async (request: Request) => {
  assertSameOrigin(request);
  const user = await requireRequestUser(request);
  const body = await readJsonBody(request, suggestToolBodySchema, { what: "suggestion", message: () => "Invalid suggestion" });
  await consume("suggestion", user.id);
  try {
    const created = await suggestTool(user.id, body);
    return NextResponse.json({ data: created }, { status: 201 });
  } catch (error) {
    if (error instanceof DuplicateSuggestionError) {
      const match = error.match.kind === "tool" ? { ...error.match, url: absoluteUrl(`/tools/${error.match.slug}`) } : error.match;
      throw new ApiError(409, "duplicate", error.message, undefined, undefined, { match });
    }
    if (error instanceof UnknownCategoryError) throw new ApiError(422, "unknown_category", `No category is called "${body.category}".`);
    if (error instanceof SuggesterGoneError) throw new ApiError(401, "unauthenticated", "Sign in to suggest a tool.");
    throw error;
  }
});
