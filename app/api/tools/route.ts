import { NextResponse } from "next/server";
import { badRequest, handle } from "@/lib/http/errors";
import { toToolSummaryResponse } from "@/lib/tools/api";
import { searchTools } from "@/lib/tools/directory";
import { toolListQuerySchema } from "@/lib/tools/schema";

/**
 * GET /api/tools?q=&category=&pricing=&sort=&page=1&pageSize=20 — the directory's
 * filters. Without `sort`, results are by relevance when searching, else by name.
 */
export const GET = handle(async (request: Request) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const query = toolListQuerySchema.safeParse(params);
  if (!query.success) throw badRequest(query.error, "Invalid query parameters");
  const result = await searchTools({ ...query.data, sort: query.data.sort ?? (query.data.q ? "relevance" : "name") });
  return NextResponse.json({
    data: result.tools.map(toToolSummaryResponse),
    page: result.page,
    pageSize: result.pageSize,
    total: result.total,
    totalPages: result.totalPages,
    sort: result.sort,
  });
});
