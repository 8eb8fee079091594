import type { NextRequest } from "next/server";
import { logRefusal } from "@/lib/http/log";
import { refuseCrossSiteWrite } from "@/lib/http/origin";
import { outageRefusal } from "@/lib/http/outage";
import { refusalResponse } from "@/lib/http/refusal";
import { forward, secure } from "@/lib/http/secure";
import { newNonce } from "@/lib/http/security-headers";
import { refuseMalformedAction } from "@/lib/http/server-actions";
import { answerFromPageCache, isCacheFill, NONCE_PLACEHOLDER } from "@/lib/page-cache/serve";

/**
 * The proxy: every request the front gate (server.ts, lib/http/gate.ts) let
 * through passes these steps, in order. A step refuses the request or passes
 * it on; every answer leaves with the security headers and a nonce of its own
 * (docs/decisions/015-proxy-as-the-front-door.md), and every refusal logs one line.
 *
 * 1. The page cache's own render goes straight to the app, with the placeholder nonce.
 * 2. A cross-site write to a page: 403 (lib/http/origin.ts).
 * 3. The database is away: 503 with Retry-After (lib/http/outage.ts, lib/health/breaker.ts).
 * 4. A server action or form post Next could not decode: 400; an unknown action: 404 (lib/http/server-actions.ts).
 * 5. A signed-out reader's public page: from this node's page cache (lib/page-cache/serve.ts).
 * 6. Everything else: on to the app, which puts the nonce on its scripts.
 */
export async function proxy(request: NextRequest) {
  if (isCacheFill(request)) return forward(request, NONCE_PLACEHOLDER);
  const nonce = newNonce();
  const { pathname } = request.nextUrl;
  const refusal = refuseCrossSiteWrite(request) ?? outageRefusal(request) ?? (await refuseMalformedAction(request));
  if (refusal) {
    logRefusal({ method: request.method, path: pathname, status: refusal.status, reason: refusal.code });
    return secure(refusalResponse(pathname, refusal), nonce);
  }
  const cached = await answerFromPageCache(request, nonce);
  return cached ? secure(cached, nonce) : forward(request, nonce);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
