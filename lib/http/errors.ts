import { NextResponse } from "next/server";
import { RateLimitedError } from "@/lib/rate-limit/errors";
import type { z } from "zod";

/** The one JSON error shape of the API: `{ error: { code, message, issues? } }`. */
export type ApiErrorBody = {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: ApiErrorBody["error"]["issues"],
    readonly headers?: Record<string, string>,
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
    { error: { code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) } },
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
      if (error instanceof ApiError) return errorResponse(error);
      if (error instanceof RateLimitedError) {
        return errorResponse(
          new ApiError(429, "rate_limited", error.message, undefined, { "Retry-After": String(error.retryAfterSeconds) }),
        );
      }
      if (isDatabaseUnavailable(error)) {
        return errorResponse(
          new ApiError(503, "unavailable", "The service is briefly unavailable. Try again in a few seconds.", undefined, { "Retry-After": "2" }),
        );
      }
      console.error(error);
      return errorResponse(new ApiError(500, "internal_error", "Something went wrong on our side. Try again shortly."));
    }
  };
}
