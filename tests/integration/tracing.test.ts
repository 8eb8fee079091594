import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCollector } from "../helpers/otlp";

/**
 * Tracing's cost when off and its job spans when on (docs/decisions/039), in
 * processes of their own (tests/helpers/tracing-probe.ts): with no OTLP
 * endpoint, no OpenTelemetry SDK module is loaded, no tracer provider is
 * registered and every hook is a plain call; with one, a job run is a span
 * with its task, id, attempt and the request id from its payload — through the
 * real runner on this file's database too —, a line logged inside it names
 * its trace, and stopping (SIGTERM's path) sends the spans still waiting.
 */

const root = path.resolve(import.meta.dirname, "../..");
type Probe = {
  started: { endpoint: string; protocol: string } | null;
  requestSpan: boolean;
  traceId: string | null;
  headers: Record<string, string>;
  tasksUnchanged: boolean;
  ranJob: string | null;
  loaded: string[];
  registered: string[];
};

/** Runs the probe with the given environment (no OTEL_* from this process's own); its result and its JSON log lines. */
function runProbe(env: Record<string, string | undefined>): Promise<{ probe: Probe; lines: Record<string, unknown>[]; output: string }> {
  const noOtel = Object.fromEntries(Object.keys(process.env).filter((name) => name.startsWith("OTEL_")).map((name) => [name, undefined]));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "tests/helpers/tracing-probe.ts")], {
      cwd: root,
      env: { ...process.env, ...noOtel, LOG_LEVEL: "info", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const json = output
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      const probe = json.find((line) => "tracingProbe" in line)?.tracingProbe as Probe | undefined;
      if (code !== 0 || !probe) return reject(new Error(`the probe exited ${code}:\n${output}`));
      resolve({ probe, lines: json.filter((line) => !("tracingProbe" in line)), output });
    });
  });
}

/** The SDK's packages: none may load unless traces are exported. */
const sdkPackages = (loaded: string[]) => loaded.filter((name) => name !== "@opentelemetry/api");

describe("tracing off", () => {
  it("with no OTLP endpoint, nothing of OpenTelemetry's SDK loads, no provider is registered and every hook is a plain call", async () => {
    const { probe, lines } = await runProbe({ DATABASE_URL: undefined });
    expect(probe).toMatchObject({ started: null, requestSpan: false, traceId: null, headers: {}, tasksUnchanged: true, registered: [] });
    expect(sdkPackages(probe.loaded)).toEqual([]);
    const inside = lines.find((line) => line.msg === "inside the probe job")!;
    expect(inside).toBeDefined();
    expect(inside).not.toHaveProperty("trace_id");
  }, 60_000);

  it("OTEL_SDK_DISABLED=true keeps it off with an endpoint set, and nothing is sent", async () => {
    const collector = await startCollector();
    try {
      const { probe } = await runProbe({ DATABASE_URL: undefined, OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_SDK_DISABLED: "true" });
      expect(probe).toMatchObject({ started: null, requestSpan: false, registered: [] });
      expect(sdkPackages(probe.loaded)).toEqual([]);
      expect(collector.bodies).toEqual([]);
      expect(collector.refused).toEqual([]);
    } finally {
      await collector.close();
    }
  }, 60_000);
});

describe("tracing on", () => {
  let collector: Awaited<ReturnType<typeof startCollector>>;
  let run: Awaited<ReturnType<typeof runProbe>>;
  beforeAll(async () => {
    collector = await startCollector({ header: ["authorization", "Bearer probe-token"] });
    run = await runProbe({
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
      OTEL_EXPORTER_OTLP_HEADERS: "authorization=Bearer%20probe-token",
      OTEL_SERVICE_NAME: "ship-or-skip-probe",
      OTEL_RESOURCE_ATTRIBUTES: "deployment.environment.name=test",
      // A batch only every minute: what arrives was sent by stopping (the SIGTERM path), not by the timer.
      OTEL_BSP_SCHEDULE_DELAY: "60000",
      NODE_ID: "probe-node",
    });
  }, 90_000);
  afterAll(async () => {
    await collector?.close();
  });

  it("exports over OTLP/HTTP with the configured headers, service name and resource, and loads the SDK only then", () => {
    expect(run.probe.started).toEqual({ endpoint: `${collector.url}/v1/traces`, protocol: "http/json" });
    expect(run.probe.registered).toEqual(expect.arrayContaining(["trace", "context", "propagation"]));
    expect(sdkPackages(run.probe.loaded)).toEqual(expect.arrayContaining(["@opentelemetry/sdk-trace-node", "@opentelemetry/exporter-trace-otlp-http"]));
    // The protobuf exporter is for the protobuf protocol only.
    expect(run.probe.loaded).not.toContain("@opentelemetry/exporter-trace-otlp-proto");
    expect(collector.refused).toEqual([]);
    const span = collector.spans.find((received) => received.name === "GET /api/tools")!;
    expect(span).toBeDefined();
    expect(span.resource).toMatchObject({ "service.name": "ship-or-skip-probe", "service.instance.id": "probe-node", "deployment.environment.name": "test" });
  });

  it("a request's span: server kind, the route pattern, its request id, no query string; its context travels as traceparent", () => {
    const span = collector.spans.find((received) => received.name === "GET /api/tools")!;
    expect(span).toMatchObject({ kind: "server", parentSpanId: "", traceId: run.probe.traceId });
    expect(span.attributes).toMatchObject({ "http.request.method": "GET", "http.route": "/api/tools", "url.path": "/api/tools", "app.request_id": "probe-request-0001", "http.response.status_code": 200 });
    expect(run.probe.headers.traceparent).toBe(`00-${span.traceId}-${span.spanId}-01`);
    expect(collector.bodies.join("\n")).not.toContain("probe-secret");
  });

  it("each job run is a span with its task, id, attempt and the request id from its payload; a line logged inside it names its trace", () => {
    const job = collector.spans.find((received) => received.name === "job probe_job")!;
    expect(job).toMatchObject({ kind: "consumer", parentSpanId: "" });
    expect(job.attributes).toEqual({ "app.job.task": "probe_job", "app.job.id": "4242", "app.job.attempt": 1, "app.request_id": "probe-request-0001" });
    const inside = run.lines.find((line) => line.msg === "inside the probe job")!;
    expect(inside).toMatchObject({ trace_id: job.traceId, span_id: job.spanId });
  });

  it("the queue's runner (lib/jobs/runner.ts) runs its tasks in those spans", () => {
    expect(run.probe.ranJob).not.toBeNull();
    const promoted = collector.spans.find((received) => received.name === "job promote_pending_votes" && received.attributes["app.request_id"] === "probe-request-0002")!;
    expect(promoted).toBeDefined();
    expect(promoted.attributes).toMatchObject({ "app.job.task": "promote_pending_votes", "app.job.id": run.probe.ranJob, "app.job.attempt": 1 });
  });
});

describe("tracing on, the default protocol", () => {
  it("without OTEL_EXPORTER_OTLP_PROTOCOL spans go as protobuf (OTLP's default), through the protobuf exporter", async () => {
    const collector = await startCollector({ protobuf: true });
    try {
      const { probe } = await runProbe({ DATABASE_URL: undefined, OTEL_EXPORTER_OTLP_ENDPOINT: `${collector.url}/` });
      expect(probe.started).toEqual({ endpoint: `${collector.url}/v1/traces`, protocol: "http/protobuf" });
      expect(probe.loaded).toContain("@opentelemetry/exporter-trace-otlp-proto");
      expect(probe.loaded).not.toContain("@opentelemetry/exporter-trace-otlp-http");
      expect(collector.refused).toEqual([]);
      const body = Buffer.concat(collector.protobufBodies);
      for (const text of ["ship-or-skip", "GET /api/tools", "app.request_id", "probe-request-0001", "job probe_job"]) expect(body.includes(text)).toBe(true);
      expect(body.includes("probe-secret")).toBe(false);
    } finally {
      await collector.close();
    }
  }, 60_000);
});
