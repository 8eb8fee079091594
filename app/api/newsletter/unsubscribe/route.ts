import { NextResponse } from "next/server";
import { handle } from "@/lib/http/errors";
import { oneClickUnsubscribe } from "@/lib/newsletter/one-click";

/**
 * POST /api/newsletter/unsubscribe?token=…  body: List-Unsubscribe=One-Click
 * RFC 8058 one-click unsubscribe, posted by mail providers from the digest's
 * List-Unsubscribe header. Cross-site by nature, so no Origin check: the
 * single-use token is the authorisation.
 */
export const POST = handle(async (request: Request) => {
  await oneClickUnsubscribe(request);
  return NextResponse.json({ status: "unsubscribed" });
});
