import { readFile } from "node:fs/promises";
import path from "node:path";

/**
 * GET /api/docs/rapidoc.js — the API reference viewer (RapiDoc's prebuilt
 * bundle from node_modules), served from this origin: nothing on /api/docs
 * loads from another site. Read once per process.
 */
let bundle: Promise<Buffer> | undefined;

export async function GET() {
  bundle ??= readFile(path.join(process.cwd(), "node_modules", "rapidoc", "dist", "rapidoc-min.js"));
  return new Response(new Uint8Array(await bundle), {
    headers: { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "public, max-age=86400", "X-Content-Type-Options": "nosniff" },
  });
}
