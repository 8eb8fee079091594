import type { IncomingMessage, ServerResponse } from "node:http";
import { randomBytes } from "node:crypto";
import { SESSION_COOKIES, sessionTokenFromCookie } from "@/lib/auth/cookies";
import { readCookie } from "@/lib/auth/csrf";
import { getPool } from "@/lib/db/pool";
import { secureAnswer } from "@/lib/http/secure";
import { toDecisionJson, type Decision } from "@/lib/scores/decision";
import { MAX_FOLLOWS_PER_USER } from "@/lib/follows/schema";
import type { Viewer } from "./schema";
import { ViewerCache, viewerCache } from "./viewer-cache";

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

/** A signed-in reader's answer and what the viewer cache keeps beside it. */
type ViewerRead = { viewer: Viewer; userId: string | null; sessionExpires: number };

const signedOut = (): ViewerRead => ({ viewer: { user: null, votes: {}, follows: [] }, userId: null, sessionExpires: 0 });

/**
 * The reader a session token names, and their votes as { slug: decision }, in
 * one SQL statement (docs/decisions/023). Signed out, or an expired or unknown
 * session: no user, no votes.
 */
export async function getViewer(sessionToken: string | null): Promise<Viewer> {
  return (await readViewer(sessionToken)).viewer;
}

async function readViewer(sessionToken: string | null): Promise<ViewerRead> {
  if (!sessionToken) return signedOut();
  // Named: each pooled connection parses and plans it once (a prepared statement), not per request.
  const { rows } = await getPool().query<{ userId: string; expiresMs: number; name: string | null; role: string; votes: Record<string, Decision>; follows: string[] }>({
    name: "viewer",
    text: `SELECT u."id" AS "userId", (extract(epoch FROM s."expires") * 1000)::float8 AS "expiresMs", u."name", u."role"::text AS "role",
            coalesce((SELECT json_object_agg(t."slug", v."decision") FROM "Vote" v JOIN "Tool" t ON t."id" = v."toolId" WHERE v."userId" = u."id"), '{}') AS "votes",
            coalesce((SELECT array_agg(f."slug" ORDER BY f."slug") FROM (SELECT t."slug" FROM "Follow" fo JOIN "Tool" t ON t."id" = fo."toolId" WHERE fo."userId" = u."id" ORDER BY fo."createdAt" DESC LIMIT ${MAX_FOLLOWS_PER_USER}) f), '{}') AS "follows"
     FROM "Session" s JOIN "User" u ON u."id" = s."userId"
     WHERE s."sessionToken" = $1 AND s."expires" > (now() AT TIME ZONE 'UTC') AND u."email" IS NOT NULL`,
    values: [sessionToken],
  });
  const row = rows[0];
  if (!row) return signedOut();
  return {
    viewer: {
      user: { name: row.name, staff: row.role === "STAFF" || row.role === "ADMIN" },
      votes: Object.fromEntries(Object.entries(row.votes).map(([slug, decision]) => [slug, toDecisionJson(decision)])),
      follows: row.follows,
    },
    userId: row.userId,
    sessionExpires: row.expiresMs,
  };
}

/** The answer's JSON: `{ data: { user, votes } }`, `user` null when signed out. */
export const viewerJson = (viewer: Viewer) => JSON.stringify({ data: viewer });

/**
 * A mark the front gate gives a signed-in browser on every write it sends (POST, PUT, PATCH, DELETE): a new
 * random value each time, part of the viewer cache's key, so the reader's next GET /api/me after their own
 * vote, follow or rename misses the cache on every node and reads what they just wrote, however late the
 * database's announcement reaches that node. HttpOnly, the session cookie's Secure-ness, and an hour's life:
 * far longer than a cached answer's (VIEWER_CACHE_TTL_SECONDS, at most an hour too).
 */
export const PERSONAL_WRITE_COOKIE = { secure: "__Host-sos.pw", plain: "sos.pw" } as const;
const PERSONAL_WRITE_MAX_AGE_SECONDS = 3600;
const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const MARK = /^[A-Za-z0-9_-]{1,32}$/;

/** The gate's step for every request: a write from a signed-in browser renews its personal-write mark. */
export function markPersonalWrite(request: IncomingMessage, response: ServerResponse): void {
  if (!WRITES.has(request.method ?? "")) return;
  const cookies = request.headers.cookie ?? null;
  if (!sessionTokenFromCookie(cookies)) return;
  const secure = readCookie(cookies, SESSION_COOKIES[0]) !== undefined;
  const name = secure ? PERSONAL_WRITE_COOKIE.secure : PERSONAL_WRITE_COOKIE.plain;
  const value = randomBytes(9).toString("base64url");
  response.appendHeader("Set-Cookie", `${name}=${value}; Path=/; Max-Age=${PERSONAL_WRITE_MAX_AGE_SECONDS}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`);
}

/** The browser's personal-write mark, when it has a well-formed one. */
function personalWriteMark(cookies: string | null): string | null {
  const mark = readCookie(cookies, PERSONAL_WRITE_COOKIE.secure) ?? readCookie(cookies, PERSONAL_WRITE_COOKIE.plain);
  return mark && MARK.test(mark) ? mark : null;
}

/**
 * The front gate's answer to GET or HEAD /api/me (any query), written on
 * Node's response: returns true when written, false when the app should
 * answer (another request, or the read failed: the route answers it again,
 * with its error shape). A signed-in reader's answer comes from the viewer
 * cache when it holds it (lib/users/viewer-cache.ts, docs/decisions/044).
 */
export async function answerViewer(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  const target = request.url ?? "";
  if (target !== VIEWER_PATH && !target.startsWith(`${VIEWER_PATH}?`)) return false;
  const cookies = request.headers.cookie ?? null;
  const token = sessionTokenFromCookie(cookies);
  const cache = token ? viewerCache() : null;
  const key = token && cache ? ViewerCache.key(token, personalWriteMark(cookies)) : null;
  let body = key ? cache!.get(key) : null;
  const answer = body === null ? "miss" : "hit";
  if (body === null) {
    try {
      const from = cache?.begin() ?? 0;
      const read = await readViewer(token);
      body = viewerJson(read.viewer);
      if (key && read.userId) cache!.set(key, { body, userId: read.userId, sessionExpires: read.sessionExpires }, from);
    } catch {
      return false;
    }
  }
  secureAnswer(response, { hashes: [] });
  response.writeHead(200, {
    ...VIEWER_HEADERS,
    "Content-Type": "application/json",
    "Content-Length": String(Buffer.byteLength(body)),
    // How a signed-in reader's answer came (as x-page-cache says of pages); none for a signed-out one.
    ...(key ? { "x-viewer-cache": answer } : {}),
  });
  response.end(request.method === "HEAD" ? undefined : body);
  return true;
}
