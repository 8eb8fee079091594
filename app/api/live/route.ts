import { createHash } from "node:crypto";
import { sessionCookieValue } from "@/lib/auth/cookies";
import { handle, ApiError, badRequest } from "@/lib/http/errors";
import { shutdownSignal } from "@/lib/health/shutdown";
import { liveHub, liveStreamCounter } from "@/lib/live";
import { liveQuerySchema } from "@/lib/live/schema";
import { createLiveStream } from "@/lib/live/stream";
import { clientIp } from "@/lib/rate-limit";
import { currentToolStats } from "@/lib/stats/queries";

export const dynamic = "force-dynamic";

/**
 * GET /api/live?tools=a,b — Server-Sent Events: `stats` events with a tool's
 * counters, first the current ones, then on every change anywhere. The headers
 * stop proxies and compression from buffering the stream. A client address,
 * a session and the node each hold a bounded number of streams (429 / 503).
 */
export const GET = handle(async (request: Request) => {
  const query = liveQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw badRequest(query.error, "Invalid live query");
  const session = sessionCookieValue(request.headers.get("cookie"));
  const slot = liveStreamCounter().acquire(clientIp(request.headers), session && createHash("sha256").update(session).digest("base64url").slice(0, 22));
  if ("refusal" in slot) throw new ApiError(slot.refusal.status, slot.refusal.code, slot.refusal.message, undefined, slot.refusal.headers);
  try {
    const hub = liveHub();
    const initial = await currentToolStats({ slugs: query.data.tools });
    if (initial.length === 0) throw new ApiError(404, "not_found", "None of these tools is listed");
    const stream = createLiveStream({
      hub,
      toolIds: initial.map((stats) => stats.toolId),
      initial,
      // Ends when the browser leaves, or when this node shuts down (the browser then reconnects elsewhere).
      signal: AbortSignal.any([request.signal, shutdownSignal()]),
      onClose: slot.release,
    });
    return new Response(stream, {
      headers: {
        "Content-Type": "text/event-stream; charset=utf-8",
        "Cache-Control": "no-cache, no-transform",
        Connection: "keep-alive",
        "X-Accel-Buffering": "no",
      },
    });
  } catch (error) {
    slot.release();
    throw error;
  }
});
