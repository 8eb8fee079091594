import { env } from "@/lib/env";
import { ApiError } from "./errors";
import type { Refusal } from "./refusal";
import { trustedForwarded } from "./forwarded";

/**
 * Refuses cross-site writes. Browsers send Origin on every cross-origin and
 * every non-GET fetch; it must name this site (the Host the request came to,
 * or SITE_URL). Requests without Origin are non-browser clients (curl, apps):
 * they carry no ambient cookies of a victim, so they pass — unless
 * Sec-Fetch-Site says the browser saw a cross-site request.
 */
export function assertSameOrigin(request: Pick<Request, "url" | "headers">): void {
  const origin = request.headers.get("origin");
  const fetchSite = request.headers.get("sec-fetch-site");
  if (!origin) {
    if (fetchSite === "cross-site" || fetchSite === "same-site") throw crossSite();
    return;
  }
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw crossSite();
  }
  const hosts = new Set<string>([new URL(env.SITE_URL).host, new URL(request.url).host]);
  const host = request.headers.get("host");
  if (host) hosts.add(host);
  // X-Forwarded-Host only from a proxy you run (TRUST_PROXY), by the same rule as X-Forwarded-For.
  const forwarded = trustedForwarded(request.headers, "x-forwarded-host");
  if (forwarded) hosts.add(forwarded);
  if (!hosts.has(originHost)) throw crossSite();
}

function crossSite() {
  return new ApiError(403, "cross_site_request", "Cross-site requests are not allowed.");
}

/**
 * The front gate's step (server.ts): Next refuses a server action whose Origin
 * is not this host, but with a 500 and after parsing it; this answers 403
 * first, for every non-GET request to a page. (`/api/*` handlers check Origin
 * themselves; one-click unsubscribe there is cross-site by design.)
 */
export function refuseCrossSiteWrite(request: { method: string; url: string; headers: () => Headers }): Refusal | null {
  if (request.method === "GET" || request.method === "HEAD" || request.method === "OPTIONS") return null;
  if (new URL(request.url).pathname.startsWith("/api/")) return null;
  try {
    assertSameOrigin({ url: request.url, headers: request.headers() });
    return null;
  } catch (error) {
    if (error instanceof ApiError) return { status: error.status, code: error.code, message: error.message };
    throw error;
  }
}
