import { NextResponse } from "next/server";
import { badRequest, handle, notFound } from "@/lib/http/errors";
import { getReasonsTool, listReasons } from "@/lib/reasons/queries";
import { reasonListQuerySchema } from "@/lib/reasons/schema";
import { toolSlugSchema } from "@/lib/tools/schema";

/**
 * GET /api/tools/:slug/reasons?decision=ship|skip&sort=helpful|newest&cursor=
 * → { data: [{ id, decision, text, helpful, createdAt, author: { name } }], nextCursor }
 * Most helpful first by default (the Wilson lower bound of helpful marks, newest breaking ties).
 */
export const GET = handle(async (request: Request, context: RouteContext<"/api/tools/[slug]/reasons">) => {
  const { slug } = await context.params;
  if (!toolSlugSchema.safeParse(slug).success) throw notFound(`Tool "${slug}"`);
  const query = reasonListQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw badRequest(query.error, "Invalid query parameters");
  const tool = await getReasonsTool(slug);
  if (!tool) throw notFound(`Tool "${slug}"`);
  return NextResponse.json(await listReasons(tool.id, query.data));
});
