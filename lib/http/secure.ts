import type { IncomingMessage, ServerResponse } from "node:http";
import { env } from "@/lib/env";
import { contentSecurityPolicy, newNonce, staticSecurityHeaders, type ScriptSource, type SecurityOptions } from "./security-headers";

/** The site's security options, from the environment. */
const security: SecurityOptions = {
  https: env.NODE_ENV === "production" && env.SITE_URL.startsWith("https:"),
  development: env.NODE_ENV === "development",
  formActions: env.AUTH_GITHUB_ID ? ["https://github.com"] : [],
};
const fixedHeaders = staticSecurityHeaders(security);

/** Sets the CSP for these scripts and every other security header on an answer the gate writes. */
export function secureAnswer(response: ServerResponse, scripts: ScriptSource): void {
  response.setHeader("Content-Security-Policy", contentSecurityPolicy(scripts, security));
  for (const [name, value] of fixedHeaders) response.setHeader(name, value);
}

/**
 * Paths whose handler sets its own Content-Security-Policy and renders no
 * page: the tool logos (an SVG is answered sandboxed, docs/decisions/033).
 * They get every other security header, and no nonce (nothing there runs).
 */
export const ownsItsPolicy = (url: string | undefined) => (url ?? "").startsWith("/logos/");

/** The security headers but the policy, for a handler that sets its own (the gate adds its script-free policy if it does not). */
export function secureAsset(response: ServerResponse): void {
  for (const [name, value] of fixedHeaders) response.setHeader(name, value);
}

/**
 * A request the app answers: the security headers go on its answer now, and
 * the request carries the same policy, from which Next reads the nonce it
 * puts on its own scripts (app-render reads the request's
 * Content-Security-Policy). `nonce` is a fresh one unless given (the page
 * cache's own renders get its placeholder).
 */
export function secureForApp(request: IncomingMessage, response: ServerResponse, nonce: string = newNonce()): void {
  const policy = contentSecurityPolicy({ nonce }, security);
  request.headers["content-security-policy"] = policy;
  response.setHeader("Content-Security-Policy", policy);
  for (const [name, value] of fixedHeaders) response.setHeader(name, value);
}
