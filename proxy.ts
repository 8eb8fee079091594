import { NextResponse, type NextRequest } from "next/server";
import { logRefusal } from "@/lib/http/log";
import { refusalResponse } from "@/lib/http/refusal";
import { refuseMalformedAction } from "@/lib/http/server-actions";

/**
 * The proxy: one step, for the requests that need the body read before Next
 * decodes it — a server action or form post to a page Next could not decode:
 * 400; an unknown action: 404 (lib/http/server-actions.ts).
 *
 * Everything else is the front gate's, before Next is involved (server.ts,
 * docs/decisions/020 and 024): the security headers and nonce, the outage
 * answer, cross-site writes to pages, and the page cache. So the matcher
 * below runs this only for page requests that carry a body or name an action;
 * a page view, an RSC request and every /api/* request never pay for a proxy.
 */
export async function proxy(request: NextRequest) {
  const refusal = await refuseMalformedAction(request);
  if (!refusal) return NextResponse.next();
  logRefusal({ method: request.method, path: request.nextUrl.pathname, status: refusal.status, reason: refusal.code });
  // The security headers are already on the answer (the gate set them).
  return refusalResponse(request.nextUrl.pathname, refusal);
}

// Next reads this statically: literals only. Pages (not /api/*, not static files), with a body or an action id.
export const config = {
  matcher: [
    { source: "/((?!api/|_next/static|_next/image|favicon.ico).*)", has: [{ type: "header", key: "content-type" }] },
    { source: "/((?!api/|_next/static|_next/image|favicon.ico).*)", has: [{ type: "header", key: "next-action" }] },
  ],
};
