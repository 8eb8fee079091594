import { site } from "@/lib/site/config";

/**
 * How the site answers a request it will not serve, in one place: the JSON
 * API gets the error shape `{ error: { code, message } }`, everything else a
 * small self-contained page (no script, no stylesheet to fetch, so it needs
 * no nonce and shows even when the app cannot render). Used by the front gate
 * (lib/http/gate.ts), the proxy's steps and the outage breaker.
 */

export type Refusal = {
  status: number;
  /** Machine-readable, for the JSON shape: `method_not_allowed`, `bad_request`… */
  code: string;
  /** One sentence for a person. */
  message: string;
  /** Extra response headers (Allow, Retry-After…). */
  headers?: Record<string, string>;
  /** The page tries again by itself after this many seconds (the outage page). */
  refreshSeconds?: number;
};

/** The words a page shows for each status: an eyebrow and a title; the refusal's message is the paragraph. */
const PAGE_TITLES: Record<number, string> = {
  400: "That request can't be read",
  403: "That request was refused",
  404: "Nothing here",
  405: "That can't be done here",
  408: "That took too long",
  411: "That request needs a length",
  413: "That's more than we accept",
  414: "That address is too long",
  415: "That kind of content isn't accepted here",
  429: "Slow down a moment",
  431: "Those headers are too large",
  500: "Something went wrong on our side",
  503: "We'll be right back",
};

const STATUS_TEXT: Record<number, string> = {
  400: "Bad request",
  403: "Forbidden",
  404: "Not found",
  405: "Method not allowed",
  408: "Request timeout",
  411: "Length required",
  413: "Content too large",
  414: "URI too long",
  415: "Unsupported media type",
  429: "Too many requests",
  431: "Request header fields too large",
  500: "Internal server error",
  503: "Temporarily unavailable",
};

/** Escapes text placed between tags (never inside an attribute). */
const escapeHtml = (text: string) => text.replace(/[&<>]/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[char]!);

/** Whether a path is answered in the API's JSON shape. */
export const isApiPath = (pathname: string) => pathname === "/api" || pathname.startsWith("/api/");

/**
 * A self-contained page in the site's colours, light and dark. `refreshSeconds`
 * makes it try again by itself (the outage page).
 */
export function refusalPage(options: { status: number; title?: string; message: string; refreshSeconds?: number; home?: boolean }): string {
  const { status, refreshSeconds, home = true } = options;
  const title = options.title ?? PAGE_TITLES[status] ?? STATUS_TEXT[status] ?? "That didn't work";
  const eyebrow = `${status} · ${STATUS_TEXT[status] ?? "Error"}`;
  const action = refreshSeconds ? `<p><a href="">Try again now</a></p>` : home ? `<p><a href="/">Go to the home page</a></p>` : "";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
${refreshSeconds ? `<meta http-equiv="refresh" content="${refreshSeconds}">\n` : ""}<title>${escapeHtml(title)} · ${escapeHtml(site.name)}</title>
<style>
  :root { color-scheme: light dark; --bg: #fafaf9; --fg: #1c1917; --muted: #57534e; --accent: #047857; --line: #e7e5e4; }
  @media (prefers-color-scheme: dark) { :root { --bg: #0c0a09; --fg: #fafaf9; --muted: #a8a29e; --accent: #34d399; --line: #292524; } }
  body { margin: 0; min-height: 100dvh; background: var(--bg); color: var(--fg); font: 16px/1.6 system-ui, -apple-system, "Segoe UI", sans-serif; }
  header { border-bottom: 1px solid var(--line); }
  header div { max-width: 40rem; margin: 0 auto; padding: 14px 24px; font-weight: 600; }
  header a { color: inherit; text-decoration: none; }
  .mark { display: inline-grid; place-items: center; width: 28px; height: 28px; margin-right: 10px; border-radius: 8px; background: #1c1917; color: #34d399; font-size: 13px; vertical-align: middle; }
  main { max-width: 40rem; margin: 0 auto; padding: 96px 24px; }
  p.eyebrow { color: var(--accent); font-size: 14px; font-weight: 600; margin: 0; }
  h1 { font-size: 36px; line-height: 1.15; letter-spacing: -0.02em; margin: 8px 0 16px; }
  p { color: var(--muted); font-size: 18px; }
  a { color: inherit; }
</style>
</head>
<body>
<header><div><a href="/"><span class="mark" aria-hidden="true">S</span>${escapeHtml(site.name)}</a></div></header>
<main id="main">
  <p class="eyebrow">${escapeHtml(eyebrow)}</p>
  <h1>${escapeHtml(title)}</h1>
  <p>${escapeHtml(options.message)}</p>
  ${action}
</main>
</body>
</html>`;
}

/** The body and content type of a refusal for this path: JSON under /api, the page elsewhere. */
export function refusalBody(pathname: string, refusal: Refusal): { contentType: string; body: string } {
  if (isApiPath(pathname)) {
    return { contentType: "application/json", body: JSON.stringify({ error: { code: refusal.code, message: refusal.message } }) };
  }
  return { contentType: "text/html; charset=utf-8", body: refusalPage({ status: refusal.status, message: refusal.message, refreshSeconds: refusal.refreshSeconds }) };
}

/** A refusal as a web Response (the proxy's steps). */
export function refusalResponse(pathname: string, refusal: Refusal): Response {
  const { contentType, body } = refusalBody(pathname, refusal);
  return new Response(body, { status: refusal.status, headers: { "Content-Type": contentType, "Cache-Control": "no-store", ...refusal.headers } });
}
