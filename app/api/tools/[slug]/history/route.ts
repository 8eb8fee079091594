import { NextResponse } from "next/server";
import { badRequest, handle, notFound } from "@/lib/http/errors";
import { getToolHistory } from "@/lib/trends/queries";
import { toolHistoryQuerySchema } from "@/lib/trends/schema";
import { toolSlugSchema } from "@/lib/tools/schema";

/**
 * GET /api/tools/:slug/history?days=1..366 (180 by default)
 * → { data: [{ day: "YYYY-MM-DD", panelShip, panelTotal, communityShip, communityTotal, sample }] }
 * One row per daily snapshot, oldest first; `sample` rows are the seed's sample history.
 */
export const GET = handle(async (request: Request, context: RouteContext<"/api/tools/[slug]/history">) => {
  const { slug } = await context.params;
  if (!toolSlugSchema.safeParse(slug).success) throw notFound(`Tool "${slug}"`);
  const query = toolHistoryQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw badRequest(query.error, "Invalid query parameters");
  const history = await getToolHistory(slug, { days: query.data.days });
  if (!history) throw notFound(`Tool "${slug}"`);
  return NextResponse.json({ data: history.days });
});
