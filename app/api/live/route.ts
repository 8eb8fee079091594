import { handle, ApiError, badRequest } from "@/lib/http/errors";
import { shutdownSignal } from "@/lib/health/shutdown";
import { liveHub } from "@/lib/live";
import { liveQuerySchema } from "@/lib/live/schema";
import { createLiveStream } from "@/lib/live/stream";
import { currentToolStats } from "@/lib/stats/queries";

export const dynamic = "force-dynamic";

/**
 * GET /api/live?tools=a,b — Server-Sent Events: `stats` events with a tool's
 * counters, first the current ones, then on every change anywhere. The headers
 * stop proxies and compression from buffering the stream.
 */
export const GET = handle(async (request: Request) => {
  const query = liveQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw badRequest(query.error, "Invalid live query");
  const hub = liveHub();
  const initial = await currentToolStats({ slugs: query.data.tools });
  if (initial.length === 0) throw new ApiError(404, "not_found", "None of these tools is listed");
  const stream = createLiveStream({
    hub,
    toolIds: initial.map((stats) => stats.toolId),
    initial,
    // Ends when the browser leaves, or when this node shuts down (the browser then reconnects elsewhere).
    signal: AbortSignal.any([request.signal, shutdownSignal()]),
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
});
