import { handle } from "@/lib/http/errors";
import { renderMissingBadge, renderToolBadge } from "@/lib/sharing/badge";
import { getBadgeScores } from "@/lib/sharing/queries";

/** Read per request from the stored counters (the Cache-Control header lets embedders cache it briefly). */
export const dynamic = "force-dynamic";

const svgHeaders = (maxAge: number) => ({
  "Content-Type": "image/svg+xml; charset=utf-8",
  "Cache-Control": `public, max-age=${maxAge}`,
  // An SVG opened directly must not run anything, whatever it holds.
  "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
  "X-Content-Type-Options": "nosniff",
});

/**
 * GET /api/tools/:slug/badge.svg: the embeddable badge with the tool's panel
 * and community figures. An unknown or archived tool answers 404 with a
 * "tool not listed" badge, so an embed says why instead of showing a broken image.
 */
export const GET = handle(async (_request: Request, context: RouteContext<"/api/tools/[slug]/badge.svg">) => {
  const scores = await getBadgeScores((await context.params).slug);
  if (!scores) return new Response(renderMissingBadge(), { status: 404, headers: svgHeaders(60) });
  return new Response(renderToolBadge(scores), { headers: svgHeaders(300) });
});
