import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Auth.js's CSRF check, mirrored so that the sign-in limit is spent exactly
 * when Auth.js will go on to send the email (app/api/auth/[...nextauth]/route.ts)
 * — a forged token pair, which Auth.js refuses, spends nobody's limit, and a
 * post Auth.js accepts never gets past without spending it. Each step copies
 * @auth/core 0.41 (the version next-auth 5 beta.32 brings):
 *
 * - the cookie is `<token>|<hash>`, hash = hex SHA-256 of `${token}${secret}`
 *   (lib/actions/callback/oauth/csrf-token.js, createCSRFToken; createHash in
 *   lib/utils/web.js), and the post is verified when the hash matches and the
 *   body's `csrfToken` equals the token;
 * - the cookie is `__Host-authjs.csrf-token` when the URL Auth.js sees is
 *   https, else `authjs.csrf-token` (lib/utils/cookie.js, defaultCookies; the
 *   URL is the request's with AUTH_URL's origin: next-auth/lib/env.js, reqWithEnvURL);
 * - the Cookie header is read by its vendored parser: the first of two
 *   cookies of one name wins, values are percent-decoded (lib/vendored/cookie.js);
 * - the body is JSON or urlencoded by Content-Type, the last of a repeated
 *   field winning (Object.fromEntries), anything else no body (lib/utils/web.js, getBody);
 * - the secret is AUTH_SECRET, else NEXTAUTH_SECRET (next-auth/lib/env.js,
 *   setEnvDefaults), else AUTH_SECRET_1..3 joined as Auth.js's template string joins them.
 *
 * tests/integration/csrf.test.ts checks a cookie Auth.js itself issued verifies here.
 */

export type AuthBody = Record<string, unknown>;

/** The secret Auth.js signs with, read where and as Auth.js reads it (so the two can never disagree). */
export function authSecret(source: NodeJS.ProcessEnv = process.env): string | null {
  const single = source.AUTH_SECRET ?? source.NEXTAUTH_SECRET;
  if (single) return single;
  const rotated = [3, 2, 1].map((i) => source[`AUTH_SECRET_${i}`]).filter((value): value is string => Boolean(value));
  return rotated.length ? rotated.join(",") : null;
}

/** The URL Auth.js works with: the request's, on AUTH_URL's origin when that is set. */
export function authUrl(requestUrl: string, source: NodeJS.ProcessEnv = process.env): URL {
  const url = new URL(requestUrl);
  const configured = source.AUTH_URL ?? source.NEXTAUTH_URL;
  return configured ? new URL(url.href.replace(url.origin, new URL(configured).origin)) : url;
}

export function csrfCookieName(url: URL): string {
  return url.protocol === "https:" ? "__Host-authjs.csrf-token" : "authjs.csrf-token";
}

/** Hex SHA-256, as Auth.js's createHash. */
export function csrfHash(token: string, secret: string): string {
  return createHash("sha256").update(`${token}${secret}`).digest("hex");
}

/** A cookie value as Auth.js issues it (for tests, and to document the shape). */
export function csrfCookieValue(token: string, secret: string): string {
  return `${token}|${csrfHash(token, secret)}`;
}

/** One cookie from a Cookie header, parsed the way Auth.js's vendored `cookie.parse` does. */
export function readCookie(header: string | null, name: string): string | undefined {
  if (!header || header.length < 2) return undefined;
  let index = 0;
  while (index < header.length) {
    const eq = header.indexOf("=", index);
    if (eq === -1) return undefined;
    const semicolon = header.indexOf(";", index);
    const end = semicolon === -1 ? header.length : semicolon;
    if (eq > end) {
      index = header.lastIndexOf(";", eq - 1) + 1;
      continue;
    }
    if (trimTabsAndSpaces(header.slice(index, eq)) === name) {
      const raw = trimTabsAndSpaces(header.slice(eq + 1, end));
      if (!raw.includes("%")) return raw;
      try {
        return decodeURIComponent(raw);
      } catch {
        return raw;
      }
    }
    index = end + 1;
  }
  return undefined;
}

const trimTabsAndSpaces = (text: string) => text.replace(/^[ \t]+|[ \t]+$/g, "");

/** The body as Auth.js reads it: JSON or urlencoded by Content-Type; anything else (or unreadable) is none. */
export async function readAuthBody(request: Request): Promise<AuthBody | undefined> {
  if (request.method !== "POST" || !request.body) return undefined;
  const type = request.headers.get("content-type");
  try {
    if (type?.includes("application/json")) {
      const parsed: unknown = await request.json();
      return parsed !== null && typeof parsed === "object" ? (parsed as AuthBody) : undefined;
    }
    if (type?.includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(await request.text()));
  } catch {
    return undefined;
  }
  return undefined;
}

/**
 * True when Auth.js will find this post's CSRF token verified: the cookie it
 * reads carries a hash of its token made with the secret, and the body's
 * `csrfToken` is that token.
 */
export function csrfVerified(request: Request, body: AuthBody | undefined, source: NodeJS.ProcessEnv = process.env): boolean {
  const secret = authSecret(source);
  if (!secret) return false;
  const cookie = readCookie(request.headers.get("cookie"), csrfCookieName(authUrl(request.url, source)));
  if (!cookie) return false;
  const [token, hash] = cookie.split("|");
  if (token === undefined || hash === undefined || !sameText(hash, csrfHash(token, secret))) return false;
  return body?.csrfToken === token;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * True for a post to the email provider's sign-in, the one Auth.js action that
 * sends mail: the path after /api/auth split as Auth.js splits it
 * (parseActionAndProviderId: empty segments dropped), so `/signin//nodemailer/` counts too.
 */
export function isEmailSignIn(url: URL): boolean {
  const rest = /^\/api\/auth(.+)/.exec(url.pathname)?.[1];
  const parts = rest?.replace(/^\//, "").split("/").filter(Boolean) ?? [];
  return parts.length === 2 && parts[0] === "signin" && parts[1] === "nodemailer";
}
