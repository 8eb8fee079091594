import type { NextRequest } from "next/server";
import { refuseCrossSiteWrite } from "@/lib/http/origin";
import { outageAnswer } from "@/lib/http/outage";
import { forward, secure } from "@/lib/http/secure";
import { newNonce } from "@/lib/http/security-headers";
import { answerFromPageCache, isCacheFill, NONCE_PLACEHOLDER } from "@/lib/page-cache/serve";

/**
 * The front door: every request but static files passes these steps, in order.
 * Each step answers the request or passes it on; every answer leaves with the
 * security headers and a nonce of its own (docs/decisions/015-proxy-as-the-front-door.md).
 *
 * 1. The page cache's own render goes straight to the app, with the placeholder nonce.
 * 2. A cross-site write to a page: 403 (lib/http/origin.ts).
 * 3. The database is away: 503 with Retry-After (lib/http/outage.ts, lib/health/breaker.ts).
 * 4. A signed-out reader's public page: from this node's page cache (lib/page-cache/serve.ts).
 * 5. Everything else: on to the app, which puts the nonce on its scripts.
 */
export async function proxy(request: NextRequest) {
  if (isCacheFill(request)) return forward(request, NONCE_PLACEHOLDER);
  const nonce = newNonce();
  const answer = refuseCrossSiteWrite(request) ?? outageAnswer(request) ?? (await answerFromPageCache(request, nonce));
  return answer ? secure(answer, nonce) : forward(request, nonce);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
