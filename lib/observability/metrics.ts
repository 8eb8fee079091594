import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

// No `server-only`: the front gate (server.ts) serves the registry; Next's handlers and the job workers count into it.

/**
 * The process's Prometheus metrics (prom-client), on globalThis: the gate, the
 * route handlers (bundled by Next) and the workers each import this module,
 * possibly as separate copies, and all count into the one registry the gate
 * serves at GET /api/metrics (docs/decisions/038-logs-and-metrics.md).
 * Every label has a bounded set of values.
 */
export type Metrics = ReturnType<typeof create>;

/** Sources read when Prometheus scrapes, set by whoever owns them (the gate's page cache, the live counter, the pool, the queue). */
export type GaugeSources = {
  pageCache?: () => { hits: number; stale: number; misses: number; fills: number; invalidations: number; entries: number; bytes: number } | null;
  liveStreams?: () => number;
  pool?: () => { total: number; idle: number; waiting: number } | null;
  jobs?: () => Promise<{ task: string; state: string; count: number }[]>;
};

function create() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const sources: GaugeSources = {};

  const httpDuration = new Histogram({
    name: "http_request_duration_seconds",
    help: "Time to answer a request, by route pattern, method and status.",
    labelNames: ["route", "method", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const votes = new Counter({
    name: "votes_total",
    help: "Votes cast, changed or withdrawn on this node (decision: ship, skip or withdrawn; counted: false while a new account's vote waits).",
    labelNames: ["decision", "counted"] as const,
    registers: [registry],
  });
  const emails = new Counter({
    name: "emails_total",
    help: "Emails the job workers tried to send, by kind and outcome (sent, failed: will be retried or has failed for good).",
    labelNames: ["kind", "outcome"] as const,
    registers: [registry],
  });
  new Gauge({
    name: "page_cache_events",
    help: "The page cache's counts since start: hits, stale answers, misses, fills and invalidations (a gauge of monotonic counts; use rate()).",
    labelNames: ["event"] as const,
    registers: [registry],
    collect() {
      const stats = sources.pageCache?.();
      if (!stats) return;
      for (const event of ["hits", "stale", "misses", "fills", "invalidations"] as const) this.set({ event }, stats[event]);
    },
  });
  new Gauge({
    name: "page_cache_bytes",
    help: "Bytes held by the page cache.",
    registers: [registry],
    collect() {
      const stats = sources.pageCache?.();
      if (stats) this.set(stats.bytes);
    },
  });
  new Gauge({
    name: "live_streams_open",
    help: "Server-Sent Event streams (GET /api/live) open on this node.",
    registers: [registry],
    collect() {
      if (sources.liveStreams) this.set(sources.liveStreams());
    },
  });
  new Gauge({
    name: "db_pool_connections",
    help: "The app's PostgreSQL pool: connections open, idle, and requests waiting for one.",
    labelNames: ["state"] as const,
    registers: [registry],
    collect() {
      const pool = sources.pool?.();
      if (!pool) return;
      this.set({ state: "total" }, pool.total);
      this.set({ state: "idle" }, pool.idle);
      this.set({ state: "waiting" }, pool.waiting);
    },
  });
  new Gauge({
    name: "jobs",
    help: "Jobs in the queue by task and state (queued, retrying, running, failed for good).",
    labelNames: ["task", "state"] as const,
    registers: [registry],
    async collect() {
      if (!sources.jobs) return;
      this.reset();
      for (const row of await sources.jobs()) this.set({ task: row.task, state: row.state }, row.count);
    },
  });
  return { registry, httpDuration, votes, emails, sources };
}

const KEY = Symbol.for("ship-or-skip.metrics");
const globalForMetrics = globalThis as unknown as Record<typeof KEY, Metrics | undefined>;

export function metrics(): Metrics {
  globalForMetrics[KEY] ??= create();
  return globalForMetrics[KEY];
}

/**
 * The route pattern of a path, for the `route` label: bounded whatever
 * clients send (a slug becomes `[slug]`; anything unknown is `other`).
 */
const ROUTES: [RegExp, string][] = [
  [/^\/$/, "/"],
  [/^\/_next\/static\//, "/_next/static"],
  [/^\/_next\/image/, "/_next/image"],
  [/^\/logos\/[^/]+$/, "/logos/[file]"],
  [/^\/tools\/?$/, "/tools"],
  [/^\/tools\/[^/]+\/reasons\/?$/, "/tools/[slug]/reasons"],
  [/^\/tools\/[^/]+\/alternatives\/?$/, "/tools/[slug]/alternatives"],
  [/^\/tools\/[^/]+\/history\/[^/]+\/?$/, "/tools/[slug]/history/[reviewer]"],
  [/^\/tools\/[^/]+\/opengraph-image/, "/tools/[slug]/opengraph-image"],
  [/^\/tools\/[^/]+\/?$/, "/tools/[slug]"],
  [/^\/compare\/?$/, "/compare"],
  [/^\/compare\/[^/]+\/opengraph-image/, "/compare/[slug]/opengraph-image"],
  [/^\/compare\/[^/]+\/?$/, "/compare/[slug]"],
  [/^\/reviewers\/?$/, "/reviewers"],
  [/^\/reviewers\/[^/]+\/?$/, "/reviewers/[slug]"],
  [/^\/api\/tools\/?$/, "/api/tools"],
  [/^\/api\/tools\/[^/]+\/(vote|follow|reasons|history|badge\.svg)\/?$/, "/api/tools/[slug]/$1"],
  [/^\/api\/tools\/[^/]+\/?$/, "/api/tools/[slug]"],
  [/^\/api\/reasons\/[^/]+\/(helpful|report)\/?$/, "/api/reasons/[id]/$1"],
  [/^\/api\/comparisons\/[^/]+\/?$/, "/api/comparisons/[slug]"],
  [/^\/api\/auth\//, "/api/auth"],
  [/^\/api\/(live|me|account|account\/export|newsletter|newsletter\/unsubscribe|health|health\/live|metrics|openapi\.json|docs|docs\/rapidoc\.js|admin\/newsletter\/subscribers\.csv|follows\/unfollow)\/?$/, "/api/$1"],
  [/^\/admin(\/(?:tools|comparisons|verdicts|reviewers|users|audit|newsletter|moderation|integrity|stale|jobs))?(?:\/|$)/, "/admin$1"],
  [/^\/(about|methodology|privacy|account|account\/deleted|signin|signin\/check-email|newsletter\/confirm|newsletter\/unsubscribe|follows\/unfollow|feed\.xml|sitemap\.xml|robots\.txt|manifest\.webmanifest|favicon\.ico|icon\/(?:32|192|512)|apple-icon|opengraph-image)\/?$/, "/$1"],
];

export function routeLabel(pathname: string): string {
  for (const [pattern, label] of ROUTES) {
    const match = pattern.exec(pathname);
    if (match) return label.replace(/\$(\d)/g, (_, index: string) => match[Number(index)] ?? "");
  }
  return "other";
}
