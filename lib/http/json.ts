import type { z } from "zod";
import { ApiError, badRequest } from "./errors";

/**
 * Reads a JSON request body and parses it with `schema`: 415 when it is not
 * JSON, 400 `invalid_json` when it does not parse, 400 `invalid_request` with
 * the zod issues when it does not fit. `what` names the body in messages
 * ("Send the vote as JSON…"); `message` picks the 400's message from the error.
 */
export async function readJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
  options: { what: string; message?: (error: z.ZodError) => string },
): Promise<z.infer<S>> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/json")) {
    throw new ApiError(415, "unsupported_media_type", `Send the ${options.what} as JSON: Content-Type: application/json.`);
  }
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new ApiError(400, "invalid_json", "The request body is not valid JSON.");
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw badRequest(parsed.error, options.message?.(parsed.error));
  return parsed.data;
}
