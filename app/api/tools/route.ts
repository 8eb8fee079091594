import { NextResponse } from "next/server";
import { badRequest, handle } from "@/lib/http/errors";
import { toToolSummaryResponse } from "@/lib/tools/api";
import { listTools } from "@/lib/tools/queries";
import { toolListQuerySchema } from "@/lib/tools/schema";

/** GET /api/tools?page=1&pageSize=20&category=developer-tools */
export const GET = handle(async (request: Request) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const query = toolListQuerySchema.safeParse(params);
  if (!query.success) throw badRequest(query.error, "Invalid query parameters");
  const result = await listTools(query.data);
  return NextResponse.json({
    data: result.tools.map(toToolSummaryResponse),
    page: result.page,
    pageSize: result.pageSize,
    total: result.total,
    totalPages: result.totalPages,
  });
});
