import { databaseBreaker } from "@/lib/health/breaker";
import { site } from "@/lib/site/config";

/** Seconds a client should wait before retrying while the database is away. */
export const OUTAGE_RETRY_AFTER_SECONDS = 5;

/** The JSON API's answer while the database is away: the standard error shape. */
export function outageJson(): Response {
  return Response.json(
    { error: { code: "unavailable", message: "The service is briefly unavailable. Try again in a few seconds." } },
    { status: 503, headers: { "Retry-After": String(OUTAGE_RETRY_AFTER_SECONDS), "Cache-Control": "no-store" } },
  );
}

/**
 * The page a reader gets while the database is away: self-contained (no
 * script, no stylesheet to fetch), refreshing itself after the retry delay.
 */
export function outagePage(): Response {
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="${OUTAGE_RETRY_AFTER_SECONDS * 2}">
<title>Back in a moment · ${site.name}</title>
<style>
  :root { color-scheme: light dark; --bg: #fafaf9; --fg: #1c1917; --muted: #57534e; --accent: #047857; --line: #e7e5e4; }
  @media (prefers-color-scheme: dark) { :root { --bg: #0c0a09; --fg: #fafaf9; --muted: #a8a29e; --accent: #34d399; --line: #292524; } }
  body { margin: 0; min-height: 100dvh; background: var(--bg); color: var(--fg); font: 16px/1.6 system-ui, -apple-system, "Segoe UI", sans-serif; }
  header { border-bottom: 1px solid var(--line); }
  header div { max-width: 40rem; margin: 0 auto; padding: 14px 24px; font-weight: 600; }
  .mark { display: inline-grid; place-items: center; width: 28px; height: 28px; margin-right: 10px; border-radius: 8px; background: #1c1917; color: #34d399; font-size: 13px; vertical-align: middle; }
  main { max-width: 40rem; margin: 0 auto; padding: 96px 24px; }
  p.eyebrow { color: var(--accent); font-size: 14px; font-weight: 600; margin: 0; }
  h1 { font-size: 36px; line-height: 1.15; letter-spacing: -0.02em; margin: 8px 0 16px; }
  p { color: var(--muted); font-size: 18px; }
  a { color: inherit; }
</style>
</head>
<body>
<header><div><span class="mark" aria-hidden="true">S</span>${site.name}</div></header>
<main id="main">
  <p class="eyebrow">503 · Temporarily unavailable</p>
  <h1>We'll be right back</h1>
  <p>Our database is briefly out of reach, so we can't show current verdicts and votes. Nothing you saved is lost. This page tries again by itself in a few seconds.</p>
  <p><a href="">Try again now</a></p>
</main>
</body>
</html>`;
  return new Response(html, {
    status: 503,
    headers: { "Content-Type": "text/html; charset=utf-8", "Retry-After": String(OUTAGE_RETRY_AFTER_SECONDS), "Cache-Control": "no-store" },
  });
}

/** Health checks answer for themselves (readiness reports the outage); everything else waits it out. */
const answersDuringOutage = (pathname: string) => pathname === "/api/health" || pathname.startsWith("/api/health/");

/** The proxy's step: while the database does not answer, 503 with Retry-After (the API's JSON, or the friendly page). */
export function outageAnswer(request: Request & { nextUrl: URL }): Response | null {
  const breaker = databaseBreaker();
  if (!breaker || breaker.databaseUp || answersDuringOutage(request.nextUrl.pathname)) return null;
  return request.nextUrl.pathname.startsWith("/api/") ? outageJson() : outagePage();
}
