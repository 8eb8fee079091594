/**
 * npm run worker: the job queue's workers and scheduler alone (lib/jobs,
 * docs/decisions/031), for a deployment that runs them apart from the site's
 * nodes (set JOBS_IN_PROCESS=false there). Needs DATABASE_URL, migrated
 * (`npm run db:migrate`). Any number may run: each job runs once, each
 * schedule tick on one of them. SIGTERM / SIGINT: finishes the jobs in flight, then exits.
 */
import { startWorkers } from "../lib/jobs/process";
import { startTracing, stopTracing } from "../lib/observability/tracing";

if (!process.env.DATABASE_URL) {
  console.error("✖ DATABASE_URL is not set: point it at the site's (migrated) database.");
  process.exit(1);
}

// With OTEL_EXPORTER_OTLP_ENDPOINT set, each job run is a span (`job <task>`); unset, nothing of OpenTelemetry loads.
const tracing = await startTracing();
const workers = await startWorkers();
console.log("▸ Job workers running (promote_pending_votes every minute, snapshot_tool_figures daily at 23:55 UTC)");
if (tracing) console.log(`▸ Traces to ${tracing.endpoint} (OTLP ${tracing.protocol})`);
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    // The jobs in flight finish (their spans end), then the spans still waiting are sent.
    void workers
      .stop()
      .finally(() => stopTracing())
      .finally(() => process.exit(0));
  });
}
await workers.runner.promise;
