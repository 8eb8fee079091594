import { randomUUID, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { env } from "@/lib/env";
import { getPool } from "@/lib/db/pool";
import { pageCache } from "@/lib/page-cache/store";
import { log, REQUEST_ID } from "./log";
import { metrics, routeLabel } from "./metrics";
import { startRequestSpan } from "./tracing";

// The front gate's half of logs and metrics (server.ts): plain modules only, no `server-only`.

export const REQUEST_ID_HEADER = "x-request-id";

/**
 * Gives the request its id (the proxy's X-Request-Id when it looks like one,
 * else a fresh one) on the request — Next's handlers, actions and the jobs
 * they enqueue read it there — and on the answer; runs `handle` (the rest of
 * the gate, then Next) inside the request's span when tracing is on
 * (lib/observability/tracing.ts); when the answer is done, one log line (with
 * the trace's id when traced) and one observation of its duration, by route pattern.
 * The path is logged without its query string: links carry tokens there.
 */
export function observeRequest(request: IncomingMessage, response: ServerResponse, handle: () => void): void {
  const sent = request.headers[REQUEST_ID_HEADER];
  const id = typeof sent === "string" && REQUEST_ID.test(sent) ? sent : randomUUID();
  request.headers[REQUEST_ID_HEADER] = id;
  response.setHeader("X-Request-Id", id);
  const started = performance.now();
  const span = startRequestSpan(request, id);
  response.once("close", () => {
    const seconds = (performance.now() - started) / 1000;
    const path = (request.url ?? "/").split("?")[0]!.slice(0, 200);
    const route = routeLabel(path);
    const method = (request.method ?? "-").slice(0, 16);
    const status = response.headersSent ? response.statusCode : 0;
    span?.end(status);
    metrics().httpDuration.observe({ route, method: /^[A-Z]{3,7}$/.test(method) ? method : "OTHER", status: String(status) }, seconds);
    if (env.LOG_REQUESTS === "true") {
      log().info(
        { reqId: id, method, route, path, status, ms: Math.round(seconds * 10_000) / 10, aborted: !response.writableFinished || undefined, ...(span?.ids ?? {}) },
        "request",
      );
    }
  });
  if (span) span.run(handle);
  else handle();
}

/** The scrape sources the gate owns: its page cache, the pool and the queue (the live streams register themselves, lib/live). */
export function wireMetricSources(): void {
  const { sources } = metrics();
  sources.pageCache = () => pageCache()?.stats() ?? null;
  sources.pool = () => {
    const pool = getPool();
    return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
  };
  sources.jobs = async () => {
    const { rows } = await getPool()
      .query<{ task: string; state: string; count: number }>(
      `SELECT task_identifier AS task,
              CASE WHEN locked_at IS NOT NULL AND locked_at > now() - interval '4 hours' THEN 'running'
                   WHEN attempts >= max_attempts THEN 'failed'
                   WHEN attempts > 0 THEN 'retrying'
                   ELSE 'queued' END AS state,
              count(*)::int AS count
       FROM graphile_worker.jobs GROUP BY 1, 2`,
      )
      // The queue's schema not there yet, or the database away: the scrape still answers, without these.
      .catch(() => ({ rows: [] }));
    return rows;
  };
}

const equal = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * GET /api/metrics, Prometheus's text format, behind `Authorization: Bearer
 * <METRICS_TOKEN>`. Without METRICS_TOKEN the address does not exist (Next's
 * 404); a wrong or missing token is 401. Answered here, beside the page cache
 * whose counts it reads, without Next's per-request costs.
 */
export async function answerMetrics(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  const token = env.METRICS_TOKEN;
  if (!token || (request.url ?? "").split("?")[0] !== "/api/metrics") return false;
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.writeHead(405, { Allow: "GET, HEAD", "Content-Type": "application/json" });
    response.end(JSON.stringify({ error: { code: "method_not_allowed", message: "GET /api/metrics" } }));
    return true;
  }
  const sent = /^Bearer\s+(\S+)$/i.exec(String(request.headers.authorization ?? ""))?.[1] ?? "";
  if (!equal(sent, token)) {
    response.writeHead(401, { "WWW-Authenticate": 'Bearer realm="metrics"', "Content-Type": "application/json", "Cache-Control": "no-store" });
    response.end(JSON.stringify({ error: { code: "unauthenticated", message: "Send the metrics token: Authorization: Bearer <METRICS_TOKEN>." } }));
    return true;
  }
  const { registry } = metrics();
  let body: string;
  try {
    body = await registry.metrics();
  } catch (error) {
    log().error({ err: error }, "metrics scrape failed");
    response.writeHead(503, { "Content-Type": "application/json", "Cache-Control": "no-store" });
    response.end(JSON.stringify({ error: { code: "unavailable", message: "The metrics could not be collected." } }));
    return true;
  }
  response.writeHead(200, { "Content-Type": registry.contentType, "Cache-Control": "no-store" });
  response.end(request.method === "HEAD" ? undefined : body);
  return true;
}
