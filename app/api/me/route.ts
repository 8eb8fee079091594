import { requestSessionToken } from "@/lib/auth/session";
import { handle } from "@/lib/http/errors";
import { getViewer, VIEWER_HEADERS, viewerJson } from "@/lib/users/viewer";

/**
 * GET /api/me — the reader's own part of a public page: `{ data: { user, votes } }`,
 * `user` null when signed out. Public pages are the same cached HTML for
 * everyone (docs/decisions/022); each fetches this once as it loads, so the
 * page shows the reader's votes and account without a personal render.
 * The front gate answers it before Next (lib/users/viewer.ts, docs/decisions/026);
 * this route answers when the gate does not.
 */
export const GET = handle(async (request: Request) => {
  const body = viewerJson(await getViewer(requestSessionToken(request)));
  return new Response(body, { headers: { ...VIEWER_HEADERS, "Content-Type": "application/json" } });
});
