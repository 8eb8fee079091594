import { iconResponse } from "@/lib/site/icon";

/**
 * GET /favicon.ico: what browsers, feed readers and crawlers ask for when a
 * page names no icon (every page here names /icon/32). The same mark as a
 * 32 px PNG — browsers take PNG bytes at this path — cached for a day.
 */
export function GET() {
  return iconResponse(32, { headers: { "Cache-Control": "public, max-age=86400" } });
}
