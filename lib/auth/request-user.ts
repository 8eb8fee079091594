import { getPool } from "@/lib/db/pool";
import type { Role } from "@/lib/generated/prisma/enums";
import { ApiError } from "@/lib/http/errors";
import { sessionTokenFromCookie } from "./cookies";

/**
 * The signed-in user of an API request, from its session cookie alone.
 *
 * A plain module (no "server-only" marker): route handlers reach it through
 * lib/auth/session.ts, and the front gate (server.ts) through the vote it
 * answers itself (lib/votes/gate.ts, docs/decisions/046).
 */

export type CurrentUser = { id: string; email: string; name: string | null; role: Role };

/** The session token a request's cookie names, when it has the shape Auth.js issues; anything else (control bytes, huge values) names no session. */
export function requestSessionToken(request: Request): string | null {
  return sessionTokenFromCookie(request.headers.get("cookie"));
}

/**
 * The signed-in user of a route-handler request: the Auth.js database session
 * named by the session cookie, read with its user on every request (so a
 * changed role applies at once). Never trusts anything else from the client.
 * One SQL statement on the shared pool: every API request that needs a reader
 * starts here, and Prisma's query engine cost more than the query itself
 * (docs/decisions/023).
 */
export async function getRequestUser(request: Request): Promise<CurrentUser | null> {
  const token = requestSessionToken(request);
  if (!token) return null;
  // Named: each pooled connection parses and plans it once (a prepared statement), not per request.
  const { rows } = await getPool().query<CurrentUser>({
    name: "request_user",
    text: `SELECT u."id", u."email", u."name", u."role"::text AS "role"
     FROM "Session" s JOIN "User" u ON u."id" = s."userId"
     WHERE s."sessionToken" = $1 AND s."expires" > (now() AT TIME ZONE 'UTC') AND u."email" IS NOT NULL`,
    values: [token],
  });
  return rows[0] ?? null;
}

export async function requireRequestUser(request: Request): Promise<CurrentUser> {
  const user = await getRequestUser(request);
  if (!user) throw new ApiError(401, "unauthenticated", "Sign in to do this.");
  return user;
}

/** For staff-only route handlers: 401 signed out, 403 for a reader (JSON, never a redirect). */
export async function requireRequestStaff(request: Request): Promise<CurrentUser> {
  const user = await requireRequestUser(request);
  if (user.role !== "STAFF" && user.role !== "ADMIN") throw new ApiError(403, "forbidden", "This is for staff only.");
  return user;
}
