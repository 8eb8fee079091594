import type { IncomingMessage } from "node:http";
import type * as OtelApi from "@opentelemetry/api";
import type { SpanProcessor } from "@opentelemetry/sdk-trace-node";
import type { Task, TaskList } from "graphile-worker";
import { env } from "@/lib/env";
import { log, maskEmails, REQUEST_ID, TRACE_FIELDS, type TraceFields } from "./log";
import { routeLabel } from "./metrics";

// No `server-only`: the front gate (server.ts) and the job workers (server.ts, scripts/worker.ts) start and use this.

/**
 * Optional OpenTelemetry tracing (docs/decisions/039-tracing.md). With no OTLP
 * endpoint configured (env.TRACING false) nothing here loads an OpenTelemetry
 * module: every function below is a check of one global and a plain call.
 * With one, `startTracing` imports the SDK, registers a tracer provider for the
 * whole process — Next's own spans (route rendering, route handlers, fetch)
 * then go to it too — and exports spans in batches over OTLP/HTTP.
 *
 * The state lives on globalThis: this module is loaded by the gate (through
 * tsx) and may be bundled into Next's server code too, as separate copies.
 */
type Tracing = {
  api: typeof OtelApi;
  suppressTracing: (context: OtelApi.Context) => OtelApi.Context;
  tracer: OtelApi.Tracer;
  provider: { shutdown(): Promise<void> };
  /** Where spans go and how they are encoded, for the start-up line. */
  endpoint: string;
  protocol: string;
};

const KEY = Symbol.for("ship-or-skip.tracing");
const globalForTracing = globalThis as unknown as Record<typeof KEY, Tracing | undefined> & Record<typeof TRACE_FIELDS, (() => TraceFields | undefined) | undefined>;
const current = () => globalForTracing[KEY];

/**
 * Starts exporting traces when an OTLP endpoint is configured (once per
 * process; later calls return the running one); null, having loaded nothing,
 * when none is. Call it before the work it should see starts.
 */
export async function startTracing(): Promise<{ endpoint: string; protocol: string } | null> {
  if (!env.TRACING) return null;
  const describe = ({ endpoint, protocol }: Tracing) => ({ endpoint, protocol });
  const running = current();
  if (running) return describe(running);
  const protocol = env.OTLP_TRACES_PROTOCOL;
  const [api, { suppressTracing }, { NodeTracerProvider, BatchSpanProcessor }, resources, { OTLPTraceExporter }] = await Promise.all([
    import("@opentelemetry/api"),
    import("@opentelemetry/core"),
    import("@opentelemetry/sdk-trace-node"),
    import("@opentelemetry/resources"),
    protocol === "http/json" ? import("@opentelemetry/exporter-trace-otlp-http") : import("@opentelemetry/exporter-trace-otlp-proto"),
  ]);
  if (current()) return describe(current()!);
  // The SDK's own warnings (an export the collector refused or never answered) as the app's log lines.
  const text = (arg: unknown) => {
    if (arg instanceof Error) return arg.message;
    if (typeof arg === "string") return arg;
    try {
      return JSON.stringify(arg);
    } catch {
      return String(arg);
    }
  };
  const diag = (level: "warn" | "error") => (message: string, ...args: unknown[]) => log()[level]({ source: "opentelemetry" }, [message, ...args.map(text)].join(" "));
  api.diag.setLogger({ error: diag("error"), warn: diag("warn"), info: () => {}, debug: () => {}, verbose: () => {} }, api.DiagLogLevel.WARN);

  // service.name: OTEL_SERVICE_NAME (default "ship-or-skip"); OTEL_RESOURCE_ATTRIBUTES adds to it (the env detector).
  const resource = resources
    .defaultResource()
    .merge(resources.resourceFromAttributes({ "service.name": env.OTEL_SERVICE_NAME, ...(env.NODE_ID ? { "service.instance.id": env.NODE_ID } : {}) }))
    .merge(resources.detectResources({ detectors: [resources.envDetector] }));
  // The exporter reads OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT, _HEADERS, _TIMEOUT and _COMPRESSION; the
  // provider OTEL_TRACES_SAMPLER(_ARG) and the span limits; the batch processor OTEL_BSP_*.
  const provider = new NodeTracerProvider({
    resource,
    spanProcessors: [scrubber(), new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  // The global tracer provider, AsyncLocalStorage context and W3C trace-context propagation.
  provider.register();
  globalForTracing[TRACE_FIELDS] = () => {
    const context = api.trace.getActiveSpan()?.spanContext();
    if (!context || !api.isSpanContextValid(context) || !(context.traceFlags & api.TraceFlags.SAMPLED)) return undefined;
    return { trace_id: context.traceId, span_id: context.spanId };
  };
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? `${env.OTEL_EXPORTER_OTLP_ENDPOINT!.replace(/\/$/, "")}/v1/traces`;
  const tracing: Tracing = { api, suppressTracing, tracer: api.trace.getTracer("ship-or-skip"), provider, endpoint, protocol };
  globalForTracing[KEY] = tracing;
  return describe(tracing);
}

/**
 * Sends the spans still waiting and stops the exporter (SIGTERM, after the
 * requests and jobs in flight ended): waits at most `ms`, so a collector that
 * is away does not hold the process up.
 */
export async function stopTracing(ms = 5_000): Promise<void> {
  const tracing = current();
  if (!tracing) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    tracing.provider.shutdown().catch((error: unknown) => log().warn({ source: "opentelemetry" }, `flushing spans failed: ${error instanceof Error ? error.message : String(error)}`)),
    new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))),
  ]);
  clearTimeout(timer);
}

/** Load balancers' and Prometheus's probes, every few seconds on every node: not worth a trace each. */
const UNTRACED = /^\/api\/(health|health\/live|metrics)\/?$/;

/** A request's span as the front gate holds it (lib/observability/gate.ts). */
export type RequestSpan = {
  /** The span's ids when it is sampled (it is exported), for the request's log line. */
  ids: TraceFields | undefined;
  /** Runs the rest of the request's handling with this span active: Next's spans become its children. */
  run(handle: () => void): void;
  end(status: number): void;
};

/**
 * The server span of one request, started by the front gate so every request
 * has one (cached pages, refusals and /api/me too, which never reach Next);
 * null when tracing is off. A `traceparent` the request carries (a proxy's, the
 * page cache's own render) makes it part of that trace. Named by its route
 * pattern, never by the path; the path is recorded without its query string
 * (links carry tokens there); the request id is `app.request_id`, as on the log line.
 * Probes (health checks, Prometheus's scrapes) are not traced, Next's spans of them neither.
 */
export function startRequestSpan(request: IncomingMessage, requestId: string): RequestSpan | null {
  const tracing = current();
  if (!tracing) return null;
  const { api, tracer } = tracing;
  const path = (request.url ?? "/").split("?")[0]!.slice(0, 200);
  if (UNTRACED.test(path)) {
    const untraced = tracing.suppressTracing(api.ROOT_CONTEXT);
    return { ids: undefined, run: (handle) => api.context.with(untraced, handle), end: () => {} };
  }
  const parent = api.propagation.extract(api.ROOT_CONTEXT, request.headers);
  const route = routeLabel(path);
  const method = /^[A-Z]{3,7}$/.test(request.method ?? "") ? request.method! : "_OTHER";
  const span = tracer.startSpan(
    route === "other" ? method : `${method} ${route}`,
    {
      kind: api.SpanKind.SERVER,
      attributes: {
        "http.request.method": method,
        "url.path": path,
        ...(route === "other" ? {} : { "http.route": route }),
        "app.request_id": requestId,
      },
    },
    parent,
  );
  const context = api.trace.setSpan(parent, span);
  const spanContext = span.spanContext();
  return {
    ids: spanContext.traceFlags & api.TraceFlags.SAMPLED ? { trace_id: spanContext.traceId, span_id: spanContext.spanId } : undefined,
    run: (handle) => api.context.with(context, handle),
    end: (status) => {
      // 0: the client went away before an answer was sent.
      if (status) span.setAttribute("http.response.status_code", status);
      if (status >= 500) span.setStatus({ code: api.SpanStatusCode.ERROR });
      span.end();
    },
  };
}

/**
 * Runs `work` with tracing suppressed (when it is on): Next's start-up — its
 * instrumentation hook and the route modules it preloads, some eighty root
 * spans of no use to anyone — and whatever it starts keep that context.
 */
export function untraced<T>(work: () => T): T {
  const tracing = current();
  return tracing ? tracing.api.context.with(tracing.suppressTracing(tracing.api.context.active()), work) : work();
}

/**
 * The active trace as W3C headers (`traceparent`, `tracestate`), to carry it
 * over a request this process makes to itself (the page cache's render); none
 * when tracing is off or no span is active.
 */
export function traceHeaders(): Record<string, string> {
  const tracing = current();
  if (!tracing) return {};
  const carrier: Record<string, string> = {};
  tracing.api.propagation.inject(tracing.api.context.active(), carrier);
  return carrier;
}

/**
 * The queue's tasks, each run inside a span of its own, `job <task>`, with the
 * task, the job's id and attempt and the id of the request that queued it
 * (`app.request_id`, as on that request's span and log line). Unchanged when
 * tracing is not configured.
 */
export function traceTasks(tasks: TaskList): TaskList {
  if (!env.TRACING) return tasks;
  return Object.fromEntries(Object.entries(tasks).map(([name, task]) => [name, task && tracedTask(name, task)]));
}

function tracedTask(name: string, task: Task<string>): Task<string> {
  return (payload, helpers) => {
    const tracing = current();
    if (!tracing) return task(payload, helpers);
    const { api, tracer } = tracing;
    const requestId = (payload as { requestId?: unknown } | null)?.requestId;
    const attributes: OtelApi.Attributes = { "app.job.task": name, "app.job.id": helpers.job.id, "app.job.attempt": helpers.job.attempts };
    if (typeof requestId === "string" && REQUEST_ID.test(requestId)) attributes["app.request_id"] = requestId;
    // A job is work of its own, its own trace: it may run long after the request that queued it.
    return tracer.startActiveSpan(`job ${name}`, { kind: api.SpanKind.CONSUMER, attributes, root: true }, async (span) => {
      try {
        await task(payload, helpers);
      } catch (error) {
        span.recordException(error instanceof Error ? error : String(error));
        span.setStatus({ code: api.SpanStatusCode.ERROR, message: error instanceof Error ? error.message : undefined });
        throw error;
      } finally {
        span.end();
      }
    });
  };
}

/** Attributes that hold a URL: kept without their query string (links carry tokens there). */
const URL_ATTRIBUTES = new Set(["http.target", "http.url", "url.full", "url.query"]);
const withoutQuery = (value: string) => value.replace(/\?[^\s]*/g, "");

/**
 * Runs as each span ends, before it is queued for export: the same rules as the
 * log (lib/observability/log.ts) for what Next records too — no query string in a
 * URL or a span's name (`fetch GET https://…?token=…`), no email address in any
 * text (an exception's message, a status).
 */
function scrubber(): SpanProcessor {
  return {
    onStart: () => {},
    onEnding(span) {
      if (span.name.includes("?")) span.updateName(withoutQuery(span.name));
      for (const [key, value] of Object.entries(span.attributes)) {
        if (typeof value !== "string") continue;
        const clean = maskEmails(URL_ATTRIBUTES.has(key) ? (key === "url.query" ? "" : withoutQuery(value)) : value);
        if (clean !== value) span.setAttribute(key, clean);
      }
      if (span.status.message) span.setStatus({ code: span.status.code, message: maskEmails(span.status.message) });
      for (const event of span.events) {
        const attributes = event.attributes as Record<string, unknown> | undefined;
        for (const [key, value] of Object.entries(attributes ?? {})) if (typeof value === "string") attributes![key] = maskEmails(value);
      }
    },
    onEnd: () => {},
    forceFlush: async () => {},
    shutdown: async () => {},
  };
}
