import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { contentSecurityPolicy, staticSecurityHeaders, type SecurityOptions } from "./security-headers";

/** The site's security options, from the environment. */
const security: SecurityOptions = {
  https: env.NODE_ENV === "production" && env.SITE_URL.startsWith("https:"),
  development: env.NODE_ENV === "development",
  formActions: env.AUTH_GITHUB_ID ? ["https://github.com"] : [],
};
const fixedHeaders = staticSecurityHeaders(security);

/** Sets the CSP with this response's nonce and every other security header. */
export function secure<R extends Response>(response: R, nonce: string): R {
  response.headers.set("Content-Security-Policy", contentSecurityPolicy(nonce, security));
  for (const [name, value] of fixedHeaders) response.headers.set(name, value);
  return response;
}

/**
 * Lets the request through to the app, telling Next the nonce (it puts it on
 * its own scripts; pages read it from `x-nonce`), with the security headers on
 * the answer.
 */
export function forward(request: NextRequest, nonce: string): NextResponse {
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", contentSecurityPolicy(nonce, security));
  headers.set("x-nonce", nonce);
  return secure(NextResponse.next({ request: { headers } }), nonce);
}
