import { requireRequestUser } from "@/lib/auth/session";
import { ApiError, handle } from "@/lib/http/errors";
import { exportUserData } from "@/lib/users/queries";

/**
 * GET /api/account/export — everything the database holds about the caller,
 * as a JSON download (docs/decisions/019). Signed in only: 401 otherwise.
 */
export const GET = handle(async (request: Request) => {
  const user = await requireRequestUser(request);
  const data = await exportUserData(user.id);
  if (!data) throw new ApiError(401, "unauthenticated", "Sign in to do this.");
  return new Response(`${JSON.stringify(data, null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="account-data-${data.exportedAt.slice(0, 10)}.json"`,
      "Cache-Control": "no-store",
    },
  });
});
