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
 * (no header override: the gate already put the nonce on the request), and
 * only requests that may carry an action come here at all (the matcher below).
 */
export async function proxy(request: NextRequest) {
  const refusal = await refuseMalformedAction(request);
  if (!refusal) return NextResponse.next();
  logRefusal({ method: request.method, path: request.nextUrl.pathname, status: refusal.status, reason: refusal.code });
  // The security headers are already on the answer (the gate set them).
  return refusalResponse(request.nextUrl.pathname, refusal);
}

// Next reads this statically: literals only. The proxy runs only where it has work: a request that
// names a server action (the client router's calls) and a page request with a body type (a no-JS
// form post, whose body names the action). Reads, API routes with their JSON and the page cache's
// answers never reach it, so they do not pay for it (issue 15: it cost about half of a trivial
// request). A narrower matcher was tried once before and the over-the-wire fuzz found 5xx and resets
// without a proxy in front of a route; their causes are now the gate's (lib/http/gate.ts): a body
// nobody read is drained before the connection closes (lingerAfterAnswer), and the fuzz, with
// RSC and router headers on every route, finds no 5xx (tests/e2e/wire-fuzz.spec.ts).
export const config = {
  matcher: [
    { source: "/((?!_next/static|_next/image|favicon.ico).*)", has: [{ type: "header", key: "next-action" }] },
    { source: "/((?!api/|_next/static|_next/image|favicon.ico).*)", has: [{ type: "header", key: "content-type" }] },
  ],
};
