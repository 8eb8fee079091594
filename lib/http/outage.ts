import { databaseBreaker } from "@/lib/health/breaker";
import type { Refusal } from "./refusal";

/** Seconds a client should wait before retrying while the database is away. */
export const OUTAGE_RETRY_AFTER_SECONDS = 5;

/** Health checks answer for themselves (readiness reports the outage); everything else waits it out. */
const answersDuringOutage = (pathname: string) => pathname === "/api/health" || pathname.startsWith("/api/health/");

/**
 * The front gate's step (server.ts): while the database does not answer, 503 with Retry-After
 * — the API's JSON error, or a self-contained page (no script, no stylesheet
 * to fetch) that tries again by itself.
 */
export function outageRefusal(pathname: string): Refusal | null {
  const breaker = databaseBreaker();
  if (!breaker || breaker.databaseUp || answersDuringOutage(pathname)) return null;
  const api = pathname.startsWith("/api/");
  return {
    status: 503,
    code: "unavailable",
    message: api
      ? "The service is briefly unavailable. Try again in a few seconds."
      : "Our database is briefly out of reach, so we can't show current verdicts and votes. Nothing you saved is lost. This page tries again by itself in a few seconds.",
    headers: { "Retry-After": String(OUTAGE_RETRY_AFTER_SECONDS) },
    refreshSeconds: OUTAGE_RETRY_AFTER_SECONDS * 2,
  };
}
