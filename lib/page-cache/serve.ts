import { NextResponse, type NextRequest } from "next/server";
import { selfOrigin } from "@/lib/env";
import { databaseBreaker } from "@/lib/health/breaker";
import { newNonce } from "@/lib/http/security-headers";
import { sameSecret } from "@/lib/http/secret";
import { cacheableRequest, FILL_HEADER } from "./routes";
import { hasSessionCookie } from "@/lib/auth/cookies";
import { asMember, joinBody, pageCache, splitBody, type CacheAnswer, type CachedPage } from "./store";

/**
 * The proxy's page-cache step (see docs/decisions/014-page-cache-in-the-proxy.md):
 * a public page comes from this node's cache, for every reader (the cached
 * copy is rendered signed out and holds nothing personal: ADR 022); a miss
 * renders it once through this same server with a placeholder nonce (the
 * "fill" request, recognised by a per-process secret), keeps it, and every
 * answer gets its own nonce in place of the placeholder.
 */

/** Per process: a render request carrying this secret gets the placeholder nonce. Never leaves the process. */
const fillSecret = newNonce();
/** Where each cached page's nonce goes; random per process so stored text cannot spell it. */
export const NONCE_PLACEHOLDER = newNonce().replace(/[+/=]/g, "");

/** Response headers a cached page keeps (content-encoding and length are the fetch's, not ours). */
const KEPT_HEADERS = new Set(["content-type", "cache-control", "location", "vary", "link", "x-robots-tag", "content-language"]);

/** This request is the page cache's own render: it gets the placeholder nonce and goes straight to the app. */
export function isCacheFill(request: NextRequest): boolean {
  return sameSecret(request.headers.get(FILL_HEADER), fillSecret);
}

/** The cached (or just rendered and cached) page for this request, with `nonce`; null when the cache does not answer it. */
export async function answerFromPageCache(request: NextRequest, nonce: string): Promise<NextResponse | null> {
  const cache = pageCache();
  const cacheable = cache?.active ? cacheableRequest(request) : null;
  if (!cache || !cacheable) return null;
  if (cacheable.kind === "redirect") {
    return new NextResponse(null, { status: 308, headers: { Location: new URL(cacheable.location, request.url).toString(), "Cache-Control": "public, max-age=3600" } });
  }
  try {
    const { page, answer: how } = await cache.getOrFill(cacheable.key, () => renderForCache(request, cacheable.key, cacheable.tags));
    // A failed render may mean the database just went away: look now rather than at the next ping.
    if (page && page.status >= 500) databaseBreaker()?.check();
    return page ? answer(request, page, nonce, how) : null;
  } catch (error) {
    console.error("Page cache: render failed, rendering directly:", error);
    return null;
  }
}

function answer(request: NextRequest, page: CachedPage, nonce: string, how: CacheAnswer): NextResponse {
  const headers = new Headers(page.headers);
  // Next expects a proxy's Location absolute (it makes same-host ones relative again).
  const location = headers.get("location");
  if (location) headers.set("location", new URL(location, request.url).toString());
  headers.set("x-page-cache", how);
  // The shell's first-paint hint (components/site/viewer.tsx): this reader sent a session cookie.
  const member = hasSessionCookie(request.headers.get("cookie"));
  const body = request.method === "HEAD" ? null : new Uint8Array(joinBody(member ? asMember(page.body) : page.body, nonce));
  return new NextResponse(body, { status: page.status, headers });
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
  const body = splitBody(await response.text(), NONCE_PLACEHOLDER);
  const headers = [...response.headers].filter(([name]) => KEPT_HEADERS.has(name));
  const okStatus = response.status === 200 || (response.status >= 301 && response.status <= 308 && response.headers.has("location"));
  return { status: response.status, headers, body, tags, storedAt: Date.now(), cacheable: okStatus && !response.headers.has("set-cookie") };
}
