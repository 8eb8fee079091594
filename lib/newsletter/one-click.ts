import "server-only";
import { bodyLimit } from "@/lib/http/body-limits";
import { readBodyText } from "@/lib/http/json";
import { ApiError } from "@/lib/http/errors";
import { unsubscribe } from "./writes";

/**
 * RFC 8058 one-click unsubscribe: POST <List-Unsubscribe URL> with the body
 * `List-Unsubscribe=One-Click` (form-encoded or multipart). The token in the
 * URL is an UNSUBSCRIBE token, used once.
 */
export async function oneClickUnsubscribe(request: Request): Promise<void> {
  const token = new URL(request.url).searchParams.get("token");
  if ((await readOneClickField(request)) !== "One-Click") {
    throw new ApiError(400, "invalid_request", 'Send the body "List-Unsubscribe=One-Click" (RFC 8058).');
  }
  if (!(await unsubscribe(token))) {
    throw new ApiError(404, "not_found", "This unsubscribe link has expired or was already used.");
  }
}

export async function readOneClickField(request: Request): Promise<string | null> {
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  // Bounded before anything parses it (413 beyond the route's cap), multipart included.
  const text = await readBodyText(request, bodyLimit(new URL(request.url).pathname));
  try {
    if (type.startsWith("multipart/form-data")) {
      const value = (await new Response(text, { headers: { "content-type": type } }).formData()).get("List-Unsubscribe");
      return typeof value === "string" ? value.trim() : null;
    }
    return new URLSearchParams(text).get("List-Unsubscribe")?.trim() ?? null;
  } catch {
    return null;
  }
}
