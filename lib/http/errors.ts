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

/** The database could not be reached in time (pool exhausted, server down): retryable, not a bug. */
function isDatabaseBusy(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /timeout exceeded when trying to connect|Unable to start a transaction in the given time|ECONNREFUSED|Connection terminated/i.test(message);
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
      if (isDatabaseBusy(error)) {
        return errorResponse(
          new ApiError(503, "unavailable", "The service is busy. Try again in a few seconds.", undefined, { "Retry-After": "2" }),
        );
      }
      console.error(error);
      return errorResponse(new ApiError(500, "internal_error", "Something went wrong on our side. Try again shortly."));
    }
  };
}
