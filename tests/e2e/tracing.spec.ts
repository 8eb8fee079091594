import { spawn } from "node:child_process";
import { expect, test } from "@playwright/test";
import { freePort } from "../../scripts/lib/next";
import { newTool } from "../helpers/e2e";
import { startCollector, type ReceivedSpan } from "../helpers/otlp";

/**
 * OpenTelemetry tracing (docs/decisions/039), against a production node of
 * its own started with OTEL_EXPORTER_OTLP_ENDPOINT pointing at a collector
 * this spec runs (OTLP/HTTP with JSON bodies, decoded here): a page and an API
 * request each arrive as a trace whose root is the front gate's server span —
 * named by the route pattern, carrying the request id of the log line — with
 * Next's own spans under it (a cached page's render included, over the page
 * cache's request to itself); neither Next's start-up nor health checks are
 * traced; a caller's `traceparent` is continued; the request's log line names
 * its trace; no query string (where links carry tokens) reaches the
 * collector; SIGTERM sends the spans still waiting. That nothing loads with
 * the variable unset is tests/integration/tracing.test.ts.
 */

test.describe.configure({ mode: "default" });

const COLLECTOR_TOKEN = "collector-token-for-the-tracing-spec";
let collector: Awaited<ReturnType<typeof startCollector>> | undefined;
let node: Awaited<ReturnType<typeof startNode>> | undefined;
let base = "";

test.beforeAll(async () => {
  test.skip(!process.env.DATABASE_URL, "needs `npm test` (the database)");
  collector = await startCollector({ header: ["x-collector-token", COLLECTOR_TOKEN] });
  // Batches every 100 ms rather than every 5 s: the spans arrive while the spec waits.
  node = await startNode({ NODE_ID: `tracing-${process.pid}`, OTEL_BSP_SCHEDULE_DELAY: "100" });
  base = node.url;
});

test.afterAll(async () => {
  node?.process.kill("SIGTERM");
  await collector?.close();
});

/** Starts a production node exporting to the spec's collector, with `env` on top; resolves once it answers. */
async function startNode(env: Record<string, string>) {
  const port = await freePort();
  const started = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: {
      ...process.env,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      LOG_REQUESTS: "true",
      JOBS_IN_PROCESS: "false",
      OTEL_EXPORTER_OTLP_ENDPOINT: collector!.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
      OTEL_EXPORTER_OTLP_HEADERS: `x-collector-token=${COLLECTOR_TOKEN}`,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  started.stdout!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  started.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (await fetch(`${url}/api/health/live`).then((r) => r.ok, () => false)) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { process: started, url, output: () => log };
}

/** The gate's server span of the request the node answered with this X-Request-Id, once it has arrived. */
const gateSpan = (requestId: string) => collector!.spans.find((span) => span.kind === "server" && span.attributes["app.request_id"] === requestId);
const inTrace = (traceId: string) => collector!.spans.filter((span) => span.traceId === traceId);

/** The node's JSON log lines so far. */
const lines = () =>
  node!
    .output()
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

test("a page and an API request each arrive at the collector as a trace: the gate's span, its request id, Next's spans under it", async () => {
  test.setTimeout(90_000);
  expect(node!.output()).toContain("▸ Traces to http://127.0.0.1:");

  // A page (a page-cache miss: the gate renders it through this same server, in the same trace).
  const tool = await newTool();
  const page = await fetch(`${base}/tools/${tool.slug}`);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain(tool.name);
  const pageId = page.headers.get("x-request-id")!;

  // An API request, with the id a proxy sent.
  const apiId = `trace-spec-${Date.now()}`;
  const api = await fetch(`${base}/api/tools?pageSize=1`, { headers: { "x-request-id": apiId } });
  expect(api.status).toBe(200);
  expect(api.headers.get("x-request-id")).toBe(apiId);

  await expect.poll(() => Boolean(gateSpan(pageId) && gateSpan(apiId)), { timeout: 15_000 }).toBe(true);
  expect(collector!.refused).toEqual([]);

  // Who sent them: the service and node, from the resource.
  const pageSpan = gateSpan(pageId)!;
  expect(pageSpan.resource["service.name"]).toBe("ship-or-skip");
  expect(pageSpan.resource["service.instance.id"]).toBe(`tracing-${process.pid}`);

  // The page: the gate's span is the trace's root, named by the route pattern; Next rendered the page in that trace.
  expect(pageSpan).toMatchObject({ name: "GET /tools/[slug]", parentSpanId: "" });
  expect(pageSpan.attributes).toMatchObject({ "http.request.method": "GET", "url.path": `/tools/${tool.slug}`, "http.route": "/tools/[slug]", "http.response.status_code": 200 });
  await expect
    .poll(() => inTrace(pageSpan.traceId).some((span) => span.attributes["next.span_type"] === "BaseServer.handleRequest" && span.attributes["next.route"] === "/tools/[slug]"), { timeout: 10_000 })
    .toBe(true);
  await expect.poll(() => inTrace(pageSpan.traceId).some((span) => span.attributes["next.span_type"] === "AppRender.getBodyResult"), { timeout: 10_000 }).toBe(true);

  // The API request: Next's route-handler span is a descendant of the gate's span.
  const apiSpan = gateSpan(apiId)!;
  expect(apiSpan).toMatchObject({ name: "GET /api/tools", parentSpanId: "" });
  expect(apiSpan.attributes).toMatchObject({ "http.route": "/api/tools", "http.response.status_code": 200, "url.path": "/api/tools" });
  await expect.poll(() => inTrace(apiSpan.traceId).find((span) => span.attributes["next.span_type"] === "AppRouteRouteHandlers.runHandler")?.name, { timeout: 10_000 }).toBe("executing api route (app) /api/tools");
  const byId = new Map(inTrace(apiSpan.traceId).map((span) => [span.spanId, span]));
  const ancestors = (span: ReceivedSpan): string[] => (byId.has(span.parentSpanId) ? [span.parentSpanId, ...ancestors(byId.get(span.parentSpanId)!)] : []);
  const handler = inTrace(apiSpan.traceId).find((span) => span.attributes["next.span_type"] === "AppRouteRouteHandlers.runHandler")!;
  expect(ancestors(handler)).toContain(apiSpan.spanId);

  // The request's log line names its trace and span: from a line to the trace.
  await expect.poll(() => lines().find((line) => line.msg === "request" && line.reqId === apiId), { timeout: 5_000 }).toMatchObject({ trace_id: apiSpan.traceId, span_id: apiSpan.spanId });

  // Every trace starts at the gate: Next's start-up (its instrumentation hook, the route modules it preloads) is not traced.
  expect(collector!.spans.filter((span) => span.parentSpanId === "" && !("app.request_id" in span.attributes)).map((span) => span.name)).toEqual([]);

  // Probes are not traced, by the gate or by Next: the spec's own health checks while the node started made none.
  expect(lines().some((line) => line.msg === "request" && line.route === "/api/health/live")).toBe(true);
  expect(collector!.spans.filter((span) => span.attributes["url.path"] === "/api/health/live" || span.attributes["http.target"] === "/api/health/live")).toEqual([]);
});

test("a caller's traceparent is continued, and no query string reaches the collector", async () => {
  // A proxy or client that traces sends W3C trace context: the gate's span joins that trace.
  const traceId = "0af7651916cd43dd8448eb211c80319c";
  const parentId = "b7ad6b7169203331";
  const id = `trace-parent-${Date.now()}`;
  const answered = await fetch(`${base}/api/tools?pageSize=1`, { headers: { "x-request-id": id, traceparent: `00-${traceId}-${parentId}-01` } });
  expect(answered.status).toBe(200);

  // Links carry tokens and addresses in the query: Next records the target and its fetches' URLs, the exporter must not send them.
  const secret = `secret${Date.now()}`;
  const confirm = await fetch(`${base}/newsletter/confirm?token=${secret}&email=${secret}%40example.com`);
  const confirmId = confirm.headers.get("x-request-id")!;

  await expect.poll(() => Boolean(gateSpan(id) && gateSpan(confirmId)), { timeout: 15_000 }).toBe(true);
  expect(gateSpan(id)).toMatchObject({ traceId, parentSpanId: parentId });
  expect(gateSpan(confirmId)!.attributes).toMatchObject({ "url.path": "/newsletter/confirm", "http.route": "/newsletter/confirm" });
  // Next's own span of that request has arrived too (it records the request's target)…
  await expect.poll(() => inTrace(gateSpan(confirmId)!.traceId).some((span) => span.attributes["next.span_type"] === "BaseServer.handleRequest"), { timeout: 10_000 }).toBe(true);
  const nextSpan = inTrace(gateSpan(confirmId)!.traceId).find((span) => span.attributes["next.span_type"] === "BaseServer.handleRequest")!;
  expect(nextSpan.attributes["http.target"]).toBe("/newsletter/confirm");
  // …and nothing the collector received holds the query.
  expect(collector!.bodies.join("\n")).not.toContain(secret);
});

test("on SIGTERM a node sends the spans still waiting, then exits", async () => {
  test.setTimeout(90_000);
  // A batch only every ten minutes: what arrives was sent by the shutdown.
  const second = await startNode({ NODE_ID: `tracing-sigterm-${process.pid}`, OTEL_BSP_SCHEDULE_DELAY: "600000" });
  const id = `trace-sigterm-${Date.now()}`;
  expect((await fetch(`${second.url}/api/tools?pageSize=1`, { headers: { "x-request-id": id } })).status).toBe(200);
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(gateSpan(id)).toBeUndefined();
  const exited = new Promise<number | null>((resolve) => second.process.on("exit", (code) => resolve(code)));
  second.process.kill("SIGTERM");
  expect(await exited).toBe(143);
  expect(gateSpan(id)).toMatchObject({ name: "GET /api/tools", resource: { "service.instance.id": `tracing-sigterm-${process.pid}` } });
  expect(inTrace(gateSpan(id)!.traceId).some((span) => span.attributes["next.span_type"] === "AppRouteRouteHandlers.runHandler")).toBe(true);
});
