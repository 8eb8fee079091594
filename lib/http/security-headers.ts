/**
 * Response security headers, set by the proxy on every response it handles.
 * Scripts run only with this response's nonce ('strict-dynamic' lets Next's
 * own chunk loader add the scripts it needs); no inline script without it.
 */

export type SecurityOptions = {
  /** The site is served over HTTPS: add HSTS and upgrade-insecure-requests. */
  https: boolean;
  /** `next dev` needs eval for React's debugging stacks. */
  development: boolean;
  /** Extra form-action targets (an OAuth provider the sign-in form posts through to). */
  formActions?: readonly string[];
};

export function contentSecurityPolicy(nonce: string, options: SecurityOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    // React sets style attributes (bar widths); styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self'${options.formActions?.length ? ` ${options.formActions.join(" ")}` : ""}`,
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** Headers every response gets, the policy aside. */
export function staticSecurityHeaders(options: Pick<SecurityOptions, "https">): [string, string][] {
  return [
    ["X-Content-Type-Options", "nosniff"],
    ["Referrer-Policy", "strict-origin-when-cross-origin"],
    ["Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()"],
    ["X-Frame-Options", "DENY"],
    ["Cross-Origin-Opener-Policy", "same-origin"],
    ...(options.https ? ([["Strict-Transport-Security", "max-age=63072000; includeSubDomains"]] as [string, string][]) : []),
  ];
}

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
