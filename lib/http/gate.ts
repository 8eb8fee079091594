import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { bodyLimit } from "./body-limits";
import { logRefusal } from "./log";
import { isApiPath, refusalBody, type Refusal } from "./refusal";
import { staticSecurityHeaders } from "./security-headers";

/**
 * The front gate: the app's own HTTP server (server.ts) runs every request
 * through this before Next.js sees it. It refuses, in the site's error shape
 * and with the security headers, the requests Next itself would answer with a
 * bare 500 or mishandle — methods it does not support (TRACE throws inside
 * Next), request targets that are not a path (`OPTIONS *`), paths that do not
 * decode (`/compare/%ff`), bodies above a route's cap or without a length —
 * and drops forwarded headers nobody vouches for. Everything it lets through
 * goes on to Next unchanged; `shapeErrors` then gives Next's own bare error
 * answers (a 405 with no body, a text/plain 400) the site's shape.
 * See docs/decisions/020-a-front-gate-before-next.md.
 */

export type GateOptions = {
  /** Forwarded headers come from a proxy the operator runs (TRUST_PROXY). */
  trustProxy: boolean;
  /** HSTS on answers (production over https). */
  https: boolean;
};

const KB = 1024;
/** A refused request's body up to this size is read and dropped rather than cut off. */
const DRAIN_LIMIT = 1024 * KB;
/** The longest request target accepted (path and query). */
export const MAX_URL_LENGTH = 8 * KB;

/** Methods anything here answers; TRACE, CONNECT and the rest are refused at the door. */
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
/** Pages answer reads, and POST for server actions and forms. */
const PAGE_METHODS = ["GET", "HEAD", "POST", "OPTIONS"];

/** Forwarded headers only a proxy the operator runs may set; without TRUST_PROXY, Next fills them from the socket. */
const FORWARDED_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "forwarded"];

/** The request target each connection is in, for a parse error that comes after its head (a broken chunked body). */
const lastTarget = new WeakMap<Duplex, string>();
export function rememberTarget(request: IncomingMessage): void {
  if (request.socket) lastTarget.set(request.socket, request.url ?? "-");
}

/** Why a request may not go on, or null when it may. */
export function inspect(request: Pick<IncomingMessage, "method" | "url" | "headers">): Refusal | null {
  const method = request.method ?? "";
  const target = request.url ?? "";
  if (!METHODS.has(method)) {
    return { status: 405, code: "method_not_allowed", message: `${method.slice(0, 20) || "This method"} is not supported here.`, headers: { Allow: [...METHODS].join(", ") } };
  }
  if (target === "*") {
    // `OPTIONS *` asks what the server supports (RFC 9110 §9.3.7): nothing to refuse, nothing for the app to do.
    return method === "OPTIONS"
      ? { status: 204, code: "options", message: "", headers: { Allow: [...METHODS].join(", ") } }
      : { status: 400, code: "bad_request", message: "The request target must be a path." };
  }
  if (!target.startsWith("/") || target.startsWith("//")) return { status: 400, code: "bad_request", message: "The request target must be a path on this site." };
  if (target.length > MAX_URL_LENGTH) return { status: 414, code: "uri_too_long", message: `Addresses here are at most ${MAX_URL_LENGTH} characters long.` };
  const queryAt = target.indexOf("?");
  const rawPath = queryAt === -1 ? target : target.slice(0, queryAt);
  let pathname = rawPath;
  if (rawPath.includes("%")) {
    try {
      pathname = decodeURIComponent(rawPath);
    } catch {
      return { status: 400, code: "bad_request", message: "Part of this address is not valid percent-encoding." };
    }
  }
  if (/[\u0000-\u001f\u007f]/.test(pathname)) return { status: 400, code: "bad_request", message: "This address holds control characters." };
  // Browsers resolve dot segments before they send a path; a path that still holds one is a script probing for files.
  if (/(^|\/)\.\.?(\/|$)/.test(pathname)) return { status: 400, code: "bad_request", message: "This address holds a `.` or `..` segment." };
  if (!isApiPath(rawPath) && !rawPath.startsWith("/_next/") && !PAGE_METHODS.includes(method)) {
    return { status: 405, code: "method_not_allowed", message: `Pages answer ${PAGE_METHODS.join(", ")}.`, headers: { Allow: PAGE_METHODS.join(", ") } };
  }
  if (!isApiPath(rawPath) && !rawPath.startsWith("/_next/") && method === "OPTIONS") {
    return { status: 204, code: "options", message: "", headers: { Allow: PAGE_METHODS.join(", ") } };
  }
  const stateTree = request.headers["next-router-state-tree"];
  if (stateTree !== undefined && !readableStateTree(String(stateTree))) return { status: 400, code: "bad_request", message: "The router state header cannot be read." };
  const length = request.headers["content-length"];
  const chunked = /\bchunked\b/i.test(String(request.headers["transfer-encoding"] ?? ""));
  if (length !== undefined || chunked) {
    const limit = bodyLimit(rawPath);
    if (length !== undefined && Number(length) > limit) {
      return { status: 413, code: "payload_too_large", message: `This request's body may be at most ${Math.round(limit / KB)} KB.` };
    }
    if (chunked && !isApiPath(rawPath)) return { status: 411, code: "length_required", message: "Send this request with a Content-Length." };
  }
  return null;
}

/** Next's client router sends its state as URL-encoded JSON (an array); Next answers 500 to anything else. */
function readableStateTree(value: string): boolean {
  if (value.length > 16 * KB) return false;
  try {
    return Array.isArray(JSON.parse(decodeURIComponent(value)));
  } catch {
    return false;
  }
}

/** Removes the forwarded headers a client could forge, unless a proxy the operator runs sets them. */
export function dropUntrustedForwarding(headers: IncomingMessage["headers"], options: GateOptions): void {
  if (options.trustProxy) return;
  for (const name of FORWARDED_HEADERS) delete headers[name];
}

/** The headers every answer of the gate carries: a policy that allows no script (these pages have none). */
function gateHeaders(options: GateOptions): Record<string, string> {
  return {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    ...Object.fromEntries(staticSecurityHeaders({ https: options.https })),
  };
}

const pathOf = (url: string | undefined) => (url ?? "").split("?")[0] ?? "";

/**
 * How long, and how many bytes, a closing connection keeps reading a body nobody read (see
 * lingerAfterAnswer): nginx's lingering_time (30 s in all) and lingering_timeout (5 s without a byte).
 */
export const LINGER_MS = 30_000;
export const LINGER_IDLE_MS = 5_000;
export const LINGER_LIMIT = 8 * 1024 * KB;

/**
 * A lingering close, as nginx and Apache do: when an answer ends the connection (the client said
 * `Connection: close`, or the answer did) while the client is still sending a body nobody read — a
 * 404 or 405 from Next, a refusal after "100 Continue" — Node closes the socket with those bytes
 * unread, the kernel answers them with a reset, and a client that had not yet read the answer loses
 * it (EPIPE). Here the socket stays open, reading and dropping the rest of the body, until the body
 * ends, LINGER_LIMIT bytes have come, LINGER_IDLE_MS pass without a byte or LINGER_MS in all; then it
 * closes. The idle bound, not a short total, is what matters on a loaded machine: a client that is
 * still sending, however slowly, is still owed its answer (a 2 s total lost answers under CI's load).
 * A kept-alive connection needs none of this: Node reads and drops the rest itself.
 */
export function lingerAfterAnswer(request: IncomingMessage, response: ServerResponse): void {
  // Taken now: by the time the answer has finished, Node may have let go of it (request.socket is null).
  const socket = request.socket as IncomingMessage["socket"] | null;
  response.once("finish", () => {
    // Node has just ended the socket's writing side (destroySoon) if this answer closes the connection.
    if (request.complete || !socket || socket.destroyed || !socket.writableEnded) return;
    // destroySoon would destroy the socket as soon as the answer is flushed: close it after the linger instead.
    socket.removeListener("finish", socket.destroy);
    let read = 0;
    const close = () => {
      clearTimeout(total);
      clearTimeout(idle);
      socket.destroy();
    };
    const total = setTimeout(close, LINGER_MS);
    let idle = setTimeout(close, LINGER_IDLE_MS);
    request.on("data", (chunk: Buffer) => {
      read += chunk.length;
      if (read > LINGER_LIMIT) return close();
      clearTimeout(idle);
      idle = setTimeout(close, LINGER_IDLE_MS);
    });
    request.once("end", close);
    request.once("error", close);
    request.resume();
  });
}

/** Answers a refused request and logs one line for it. */
export function refuse(request: IncomingMessage, response: ServerResponse, refusal: Refusal, options: GateOptions): void {
  const pathname = pathOf(request.url);
  if (refusal.status >= 400) logRefusal({ method: request.method, path: request.url, status: refusal.status, reason: refusal.code, requestId: request.headers["x-request-id"] });
  const headers: Record<string, string> = { ...gateHeaders(options), "Cache-Control": "no-store", ...refusal.headers };
  // A body we will not read: a small one is read and dropped so the connection stays usable (and the client,
  // still sending, gets this answer rather than a reset); a large or endless one ends the connection.
  const declared = Number(request.headers["content-length"] ?? 0);
  if (request.headers["transfer-encoding"] || declared > DRAIN_LIMIT) headers.Connection = "close";
  else if (declared > 0) request.resume();
  if (refusal.status === 204) {
    response.writeHead(204, headers).end();
    return;
  }
  const { contentType, body } = refusalBody(pathname, refusal);
  response.writeHead(refusal.status, { ...headers, "Content-Type": contentType, "Content-Length": String(Buffer.byteLength(body)) });
  response.end(request.method === "HEAD" ? undefined : body);
}

/**
 * Next's own error answers in the site's shape: when Next answers 400 or more
 * with no body type of ours (its 405 with an empty body, its text/plain 400
 * "Invalid Server Action request.", a bare "Internal Server Error"), the
 * answer becomes the JSON error shape under /api and the friendly page
 * elsewhere. Every answer gets the security headers if nothing set them.
 * The decision is taken once, when the head goes out (explicitly through
 * writeHead, or implicitly at the first write or end).
 */
export function shapeErrors(request: IncomingMessage, response: ServerResponse, options: GateOptions): void {
  const pathname = pathOf(request.url);
  const method = request.method;
  const { writeHead, write, end } = response;
  let decided = false;
  let replacement: string | null = null;

  const decide = (status: number, headers: Record<string, unknown> | undefined) => {
    decided = true;
    if (!response.hasHeader("content-security-policy") && !hasHeader(headers, "content-security-policy")) {
      for (const [name, value] of Object.entries(gateHeaders(options))) response.setHeader(name, value);
    }
    const type = String(headerValue(headers, "content-type") ?? response.getHeader("content-type") ?? "").toLowerCase();
    if (status < 400 || !needsShape(pathname, type)) return false;
    for (const [name, value] of Object.entries(headers ?? {})) if (value !== undefined) response.setHeader(name, value as string);
    const known = MESSAGES[status] ?? (status >= 500 ? { code: "internal_error", message: "Something went wrong on our side. Try again shortly." } : { code: "error", message: "This request could not be answered." });
    const { contentType, body } = refusalBody(pathname, { status, ...known });
    response.removeHeader("transfer-encoding");
    // Next's compression may have claimed the body; ours goes out as it is.
    response.removeHeader("content-encoding");
    response.setHeader("Content-Type", contentType);
    response.setHeader("Content-Length", String(Buffer.byteLength(body)));
    response.setHeader("Cache-Control", "no-store");
    replacement = body;
    logRefusal({ method, path: request.url, status, reason: status >= 500 ? "server_error" : known.code, requestId: request.headers["x-request-id"] });
    return true;
  };

  response.writeHead = function shapedWriteHead(this: ServerResponse, status: number, ...rest: unknown[]) {
    if (!decided) {
      const headers = rest.find((arg): arg is Record<string, unknown> => typeof arg === "object" && arg !== null && !Array.isArray(arg));
      // Replaced: the status alone; the headers given here are already applied, with ours over them.
      if (decide(status, headers)) return writeHead.call(this, status);
    }
    return (writeHead as (...args: unknown[]) => ServerResponse).call(this, status, ...rest);
  } as ServerResponse["writeHead"];
  response.write = function shapedWrite(this: ServerResponse, ...args: unknown[]) {
    if (!decided && !this.headersSent) decide(this.statusCode, undefined);
    if (replacement !== null) return true;
    return (write as (...args: unknown[]) => boolean).apply(this, args);
  } as ServerResponse["write"];
  response.end = function shapedEnd(this: ServerResponse, ...args: unknown[]) {
    if (!decided && !this.headersSent) decide(this.statusCode, undefined);
    if (replacement === null) return (end as (...args: unknown[]) => ServerResponse).apply(this, args);
    const callback = args.find((arg): arg is () => void => typeof arg === "function");
    return end.call(this, method === "HEAD" ? undefined : replacement, "utf8", callback);
  } as ServerResponse["end"];
}

const headerValue = (headers: Record<string, unknown> | undefined, name: string) =>
  headers ? Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1] : undefined;
const hasHeader = (headers: Record<string, unknown> | undefined, name: string) => headerValue(headers, name) !== undefined;

/** An error answer keeps its body when it is already in a shape of ours: JSON (or an image) under /api, a page (or an image, or RSC) elsewhere. */
function needsShape(pathname: string, type: string): boolean {
  if (isApiPath(pathname)) return !type.startsWith("application/json") && !type.startsWith("image/");
  return !type.startsWith("text/html") && !type.startsWith("image/") && !type.startsWith("text/x-component");
}

const MESSAGES: Record<number, { code: string; message: string }> = {
  400: { code: "bad_request", message: "This request cannot be read." },
  404: { code: "not_found", message: "There is nothing at this address." },
  405: { code: "method_not_allowed", message: "This address does not answer that method." },
  413: { code: "payload_too_large", message: "This request's body is too large." },
};

/**
 * Requests Node's own parser refuses (a header block too large, a malformed
 * request line, a request that took too long) never reach a handler: answer
 * them on the socket in the same shape, then close it.
 */
export function answerClientError(error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Duplex, options: GateOptions): void {
  if (error.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  const status = error.code === "HPE_HEADER_OVERFLOW" ? 431 : error.code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : error.code === "CONNECT_REFUSED" ? 405 : 400;
  const refusal: Refusal = {
    status,
    code: status === 431 ? "headers_too_large" : status === 408 ? "request_timeout" : status === 405 ? "method_not_allowed" : "bad_request",
    message:
      status === 431 ? "This request's headers are too large." : status === 408 ? "This request took too long to arrive." : status === 405 ? "This server is not a proxy." : "This request cannot be read.",
  };
  // The request line, when the parser got that far (else the request this connection is in): its path says JSON or page.
  const line = error.rawPacket?.toString("latin1").split("\r\n")[0] ?? "";
  const [method = "-", target = lastTarget.get(socket) ?? "-"] = /^[A-Z]+ \S+/.test(line) ? line.split(" ") : ["-", lastTarget.get(socket)];
  logRefusal({ method, path: target, status, reason: `${refusal.code} (${error.code ?? "parse error"})` });
  const { contentType, body } = refusalBody(pathOf(target), refusal);
  const headers = { ...gateHeaders(options), "Content-Type": contentType, "Content-Length": String(Buffer.byteLength(body)), "Cache-Control": "no-store", Connection: "close" };
  const reason = { 405: "Method Not Allowed", 408: "Request Timeout", 431: "Request Header Fields Too Large" }[status as 405 | 408 | 431] ?? "Bad Request";
  const head = [`HTTP/1.1 ${status} ${reason}`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)].join("\r\n");
  socket.end(`${head}\r\n\r\n${method === "HEAD" ? "" : body}`);
}
