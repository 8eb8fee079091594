import type { IncomingMessage, ServerResponse } from "node:http";
import { sessionTokenFromCookie } from "@/lib/auth/cookies";
import { getPool } from "@/lib/db/pool";
import { secureAnswer } from "@/lib/http/secure";
import { toDecisionJson, type Decision } from "@/lib/scores/decision";
import { MAX_FOLLOWS_PER_USER } from "@/lib/follows/schema";
import type { Viewer } from "./schema";

/**
 * GET /api/me — what public pages show that is the reader's own: their name,
 * whether they are staff, their votes (docs/decisions/022), the tools they follow (037). Every signed-in
 * page view asks it once, beside a cached page that is the same for everyone.
 *
 * A plain module (no "server-only" marker): the front gate (server.ts) answers
 * the request itself, as it answers cached pages (docs/decisions/026), and the
 * route handler (app/api/me/route.ts) answers it through Next when the gate
 * does not (`next dev` without the gate, or a failed read, whose error answer
 * is the route's).
 */

export const VIEWER_PATH = "/api/me";

/** Personal: never stored by a shared cache, and the answer depends on the cookie. */
export const VIEWER_HEADERS = { "Cache-Control": "private, no-store", Vary: "Cookie" } as const;

/**
 * The reader a session token names, and their votes as { slug: decision }, in
 * one SQL statement (docs/decisions/023). Signed out, or an expired or unknown
 * session: no user, no votes.
 */
export async function getViewer(sessionToken: string | null): Promise<Viewer> {
  if (!sessionToken) return { user: null, votes: {}, follows: [] };
  // Named: each pooled connection parses and plans it once (a prepared statement), not per request.
  const { rows } = await getPool().query<{ name: string | null; role: string; votes: Record<string, Decision>; follows: string[] }>({
    name: "viewer",
    text: `SELECT u."name", u."role"::text AS "role",
            coalesce((SELECT json_object_agg(t."slug", v."decision") FROM "Vote" v JOIN "Tool" t ON t."id" = v."toolId" WHERE v."userId" = u."id"), '{}') AS "votes",
            coalesce((SELECT array_agg(f."slug" ORDER BY f."slug") FROM (SELECT t."slug" FROM "Follow" fo JOIN "Tool" t ON t."id" = fo."toolId" WHERE fo."userId" = u."id" ORDER BY fo."createdAt" DESC LIMIT ${MAX_FOLLOWS_PER_USER}) f), '{}') AS "follows"
     FROM "Session" s JOIN "User" u ON u."id" = s."userId"
     WHERE s."sessionToken" = $1 AND s."expires" > (now() AT TIME ZONE 'UTC') AND u."email" IS NOT NULL`,
    values: [sessionToken],
  });
  const row = rows[0];
  if (!row) return { user: null, votes: {}, follows: [] };
  return {
    user: { name: row.name, staff: row.role === "STAFF" || row.role === "ADMIN" },
    votes: Object.fromEntries(Object.entries(row.votes).map(([slug, decision]) => [slug, toDecisionJson(decision)])),
    follows: row.follows,
  };
}

/** The answer's JSON: `{ data: { user, votes } }`, `user` null when signed out. */
export const viewerJson = (viewer: Viewer) => JSON.stringify({ data: viewer });

/**
 * The front gate's answer to GET or HEAD /api/me (any query), written on
 * Node's response: returns true when written, false when the app should
 * answer (another request, or the read failed: the route answers it again,
 * with its error shape).
 */
export async function answerViewer(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  const target = request.url ?? "";
  if (target !== VIEWER_PATH && !target.startsWith(`${VIEWER_PATH}?`)) return false;
  let body: string;
  try {
    body = viewerJson(await getViewer(sessionTokenFromCookie(request.headers.cookie ?? null)));
  } catch {
    return false;
  }
  secureAnswer(response, { hashes: [] });
  response.writeHead(200, { ...VIEWER_HEADERS, "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(body)) });
  response.end(request.method === "HEAD" ? undefined : body);
  return true;
}
