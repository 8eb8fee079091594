import { NextResponse } from "next/server";
import { requireRequestUser } from "@/lib/auth/session";
import { ApiError, handle, notFound } from "@/lib/http/errors";
import { readJsonBody } from "@/lib/http/json";
import { assertSameOrigin } from "@/lib/http/origin";
import { consume } from "@/lib/rate-limit";
import { reasonIdSchema, reportBodySchema } from "@/lib/reasons/schema";
import { AlreadyReportedError, OwnReasonError, ReasonNotFoundError, reportReason } from "@/lib/reasons/writes";

/**
 * POST /api/reasons/:id/report  { "category": "spam" | "abuse" | "off-topic" | "other", "note"?: string }
 * Once per reader and reason, not your own: 201 { data: { id, reported: true } }; 409 when already reported.
 */
export const POST = handle(async (request: Request, context: RouteContext<"/api/reasons/[id]/report">) => {
  assertSameOrigin(request);
  const user = await requireRequestUser(request);
  const { id } = await context.params;
  if (!reasonIdSchema.safeParse(id).success) throw notFound("Reason");
  const body = await readJsonBody(request, reportBodySchema, { what: "report", message: () => "Invalid report" });
  await consume("report", user.id);
  try {
    await reportReason(user.id, id, body);
  } catch (error) {
    if (error instanceof ReasonNotFoundError) throw notFound("Reason");
    if (error instanceof OwnReasonError) throw new ApiError(403, "forbidden", error.message);
    if (error instanceof AlreadyReportedError) throw new ApiError(409, "conflict", error.message);
    throw error;
  }
  return NextResponse.json({ data: { id, reported: true } }, { status: 201 });
});
