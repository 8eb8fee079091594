import { NextResponse } from "next/server";
import { requireRequestUser } from "@/lib/auth/session";
import { FollowerGoneError, FollowToolNotFoundError, setFollow, TooManyFollowsError } from "@/lib/follows/writes";
import { ApiError, handle, notFound } from "@/lib/http/errors";
import { assertSameOrigin } from "@/lib/http/origin";
import { consume } from "@/lib/rate-limit";
import { toolSlugSchema } from "@/lib/tools/schema";

/**
 * PUT /api/tools/:slug/follow    — follow the tool
 * DELETE /api/tools/:slug/follow — unfollow it
 * Both idempotent, both answer { data: { following } } (docs/decisions/037).
 * 401 signed out, 404 an unknown tool (or, to follow, an archived one), 409 at the follow limit, 429 rate limited.
 */
async function follow(request: Request, context: RouteContext<"/api/tools/[slug]/follow">, following: boolean) {
  assertSameOrigin(request);
  const user = await requireRequestUser(request);
  const { slug } = await context.params;
  if (!toolSlugSchema.safeParse(slug).success) throw notFound(`Tool "${slug}"`);
  await consume("follow", user.id);
  try {
    const result = await setFollow(user.id, slug, following);
    return NextResponse.json({ data: { following: result.following } });
  } catch (error) {
    if (error instanceof FollowToolNotFoundError) throw notFound(`Tool "${slug}"`);
    if (error instanceof FollowerGoneError) throw new ApiError(401, "unauthenticated", "Sign in to follow tools.");
    if (error instanceof TooManyFollowsError) throw new ApiError(409, "too_many_follows", error.message);
    throw error;
  }
}

export const PUT = handle((request: Request, context: RouteContext<"/api/tools/[slug]/follow">) => follow(request, context, true));

export const DELETE = handle((request: Request, context: RouteContext<"/api/tools/[slug]/follow">) => follow(request, context, false));
