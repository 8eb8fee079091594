import type { IncomingMessage, ServerResponse } from "node:http";
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";
import { hasSessionCookie } from "@/lib/auth/cookies";
import { env, selfOrigin } from "@/lib/env";
import { databaseBreaker } from "@/lib/health/breaker";
import { nodeHeaders } from "@/lib/http/front";
import { secureAnswer } from "@/lib/http/secure";
import { inlineScriptHashes, newNonce } from "@/lib/http/security-headers";
import { sameSecret } from "@/lib/http/secret";
import { traceHeaders } from "@/lib/observability/tracing";
import { cacheableRequest, FILL_HEADER, pageCacheRoute } from "./routes";
import { asMember, pageCache, type CacheAnswer, type CachedPage } from "./store";
import { log } from "@/lib/observability/log";

/**
 * The front gate's page-cache step (docs/decisions/014 and 024): a public
 * page comes from this node's cache, for every reader, written by the gate
 * itself before Next is involved. The cached copy is rendered signed out and
 * holds nothing personal (ADR 022): the same bytes for everyone, so its
 * scripts are allowed by their hashes rather than a per-response nonce, it is
 * compressed once rather than per answer, and a shared cache in front (nginx,
 * a CDN) may keep the signed-out copy for a second (SHARED_CACHE_SECONDS).
 *
 * A miss renders the page once through this same server (the "fill" request,
 * recognised by a per-process secret, rendered with a placeholder nonce that
 * no policy names) and keeps it.
 */

/** Per process: a render request carrying this secret is the cache's own. Never leaves the process. */
const fillSecret = newNonce();
/** The nonce the cache's renders are made with: it stays in the cached HTML's attributes, but no policy sent with a cached page names it, so it makes no script runnable. */
export const FILL_NONCE = newNonce().replace(/[+/=]/g, "");

/** Response headers a cached page keeps (content-encoding and length are the fetch's, not ours; cache-control is set per answer). */
const KEPT_HEADERS = new Set(["content-type", "location", "link", "x-robots-tag", "content-language"]);

const NEXT_VARY = "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch";

/** This request is the page cache's own render: it gets the fill nonce and goes straight to the app. */
export function isCacheFill(request: IncomingMessage): boolean {
  const value = request.headers[FILL_HEADER];
  return typeof value === "string" && sameSecret(value, fillSecret);
}

/** The request's URL path, before any query. */
const pathOf = (url: string | undefined) => {
  const target = url ?? "/";
  const query = target.indexOf("?");
  return query === -1 ? target : target.slice(0, query);
};

/**
 * Answers the request from the page cache and returns true, or returns false
 * when the cache does not answer it (the app does). Cheap for every other
 * request: a method and path check.
 */
export async function answerFromPageCache(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  if (!pageCacheRoute(pathOf(request.url))) return false;
  const cache = pageCache();
  if (!cache?.active) return false;
  const url = new URL(request.url ?? "/", "http://cache.invalid");
  const cacheable = cacheableRequest({ method: request.method, url: url.toString(), headers: nodeHeaders(request) });
  if (!cacheable) return false;
  if (cacheable.kind === "redirect") {
    secureAnswer(response, { hashes: [] });
    // Relative: the browser resolves it against the address it asked, whatever proxy sits in front.
    response.writeHead(308, { Location: cacheable.location, "Cache-Control": "public, max-age=3600" }).end();
    return true;
  }
  try {
    const { page, answer: how } = await cache.getOrFill(cacheable.key, () => renderForCache(request, cacheable.key, cacheable.tags));
    // A failed render may mean the database just went away: look now rather than at the next ping.
    if (page && page.status >= 500) databaseBreaker()?.check();
    if (!page) return false;
    write(request, response, page, how);
    return true;
  } catch (error) {
    log().error({ err: error }, "page cache: render failed, rendering directly");
    return false;
  }
}

/** Copies of each stored body made on demand: the member shell, and compressed copies of each. */
const variants = new WeakMap<CachedPage, Map<string, Buffer>>();

function variant(page: CachedPage, member: boolean, encoding: Encoding): Buffer {
  let made = variants.get(page);
  if (!made) variants.set(page, (made = new Map()));
  const key = `${member ? "member" : "guest"}:${encoding}`;
  let body = made.get(key);
  if (!body) {
    const plain = member ? asMember(page.body) : page.body;
    body =
      encoding === "br"
        ? brotliCompressSync(plain, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: plain.length } })
        : encoding === "gzip"
          ? gzipSync(plain, { level: 6 })
          : plain;
    made.set(key, body);
  }
  return body;
}

type Encoding = "br" | "gzip" | "identity";

/** The encoding to answer in: brotli, else gzip, when the client accepts it (q > 0). */
export function chooseEncoding(accept: string | undefined): Encoding {
  if (!accept) return "identity";
  const accepted = new Set<string>();
  for (const part of accept.toLowerCase().split(",")) {
    const [name = "", ...params] = part.trim().split(";");
    const q = params.map((param) => param.trim()).find((param) => param.startsWith("q="));
    if (q && !(Number(q.slice(2)) > 0)) continue;
    accepted.add(name.trim());
  }
  if (accepted.has("br")) return "br";
  if (accepted.has("gzip") || accepted.has("*")) return "gzip";
  return "identity";
}

function write(request: IncomingMessage, response: ServerResponse, page: CachedPage, how: CacheAnswer): void {
  // The shell's first-paint hint (components/site/viewer.tsx): this reader sent a session cookie.
  const member = hasSessionCookie(request.headers.cookie ?? null);
  const compressible = page.body.length > 1024 && page.status === 200;
  const encoding = compressible ? chooseEncoding(request.headers["accept-encoding"] as string | undefined) : "identity";
  const body = variant(page, member, encoding);
  secureAnswer(response, { hashes: page.scriptHashes });
  for (const [name, value] of page.headers) response.setHeader(name, value);
  response.setHeader("x-page-cache", how);
  // A shared cache may keep the signed-out copy briefly (it is the same for every signed-out reader);
  // a signed-in reader's copy (its member shell) stays between the reader and this server.
  response.setHeader(
    "Cache-Control",
    member || page.status !== 200 || env.SHARED_CACHE_SECONDS === 0
      ? "private, no-cache"
      : `public, max-age=0, s-maxage=${env.SHARED_CACHE_SECONDS}, stale-while-revalidate=${env.SHARED_CACHE_SECONDS}`,
  );
  // As the app's own answers vary (the same address answers an RSC request with its payload), and on what the gate reads.
  response.setHeader("Vary", `${NEXT_VARY}, ${compressible ? "Accept-Encoding, Cookie" : "Cookie"}`);
  if (encoding !== "identity") response.setHeader("Content-Encoding", encoding);
  response.setHeader("Content-Length", String(body.length));
  response.writeHead(page.status);
  response.end(request.method === "HEAD" ? undefined : body);
}

async function renderForCache(request: IncomingMessage, key: string, tags: string[]): Promise<CachedPage | null> {
  const origin = selfOrigin();
  if (!origin) return null;
  const response = await fetch(new URL(key, origin), {
    headers: {
      [FILL_HEADER]: fillSecret,
      accept: "text/html",
      // Uncompressed: it is read here, not sent on.
      "accept-encoding": "identity",
      "user-agent": (request.headers["user-agent"] as string | undefined) ?? "ship-or-skip-page-cache",
      // The render is part of the trace of the request that missed (none when tracing is off).
      ...traceHeaders(),
    },
    redirect: "manual",
    cache: "no-store",
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  const location = response.headers.get("location");
  const headers = [...response.headers].filter(([name]) => KEPT_HEADERS.has(name) && name !== "location");
  if (location !== null) {
    // Next makes a redirect absolute to the address it was asked at (this process's own): keep the path only.
    const target = new URL(location, origin);
    headers.push(["location", target.origin === origin ? `${target.pathname}${target.search}${target.hash}` : target.toString()]);
  }
  const okStatus = response.status === 200 || (response.status >= 301 && response.status <= 308 && location !== null);
  return {
    status: response.status,
    headers,
    body: Buffer.from(text),
    scriptHashes: inlineScriptHashes(text),
    tags,
    storedAt: Date.now(),
    cacheable: okStatus && !response.headers.has("set-cookie"),
  };
}
