import { env } from "@/lib/env";
import { ApiError } from "./errors";

/**
 * Refuses cross-site writes. Browsers send Origin on every cross-origin and
 * every non-GET fetch; it must name this site (the Host the request came to,
 * or SITE_URL). Requests without Origin are non-browser clients (curl, apps):
 * they carry no ambient cookies of a victim, so they pass — unless
 * Sec-Fetch-Site says the browser saw a cross-site request.
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  const fetchSite = request.headers.get("sec-fetch-site");
  if (!origin) {
    if (fetchSite === "cross-site" || fetchSite === "same-site") throw crossSite();
    return;
  }
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw crossSite();
  }
  const hosts = new Set<string>([new URL(env.SITE_URL).host, new URL(request.url).host]);
  const host = request.headers.get("host");
  if (host) hosts.add(host);
  if (env.TRUST_PROXY) {
    const forwarded = request.headers.get("x-forwarded-host");
    if (forwarded) hosts.add(forwarded.split(",")[0]!.trim());
  }
  if (!hosts.has(originHost)) throw crossSite();
}

function crossSite() {
  return new ApiError(403, "cross_site_request", "Cross-site requests are not allowed.");
}
