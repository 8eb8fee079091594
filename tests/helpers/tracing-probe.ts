/**
 * Run by tests/integration/tracing.test.ts in a process of its own (`node
 * --import tsx`), with the environment the test chooses: goes through what a
 * node does with tracing — starts it, opens a request's span, runs a job (the
 * real runner when DATABASE_URL is set, and a task of its own that logs a
 * line), stops it — then prints, as its last line, what it saw and which
 * OpenTelemetry packages the process loaded.
 */
import { createRequire } from "node:module";
import type { IncomingMessage } from "node:http";

const { startTracing, startRequestSpan, stopTracing, traceHeaders, traceTasks } = await import("../../lib/observability/tracing");
const { log } = await import("../../lib/observability/log");
const { metrics } = await import("../../lib/observability/metrics");
metrics(); // as in a node: prom-client, which loads @opentelemetry/api for its exemplars

const started = await startTracing();

// A request's span, as the front gate opens one.
const request = { method: "GET", url: "/api/tools?token=probe-secret", headers: {} } as unknown as IncomingMessage;
const span = startRequestSpan(request, "probe-request-0001");
let headers: Record<string, string> = {};
span?.run(() => (headers = traceHeaders()));
span?.end(200);

// A job of the probe's own that writes a log line, wrapped as the runner wraps the queue's tasks.
const probe = async () => void log().info({ probe: true }, "inside the probe job");
const tasks = { probe_job: probe };
const traced = traceTasks(tasks);
await traced.probe_job!({ requestId: "probe-request-0001" }, { job: { id: "4242", attempts: 1 } } as never);

// The real runner (lib/jobs/runner.ts) on the test's database, running one job that names the request that queued it.
let ranJob: string | null = null;
if (process.env.DATABASE_URL) {
  const { createPrismaClient } = await import("../../lib/db/client");
  const { startJobRunner } = await import("../../lib/jobs/runner");
  const client = createPrismaClient(process.env.DATABASE_URL, { poolSize: 2 });
  const runner = await startJobRunner({ connectionString: process.env.DATABASE_URL, client, concurrency: 1, newAccountHours: 24 });
  const done = new Promise<string>((resolve) => runner.events.on("job:success", ({ job }) => job.task_identifier === "promote_pending_votes" && resolve(job.id)));
  const job = await runner.addJob("promote_pending_votes", { requestId: "probe-request-0002" });
  ranJob = job.id;
  await done;
  await runner.stop();
  await client.$disconnect();
}

// What SIGTERM does: the spans still waiting are sent before the process ends.
await stopTracing();

const loaded = [...new Set(Object.keys(createRequire(import.meta.url).cache).map((file) => /node_modules\/(@opentelemetry\/[^/]+)\//.exec(file)?.[1]).filter(Boolean))].sort();
const registered = Object.keys((globalThis as Record<symbol, Record<string, unknown> | undefined>)[Symbol.for("opentelemetry.js.api.1")] ?? {}).filter((key) => key !== "version");
console.log(
  JSON.stringify({
    tracingProbe: { started, requestSpan: span !== null, traceId: span?.ids?.trace_id ?? null, headers, tasksUnchanged: traced === tasks, ranJob, loaded, registered },
  }),
);
process.exit(0);
