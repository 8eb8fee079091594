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
 * answer, cross-site writes to pages, and the page cache — a cached page never
 * reaches Next, so never this proxy. For the rest it only passes the request on
 * (no header override: the gate already put the nonce on the request).
 */
export async function proxy(request: NextRequest) {
  const refusal = await refuseMalformedAction(request);
  if (!refusal) return NextResponse.next();
  logRefusal({ method: request.method, path: request.nextUrl.pathname, status: refusal.status, reason: refusal.code, requestId: request.headers.get("x-request-id") });
  // The security headers are already on the answer (the gate set them).
  return refusalResponse(request.nextUrl.pathname, refusal);
}

// Next reads this statically: literals only. Every path but static files. A narrower matcher (page
// requests with a body only) was tried and measured faster, but the over-the-wire fuzz found what
// Next does without a proxy in front of a route: it answers a body it has not read (a 405 to a POST)
// and the client, still sending, gets a reset instead of the answer; and RSC headers on a route
// handler's address, or a malformed action on an auth page, reach Next's renderer and end in a 500.
// Next buffers a request's body and normalises those headers before a proxy, so every path keeps one.
// Tried again on 2026-12-04 (only requests with a Next-Action header or a page post with a body type),
// after the gate's lingering close (lib/http/gate.ts): no 5xx, but under CI's load a 2 MB chunked
// body to an API route Next answers without reading (a 405) sometimes lost its answer to a reset —
// and, it turned out, also with the proxy on every path. Kept on every path until that is understood.
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
