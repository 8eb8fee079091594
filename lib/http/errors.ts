import { NextResponse } from "next/server";
import "./zod-messages";
import { RateLimitedError } from "@/lib/rate-limit/errors";
import { logRefusal } from "./log";
import type { z } from "zod";
import { log } from "@/lib/observability/log";

/** The one JSON error shape of the API: `{ error: { code, message, issues? } }`. */
export type ApiErrorBody = {
  error: { code: string; message: string; issues?: { path: string; message: string }[]; [detail: string]: unknown };
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: ApiErrorBody["error"]["issues"],
    readonly headers?: Record<string, string>,
    /** More fields of the error object, documented per operation (a duplicate's `match`). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new ApiError(404, "not_found", `${what} not found`);

export function badRequest(error: z.ZodError, message = "The request is not valid") {
  return new ApiError(
    400,
    "invalid_request",
    message,
    error.issues.map((issue) => ({ path: issue.path.join(".") || "(root)", message: issue.message })),
  );
}

export function errorResponse(error: ApiError): NextResponse<ApiErrorBody> {
  return NextResponse.json(
    { error: { ...error.details, code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) } },
    { status: error.status, headers: error.headers },
  );
}

/**
 * The database could not be reached in time (pool exhausted, server down or
 * restarting, connection cut): retryable, not a bug. Prisma codes: P1001
 * can't reach, P1017 server closed the connection, P2024 pool timeout.
 */
const DATABASE_UNAVAILABLE =
  /timeout exceeded when trying to connect|Unable to start a transaction in the given time|ECONNREFUSED|ECONNRESET|Connection terminated|terminating connection|server closed the connection|Can't reach database|the database system is (starting up|shutting down|in recovery mode)|too many clients|Connection closed|connection error and is not queryable/i;
export function isDatabaseUnavailable(error: unknown): boolean {
  // Driver errors arrive wrapped (Prisma → adapter → pg): look a few causes deep.
  for (let current = error, depth = 0; current != null && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && ["P1001", "P1017", "P2024", "57P01", "57P03", "ECONNREFUSED", "ECONNRESET"].includes(code)) return true;
    if (DATABASE_UNAVAILABLE.test(current instanceof Error ? current.message : String(current))) return true;
  }
  return false;
}

/**
 * Wraps a route handler: an ApiError becomes its JSON response; anything else
 * is logged and becomes a 500 in the same shape, without internals.
 */
export function handle<Args extends unknown[]>(fn: (...args: Args) => Promise<Response>) {
  return async (...args: Args): Promise<Response> => {
    try {
      return await fn(...args);
    } catch (error) {
      const refusal = asApiError(error);
      const request = args[0] instanceof Request ? args[0] : null;
      if (refusal) {
        // One line for a refused request; a client's mistake is not a stack trace.
        logRefusal({ method: request?.method, path: request ? new URL(request.url).pathname : undefined, status: refusal.status, reason: refusal.code, requestId: request?.headers.get("x-request-id") });
        return errorResponse(refusal);
      }
      log().error({ err: error, requestId: request?.headers.get("x-request-id") ?? undefined }, "request failed");
      return errorResponse(new ApiError(500, "internal_error", "Something went wrong on our side. Try again shortly."));
    }
  };
}

/** The API answer for a known kind of failure (ours, a rate limit, the database away), or null for a bug. */
function asApiError(error: unknown): ApiError | null {
  if (error instanceof ApiError) return error;
  if (error instanceof RateLimitedError) return new ApiError(429, "rate_limited", error.message, undefined, { "Retry-After": String(error.retryAfterSeconds) });
  if (isDatabaseUnavailable(error)) {
    return new ApiError(503, "unavailable", "The service is briefly unavailable. Try again in a few seconds.", undefined, { "Retry-After": "2" });
  }
  return null;
}

/**
 * A response from code that is not ours (Auth.js) in the API's error shape:
 * an error answer whose body is not `{ error: { code, message } }` (Auth.js
 * answers `"Bad request."` or `null`) gets one, keeping its status and headers.
 */
export async function inErrorShape(response: Response): Promise<Response> {
  if (response.status < 400 || !(response.headers.get("content-type") ?? "").includes("json")) return response;
  const text = await response.clone().text();
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } } | null;
    if (typeof body?.error?.code === "string" && typeof body.error.message === "string") return response;
  } catch {
    // Not JSON after all: shaped below.
  }
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  const message = response.status === 404 ? "There is nothing at this address." : response.status === 405 ? "This address does not answer that method." : "This request cannot be read.";
  const code = response.status === 404 ? "not_found" : response.status === 405 ? "method_not_allowed" : "bad_request";
  return NextResponse.json({ error: { code, message } }, { status: response.status, headers });
}
