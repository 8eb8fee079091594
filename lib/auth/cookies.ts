import { readCookie } from "./csrf";

/** Auth.js session cookie names (secure-prefixed over HTTPS). Importable from the proxy: no server-only code. */
export const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

/** Whether a Cookie header carries a session cookie (chunked `.0`, `.1` parts included). */
export function hasSessionCookie(cookieHeader: string | null): boolean {
  if (!cookieHeader) return false;
  return cookieHeader.split(";").some((part) => {
    const name = part.slice(0, part.indexOf("=") === -1 ? undefined : part.indexOf("=")).trim();
    return SESSION_COOKIES.some((cookie) => name === cookie || name.startsWith(`${cookie}.`));
  });
}

/** The session cookie's value (the first part of a chunked one), or null. */
export function sessionCookieValue(cookieHeader: string | null): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const index = part.indexOf("=");
    if (index === -1) continue;
    const name = part.slice(0, index).trim();
    if (SESSION_COOKIES.some((cookie) => name === cookie || name === `${cookie}.0`)) return part.slice(index + 1).trim() || null;
  }
  return null;
}

/** The session token a Cookie header names, when it has the shape Auth.js issues; anything else (control bytes, huge values) names no session. */
export function sessionTokenFromCookie(cookieHeader: string | null): string | null {
  const token = SESSION_COOKIES.map((name) => readCookie(cookieHeader, name)).find(Boolean);
  return token && /^[A-Za-z0-9._~-]{16,512}$/.test(token) ? token : null;
}
