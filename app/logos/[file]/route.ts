import { handle } from "@/lib/http/errors";
import { refusalResponse } from "@/lib/http/refusal";
import { getLogoByFileName } from "@/lib/logos/queries";

/** Read from PostgreSQL per request (every node has every logo); the address itself never changes meaning. */
export const dynamic = "force-dynamic";

/** An SVG opened by itself runs nothing and loads nothing, whatever it holds (it was sanitised on upload as well). */
const SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

/**
 * GET /logos/<hash prefix>.<png|webp|svg>: a tool's logo, content-addressed
 * (docs/decisions/033-logos.md). New bytes get a new address, so the answer is
 * cached for a year without revalidation; its type is the stored one, never
 * sniffed. An unknown or malformed name answers 404 (the site's refusal page).
 */
async function serve(request: Request, context: RouteContext<"/logos/[file]">): Promise<Response> {
  const { file } = await context.params;
  const logo = await getLogoByFileName(file);
  if (!logo) return refusalResponse(new URL(request.url).pathname, { status: 404, code: "not_found", message: "There is no logo at this address." });
  const etag = `"${logo.hash}"`;
  const headers: Record<string, string> = {
    "Content-Type": logo.contentType,
    "Cache-Control": "public, max-age=31536000, immutable",
    "X-Content-Type-Options": "nosniff",
    ETag: etag,
    "Content-Length": String(logo.bytes.byteLength),
    ...(logo.contentType === "image/svg+xml" ? { "Content-Security-Policy": SVG_POLICY } : {}),
  };
  if (request.headers.get("if-none-match")?.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag)) {
    const { "Content-Length": _, ...notModified } = headers;
    return new Response(null, { status: 304, headers: notModified });
  }
  return new Response(request.method === "HEAD" ? null : new Uint8Array(logo.bytes), { headers });
}

export const GET = handle(serve);
export const HEAD = handle(serve);
