import { NextResponse } from "next/server";
import { requireRequestUser } from "@/lib/auth/session";
import { ApiError, handle } from "@/lib/http/errors";
import { readJsonBody } from "@/lib/http/json";
import { assertSameOrigin } from "@/lib/http/origin";
import { CONFIRM_MISMATCH_MESSAGE, confirmsAccount, deleteAccountBodySchema } from "@/lib/users/schema";
import { clearSessionCookies } from "@/lib/users/session-cookies";
import { deleteUser } from "@/lib/users/writes";

/**
 * DELETE /api/account  { "confirm": "<the account's email>", "keepNewsletter"?: boolean }
 * Deletes the caller's account (docs/decisions/019) and answers
 * { data: { deleted: true, votesWithdrawn, tools, newsletter } }, dropping the session cookie.
 */
export const DELETE = handle(async (request: Request) => {
  assertSameOrigin(request);
  const user = await requireRequestUser(request);
  const body = await readJsonBody(request, deleteAccountBodySchema, { what: "confirmation" });
  if (!confirmsAccount(body.confirm, user.email)) {
    throw new ApiError(400, "confirmation_mismatch", CONFIRM_MISMATCH_MESSAGE, [{ path: "confirm", message: CONFIRM_MISMATCH_MESSAGE }]);
  }
  const deleted = await deleteUser(user.id, { keepNewsletter: body.keepNewsletter ?? false });
  // Null: deleted by a concurrent request after this one signed in; its session is gone too.
  if (!deleted) throw new ApiError(401, "unauthenticated", "Sign in to do this.");
  const response = NextResponse.json(
    { data: { deleted: true, votesWithdrawn: deleted.votesWithdrawn, tools: deleted.tools, newsletter: deleted.newsletter } },
    { headers: { "Cache-Control": "no-store" } },
  );
  clearSessionCookies(response.cookies);
  return response;
});
