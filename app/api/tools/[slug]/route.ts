import { NextResponse } from "next/server";
import { handle, notFound } from "@/lib/http/errors";
import { toToolDetailResponse } from "@/lib/tools/api";
import { getTool } from "@/lib/tools/queries";
import { toolSlugSchema } from "@/lib/tools/schema";

/** GET /api/tools/:slug */
export const GET = handle(async (_request: Request, context: RouteContext<"/api/tools/[slug]">) => {
  const { slug } = await context.params;
  const parsed = toolSlugSchema.safeParse(slug);
  const tool = parsed.success ? await getTool(parsed.data) : null;
  if (!tool) throw notFound(`Tool "${slug}"`);
  return NextResponse.json({ data: toToolDetailResponse(tool) });
});
