import type { z } from "zod";
import { bodyLimit } from "./body-limits";
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
  const text = await readBodyText(request, bodyLimit(new URL(request.url).pathname));
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError(400, "invalid_json", "The request body is not valid JSON.");
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw badRequest(parsed.error, options.message?.(parsed.error));
  return parsed.data;
}

/**
 * A request body as text, read up to `limit` bytes: 413 beyond it, however the
 * body arrives (the front gate refuses an announced length above the route's
 * cap; a chunked body is counted here as it streams in, and never held whole).
 */
export async function readBodyText(request: Request, limit: number): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let read: ReadableStreamReadResult<Uint8Array>;
    try {
      read = await reader.read();
    } catch {
      // The client went away mid-body (Node's "aborted", ECONNRESET): nobody waits for an answer, and
      // it is not the database's socket failing, whatever its error code says.
      throw new ApiError(400, "body_incomplete", "The request's body did not arrive whole.");
    }
    const { value, done } = read;
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new ApiError(413, "payload_too_large", `This request's body may be at most ${Math.round(limit / 1024)} KB.`);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
