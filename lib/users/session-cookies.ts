import { SESSION_COOKIES } from "@/lib/auth/cookies";

/** What both `cookies()` (a server action) and `NextResponse#cookies` (a route handler) can do. */
type CookieWriter = {
  set(name: string, value: string, options: { path: string; maxAge: number; expires: Date; httpOnly: boolean; sameSite: "lax"; secure: boolean }): unknown;
};

/**
 * Tells the browser to drop its Auth.js session cookie (both names: plain,
 * and `__Secure-` over HTTPS, which a browser only accepts with `Secure`).
 * After an account is deleted its sessions are already gone from the
 * database; this stops the browser sending a token that names nobody.
 */
export function clearSessionCookies(jar: CookieWriter): void {
  for (const name of SESSION_COOKIES) {
    jar.set(name, "", { path: "/", maxAge: 0, expires: new Date(0), httpOnly: true, sameSite: "lax", secure: name.startsWith("__Secure-") });
  }
}
