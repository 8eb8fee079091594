import { NextResponse } from "next/server";
import { requireRequestUser } from "@/lib/auth/session";
import { ApiError, handle, notFound } from "@/lib/http/errors";
import { assertSameOrigin } from "@/lib/http/origin";
import { consume } from "@/lib/rate-limit";
import { reasonIdSchema } from "@/lib/reasons/schema";
import { OwnReasonError, ReasonNotFoundError, setHelpful } from "@/lib/reasons/writes";

/**
 * PUT /api/reasons/:id/helpful    — mark a reason helpful (once; not your own)
 * DELETE /api/reasons/:id/helpful — take the mark back
 * Both answer { data: { id, helpful, marked } }.
 */
function mark(helpful: boolean) {
  return handle(async (request: Request, context: RouteContext<"/api/reasons/[id]/helpful">) => {
    assertSameOrigin(request);
    const user = await requireRequestUser(request);
    const { id } = await context.params;
    if (!reasonIdSchema.safeParse(id).success) throw notFound("Reason");
    await consume("vote", user.id);
    try {
      const result = await setHelpful(user.id, id, helpful);
      return NextResponse.json({ data: { id, ...result } });
    } catch (error) {
      if (error instanceof ReasonNotFoundError) throw notFound("Reason");
      if (error instanceof OwnReasonError) throw new ApiError(403, "forbidden", error.message);
      throw error;
    }
  });
}

export const PUT = mark(true);
export const DELETE = mark(false);
