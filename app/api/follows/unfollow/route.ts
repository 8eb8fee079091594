import { NextResponse } from "next/server";
import { unfollowLinkSchema } from "@/lib/follows/tokens";
import { unfollowByLink } from "@/lib/follows/writes";
import { ApiError, handle } from "@/lib/http/errors";
import { readOneClickField } from "@/lib/newsletter/one-click";

/**
 * POST /api/follows/unfollow?u=…&sig=…  body: List-Unsubscribe=One-Click
 * RFC 8058 one-click "unfollow every tool", posted by mail providers from the
 * follow digest's List-Unsubscribe header (docs/decisions/037). Cross-site by
 * nature, so no Origin check: the link's HMAC signature is the authorisation.
 * Answers { data: { following: false } }.
 */
export const POST = handle(async (request: Request) => {
  if ((await readOneClickField(request)) !== "One-Click") {
    throw new ApiError(400, "invalid_request", 'Send the body "List-Unsubscribe=One-Click" (RFC 8058).');
  }
  const link = unfollowLinkSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!link.success || link.data.tool || !(await unfollowByLink(link.data))) {
    throw new ApiError(404, "not_found", "This unfollow link is not valid.");
  }
  return NextResponse.json({ data: { following: false } });
});
