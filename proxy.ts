import { timingSafeEqual } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { contentSecurityPolicy, newNonce, staticSecurityHeaders, type SecurityOptions } from "@/lib/http/security-headers";
import { ApiError, errorResponse } from "@/lib/http/errors";
import { assertSameOrigin } from "@/lib/http/origin";
import { outageJson, outagePage } from "@/lib/http/outage";
import { startDatabaseWatch, type DatabaseWatch } from "@/lib/page-cache/database-watch";
import { cacheableRequest, FILL_HEADER } from "@/lib/page-cache/routes";
import { joinBody, pageCache, splitBody, type CachedPage } from "@/lib/page-cache/store";

/**
 * Runs before every request except static files:
 * 1. A fresh CSP nonce per response; Next puts it on its own scripts.
 * 2. Security headers.
 * 3. A cross-site write to a page (a server action, a form post) is refused
 *    with 403 before it reaches the app; route handlers check their own.
 * 4. While the database does not answer, 503 with Retry-After (a friendly
 *    page, or the API's JSON error) instead of errors from every route.
 * 5. Signed-out readers of public pages are answered from this node's page
 *    cache (lib/page-cache). A miss renders the page once through this same
 *    server with a placeholder nonce, keeps it, and every answer gets its own
 *    nonce in place of the placeholder. See docs/decisions/014-page-cache-in-the-proxy.md.
 */

const security: SecurityOptions = {
  https: env.NODE_ENV === "production" && env.SITE_URL.startsWith("https:"),
  development: env.NODE_ENV === "development",
  formActions: env.AUTH_GITHUB_ID ? ["https://github.com"] : [],
};
const fixedHeaders = staticSecurityHeaders(security);

/** Per process: a render request carrying this secret gets the placeholder nonce. Never leaves the process. */
const fillSecret = newNonce();
/** Where each cached page's nonce goes; random per process so stored text cannot spell it. */
const noncePlaceholder = newNonce().replace(/[+/=]/g, "");

/** Response headers a cached page keeps (content-encoding and length are the fetch's, not ours). */
const KEPT_HEADERS = new Set(["content-type", "cache-control", "location", "vary", "link", "x-robots-tag", "content-language"]);

let watch: DatabaseWatch | null = null;
function databaseWatch(): DatabaseWatch | null {
  if (!env.DATABASE_URL) return null;
  watch ??= startDatabaseWatch(env.DATABASE_URL, env.NODE_ID ?? `pid-${process.pid}`, pageCache());
  return watch;
}

/** Health checks answer for themselves (readiness reports the outage); everything else waits it out. */
const answersDuringOutage = (pathname: string) => pathname === "/api/health" || pathname.startsWith("/api/health/");

export async function proxy(request: NextRequest) {
  const fill = request.headers.get(FILL_HEADER);
  if (fill !== null && sameSecret(fill, fillSecret)) return passThrough(request, noncePlaceholder, { fill: true });

  const nonce = newNonce();
  const refused = refuseCrossSiteWrite(request);
  if (refused) {
    setSecurityHeaders(refused.headers, contentSecurityPolicy(nonce, security));
    return refused;
  }
  const database = databaseWatch();
  if (database && !database.databaseUp && !answersDuringOutage(request.nextUrl.pathname)) {
    const response = request.nextUrl.pathname.startsWith("/api/") ? outageJson() : outagePage();
    setSecurityHeaders(response.headers, contentSecurityPolicy(nonce, security));
    return response;
  }
  const cache = database ? pageCache() : null;
  const cacheable = cache?.active ? cacheableRequest(request) : null;
  if (cache && cacheable) {
    try {
      const { page, hit } = await cache.getOrFill(cacheable.key, () => renderForCache(request, cacheable.key, cacheable.tags));
      // A failed render may mean the database just went away: look now rather than at the next ping.
      if (page && page.status >= 500) database?.check();
      if (page) return answer(request, page, nonce, hit);
    } catch (error) {
      console.error("Page cache: render failed, rendering directly:", error);
    }
  }
  return passThrough(request, nonce, { fill: false });
}

/**
 * Next refuses a server action whose Origin is not this host, but with a 500
 * and after parsing it; this answers 403 first, for every non-GET request to
 * a page. (`/api/*` handlers check Origin themselves; one-click unsubscribe
 * there is cross-site by design.)
 */
function refuseCrossSiteWrite(request: NextRequest): Response | null {
  if (request.method === "GET" || request.method === "HEAD" || request.method === "OPTIONS") return null;
  if (request.nextUrl.pathname.startsWith("/api/")) return null;
  try {
    assertSameOrigin(request);
    return null;
  } catch (error) {
    if (error instanceof ApiError) return errorResponse(error);
    throw error;
  }
}

function passThrough(request: NextRequest, nonce: string, { fill }: { fill: boolean }) {
  const policy = contentSecurityPolicy(nonce, security);
  const headers = new Headers(request.headers);
  headers.delete(FILL_HEADER);
  headers.set("content-security-policy", policy);
  headers.set("x-nonce", nonce);
  if (fill) headers.set("x-page-cache-render", "1");
  const response = NextResponse.next({ request: { headers } });
  setSecurityHeaders(response.headers, policy);
  return response;
}

function answer(request: NextRequest, page: CachedPage, nonce: string, hit: boolean) {
  const policy = contentSecurityPolicy(nonce, security);
  const headers = new Headers(page.headers);
  // Next expects a proxy's Location absolute (it makes same-host ones relative again).
  const location = headers.get("location");
  if (location) headers.set("location", new URL(location, request.url).toString());
  setSecurityHeaders(headers, policy);
  headers.set("x-page-cache", hit ? "hit" : "miss");
  const body = request.method === "HEAD" ? null : new Uint8Array(joinBody(page.body, nonce));
  return new NextResponse(body, { status: page.status, headers });
}

function setSecurityHeaders(headers: Headers, policy: string) {
  headers.set("Content-Security-Policy", policy);
  for (const [name, value] of fixedHeaders) headers.set(name, value);
}

/** This server's own address, for rendering a page to cache (set by `next start` once it listens). */
function selfOrigin(): string | null {
  const origin = process.env.__NEXT_PRIVATE_ORIGIN;
  if (!origin) return process.env.PORT ? `http://127.0.0.1:${process.env.PORT}` : null;
  const url = new URL(origin);
  if (url.hostname === "localhost") url.hostname = "127.0.0.1";
  return url.origin;
}

async function renderForCache(request: NextRequest, key: string, tags: string[]): Promise<CachedPage | null> {
  const origin = selfOrigin();
  if (!origin) return null;
  const response = await fetch(new URL(key, origin), {
    headers: { [FILL_HEADER]: fillSecret, accept: "text/html", "user-agent": request.headers.get("user-agent") ?? "ship-or-skip-page-cache" },
    redirect: "manual",
    cache: "no-store",
    signal: AbortSignal.timeout(30_000),
  });
  const body = splitBody(await response.text(), noncePlaceholder);
  const headers = [...response.headers].filter(([name]) => KEPT_HEADERS.has(name));
  const okStatus = response.status === 200 || (response.status >= 301 && response.status <= 308 && response.headers.has("location"));
  return { status: response.status, headers, body, tags, storedAt: Date.now(), cacheable: okStatus && !response.headers.has("set-cookie") };
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
