import { createHash } from "node:crypto";
/**
 * Response security headers, set by the front gate (server.ts) on every
 * answer. Inline scripts run only with this response's nonce or, on a page
 * from the page cache, by the hash of each script the page holds.
 */

export type SecurityOptions = {
  /** The site is served over HTTPS: add HSTS and upgrade-insecure-requests. */
  https: boolean;
  /** `next dev` needs eval for React's debugging stacks. */
  development: boolean;
  /** Extra form-action targets (an OAuth provider the sign-in form posts through to). */
  formActions?: readonly string[];
};

/**
 * Which inline scripts a page may run: this response's nonce (a page rendered
 * for this request; 'strict-dynamic' lets Next's chunk loader add what it
 * needs), or the hashes of a cached page's own inline scripts (the same bytes
 * for every reader, so a shared cache may keep the page with its header:
 * docs/decisions/024-cached-pages-from-the-gate-with-hashed-scripts.md).
 */
export type ScriptSource = { nonce: string } | { hashes: readonly string[] };

export function contentSecurityPolicy(scripts: string | ScriptSource, options: SecurityOptions): string {
  const source = typeof scripts === "string" ? { nonce: scripts } : scripts;
  const scriptSrc =
    "nonce" in source
      ? `'self' 'nonce-${source.nonce}' 'strict-dynamic'`
      : // No 'strict-dynamic' here: it would ignore 'self', and Next's <script src> tags carry no nonce to trust them by.
        ["'self'", ...source.hashes.map((hash) => `'sha256-${hash}'`)].join(" ");
  const directives = [
    "default-src 'self'",
    `script-src ${scriptSrc}${options.development ? " 'unsafe-eval'" : ""}`,
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

/** An executable inline script: a <script> without src whose type is JavaScript (data blocks such as JSON-LD never run). */
const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
const JS_TYPE = /^(?:|text\/javascript|application\/javascript|module)$/i;

/**
 * The SHA-256 (base64) of every executable inline script of an HTML page, as a
 * browser hashes it for a CSP hash source: the UTF-8 bytes between the tags.
 * React escapes "</script" inside a script, so the first closing tag ends it.
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attributes = "", body = ""] of html.matchAll(INLINE_SCRIPT)) {
    if (/\ssrc\s*=/i.test(attributes)) continue;
    const type = /\stype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attributes);
    if (type && !JS_TYPE.test((type[1] ?? type[2] ?? type[3] ?? "").trim())) continue;
    hashes.add(createHash("sha256").update(body, "utf8").digest("base64"));
  }
  return [...hashes];
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
