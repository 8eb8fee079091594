import { hasSessionCookie } from "@/lib/auth/cookies";
import { ALL_TOOLS, toolTag } from "./store";

/**
 * Which requests the page cache answers, and what each cached page depends on.
 * Only public pages as a signed-out reader sees them: a signed-in reader's
 * page shows their own vote, so it is always rendered for them.
 */

const TOOL_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Tags of a cacheable path, or null when the path is never cached. */
export function pageCacheTags(pathname: string): string[] | null {
  if (pathname === "/" || pathname === "/tools" || pathname === "/compare" || pathname === "/reviewers") return [ALL_TOOLS];
  const parts = pathname.split("/").filter(Boolean);
  if (parts.length === 2 && parts[0] === "compare") {
    // A comparison shows its two tools only (slugs never contain "-vs-").
    const pair = parts[1]!.split("-vs-");
    if (pair.length === 2 && pair.every((slug) => TOOL_SLUG.test(slug))) return pair.map(toolTag);
    return null;
  }
  if (parts[0] === "tools" && (parts.length === 2 || (parts.length === 4 && parts[2] === "history"))) {
    // A tool's page lists comparisons with other tools' figures too.
    return TOOL_SLUG.test(parts[1]!) ? [ALL_TOOLS] : null;
  }
  if (parts.length === 2 && parts[0] === "reviewers") return TOOL_SLUG.test(parts[1]!) ? [ALL_TOOLS] : null;
  return null;
}

/** Header a proxy-issued render carries, with this process's secret: it is rendered, never answered from the cache. */
export const FILL_HEADER = "x-page-cache-fill";

/** The cache key and tags when this request may be answered from the cache; null otherwise. */
export function cacheableRequest(request: { method: string; url: string; headers: Headers }): { key: string; tags: string[] } | null {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  const headers = request.headers;
  // Client navigations and prefetches ask for the RSC payload, not the HTML document.
  if (headers.has("rsc") || headers.has("next-router-prefetch") || headers.has("next-action") || headers.has(FILL_HEADER)) return null;
  if (hasSessionCookie(headers.get("cookie"))) return null;
  const url = new URL(request.url);
  if (url.searchParams.has("_rsc")) return null;
  const tags = pageCacheTags(url.pathname);
  if (!tags) return null;
  return { key: `${url.pathname}${url.search}`, tags };
}
