import { requestSessionToken } from "@/lib/auth/session";
import { handle } from "@/lib/http/errors";
import type { Viewer } from "@/lib/users/schema";
import { getViewer } from "@/lib/users/queries";

const PRIVATE = { "Cache-Control": "private, no-store", Vary: "Cookie" };

/**
 * GET /api/me — the reader's own part of a public page: `{ data: { user, votes } }`,
 * `user` null when signed out. Public pages are the same cached HTML for
 * everyone (docs/decisions/022); each fetches this once as it loads, so the
 * page shows the reader's votes and account without a personal render.
 */
export const GET = handle(async (request: Request) => {
  const data: Viewer = await getViewer(requestSessionToken(request));
  return Response.json({ data }, { headers: PRIVATE });
});
