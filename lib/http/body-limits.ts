import { isApiPath } from "./refusal";

const KB = 1024;

/**
 * The most a request body may carry, by route, checked before anything reads
 * it. A body without a length (chunked) is read by the route handler with the
 * same cap (lib/http/json.ts); a page (a server action, a form) must say its length.
 */
export function bodyLimit(pathname: string): number {
  // A vote with its reason: 500 characters, each at most 6 bytes of JSON (\uXXXX), and the rest.
  if (/^\/api\/tools\/[^/]+\/vote$/.test(pathname) || /^\/api\/reasons\/[^/]+\/report$/.test(pathname)) return 4 * KB;
  if (pathname === "/api/newsletter" || pathname === "/api/newsletter/unsubscribe" || pathname === "/api/follows/unfollow") return 2 * KB;
  if (pathname.startsWith("/api/auth/")) return 8 * KB;
  if (isApiPath(pathname)) return 16 * KB;
  // A tool's admin page uploads its logo (at most 200 KB, docs/decisions/033): room for a file over the
  // limit to reach the action, which refuses it with a message on the form rather than this gate's 413 page.
  if (/^\/admin\/tools\/[^/]+$/.test(pathname)) return 1024 * KB;
  // Server actions and form posts: the longest form (a verdict's case, 10,000 characters) with room to spare.
  return 256 * KB;
}
