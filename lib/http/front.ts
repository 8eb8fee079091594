import type { IncomingMessage } from "node:http";
import { refuseCrossSiteWrite } from "./origin";
import { outageRefusal } from "./outage";
import type { Refusal } from "./refusal";

/**
 * The front gate's own refusals of a request it let in (server.ts), taken on
 * Node's request before Next builds anything for it:
 * - the database is away: 503 with Retry-After (lib/http/outage.ts);
 * - a cross-site write to a page: 403 (lib/http/origin.ts).
 * What needs the body (a server action Next could not decode) is the proxy's (proxy.ts).
 */
export function frontRefusal(request: IncomingMessage): Refusal | null {
  const target = request.url ?? "/";
  const query = target.indexOf("?");
  const outage = outageRefusal(query === -1 ? target : target.slice(0, query));
  if (outage) return outage;
  const method = request.method ?? "GET";
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return null;
  let url: string;
  try {
    url = new URL(target, `http://${request.headers.host ?? "localhost"}`).toString();
  } catch {
    return { status: 400, code: "bad_request", message: "This request cannot be read." };
  }
  return refuseCrossSiteWrite({ method, url, headers: () => nodeHeaders(request) });
}

/** Node's request headers as a Headers object. */
export function nodeHeaders(request: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}
