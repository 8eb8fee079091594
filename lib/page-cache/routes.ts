import { toolDirectoryParamsSchema } from "@/lib/tools/schema";
import { ALL_TOOLS, toolTag } from "./store";

/**
 * Which requests the page cache answers, and what each cached page depends on.
 * Public pages are the same HTML for every reader, signed in or not: what is
 * the reader's own (their votes, their account links) comes from GET /api/me
 * after the page loads (docs/decisions/022), so one cached copy serves everyone.
 */

const TOOL_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The query parameters a cacheable page reads: they are its cache key; any other parameter is dropped by a redirect. */
const DIRECTORY_PARAMS = Object.keys(toolDirectoryParamsSchema.shape);
// a and b from the pickers; tools (twice) from the directory's ticks without JavaScript, left to the app as a repeated parameter.
const COMPARE_PICKER_PARAMS = ["a", "b", "tools"];

/** What a cacheable path depends on: its tags, and the query parameters it reads. */
export type CacheRoute = { tags: string[]; params: readonly string[] };

/** The cache route of a path, or null when the path is never cached. */
export function pageCacheRoute(pathname: string): CacheRoute | null {
  if (pathname === "/tools") return { tags: [ALL_TOOLS], params: DIRECTORY_PARAMS };
  if (pathname === "/compare") return { tags: [ALL_TOOLS], params: COMPARE_PICKER_PARAMS };
  const tags = pageCacheTags(pathname);
  return tags && { tags, params: [] };
}

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
  if (parts[0] === "tools" && (parts.length === 2 || (parts.length === 3 && parts[2] === "alternatives") || (parts.length === 4 && parts[2] === "history"))) {
    // A tool's page lists comparisons with other tools' figures too; its alternatives are ranked from every listed tool.
    return TOOL_SLUG.test(parts[1]!) ? [ALL_TOOLS] : null;
  }
  if (parts.length === 2 && parts[0] === "reviewers") return TOOL_SLUG.test(parts[1]!) ? [ALL_TOOLS] : null;
  return null;
}

/** Header a proxy-issued render carries, with this process's secret: it is rendered, never answered from the cache. */
export const FILL_HEADER = "x-page-cache-fill";

export type CacheDecision =
  | { kind: "cache"; key: string; tags: string[] }
  /** The page reads none of some parameters: the same page lives at this address (without them). */
  | { kind: "redirect"; location: string };

/**
 * The cache key and tags when this request may be answered from the cache, a
 * redirect when it carries query parameters the page does not read (so
 * `/?bust=<random>` cannot make every request a render or fill the cache with
 * copies), or null when the cache leaves it to the app. The key is the path
 * and the parameters the page reads, in one order; a repeated one is left to the app.
 */
export function cacheableRequest(request: { method: string; url: string; headers: Headers }): CacheDecision | null {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  const headers = request.headers;
  // Client navigations and prefetches ask for the RSC payload, not the HTML document.
  if (headers.has("rsc") || headers.has("next-router-prefetch") || headers.has("next-router-state-tree") || headers.has("next-action") || headers.has(FILL_HEADER)) return null;
  const url = new URL(request.url);
  if (url.searchParams.has("_rsc")) return null;
  const route = pageCacheRoute(url.pathname);
  if (!route) return null;
  const names = [...url.searchParams.keys()];
  if (names.some((name) => !route.params.includes(name))) {
    const kept = new URLSearchParams([...url.searchParams].filter(([name]) => route.params.includes(name)));
    const query = kept.toString();
    return { kind: "redirect", location: `${url.pathname}${query ? `?${query}` : ""}` };
  }
  if (new Set(names).size !== names.length) return null;
  const query = route.params.filter((name) => url.searchParams.has(name)).map((name) => `${encodeURIComponent(name)}=${encodeURIComponent(url.searchParams.get(name)!)}`);
  return { kind: "cache", key: `${url.pathname}${query.length ? `?${query.join("&")}` : ""}`, tags: route.tags };
}
