import { z } from "zod";

/**
 * Environment, read once and validated. Values the app cannot run without are
 * checked where they are first needed (see `requireDatabaseUrl`), so that
 * `next build` works without a database.
 */

/** "<points>/<seconds>", e.g. "30/60" = 30 per minute. */
const rate = z
  .string()
  .regex(/^\d+\/\d+$/, 'a rate limit is "<points>/<seconds>", e.g. "30/60"')
  .transform((value) => {
    const [points, seconds] = value.split("/").map(Number) as [number, number];
    return { points, duration: seconds };
  });

const list = z
  .string()
  .default("")
  .transform((value) =>
    value
      .split(",")
      .map((item) => item.trim().toLowerCase())
      .filter(Boolean),
  );

const otlpProtocol = z.enum(["http/protobuf", "http/json"], {
  error: 'OTLP goes over HTTP here: "http/protobuf" (the default) or "http/json"; gRPC (port 4317) is not supported, use the collector\'s HTTP port 4318',
});

/** An http(s) URL; empty counts as unset (compose files pass `${VAR:-}`). */
const otlpUrl = z.preprocess((value) => (value === "" ? undefined : value), z.url({ protocol: /^https?$/, error: "an OTLP endpoint is an http:// or https:// URL" }).optional());

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL")
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Read replicas for public reads, comma-separated postgresql:// URLs (Prisma's read-replica extension). */
  DATABASE_REPLICA_URLS: z
    .string()
    .optional()
    .transform((value) => (value ?? "").split(",").map((url) => url.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^postgres(ql)?:\/\//, "DATABASE_REPLICA_URLS must be postgresql:// URLs"))),
  SITE_URL: z.url().default("http://localhost:3000"),

  /** SMTP URL for sign-in emails, e.g. smtp://user:pass@smtp.example.com:587. Unset in development: links go to the log. */
  EMAIL_SERVER: z.string().min(1).optional(),
  EMAIL_FROM: z.string().min(3).default("Ship or Skip <no-reply@localhost>"),
  /**
   * Without EMAIL_SERVER, print sign-in links to the server log instead of
   * sending them. On by default in development; `npm start` on the embedded
   * database turns it on too (a local run). Never on for a deployment.
   */
  EMAIL_LOG_LINKS: z.enum(["true", "false"]).optional(),
  AUTH_GITHUB_ID: z.string().min(1).optional(),
  AUTH_GITHUB_SECRET: z.string().min(1).optional(),
  /** Comma-separated emails that become ADMIN when they sign in. */
  ADMIN_EMAILS: list,

  /** When set, rate limits are kept in Redis instead of PostgreSQL. */
  REDIS_URL: z.string().regex(/^rediss?:\/\//, "REDIS_URL must be a redis:// URL").optional(),
  RATE_LIMIT_VOTES: rate.default({ points: 60, duration: 60 }),
  /** Reasons written or edited, and reports sent, per user. */
  RATE_LIMIT_REASONS: rate.default({ points: 20, duration: 3600 }),
  RATE_LIMIT_REPORTS: rate.default({ points: 20, duration: 3600 }),
  RATE_LIMIT_SUGGESTIONS: rate.default({ points: 10, duration: 86400 }),
  /** An account younger than this is new: its votes wait before they count (docs/decisions/030), its reports do not count toward hiding a reason automatically. */
  NEW_ACCOUNT_HOURS: z.coerce.number().min(0).max(24 * 365).default(24),
  /** Open reports from this many distinct established readers hide a reason until a moderator reviews it. */
  MODERATION_AUTO_HIDE_REPORTS: z.coerce.number().int().min(1).max(1000).default(3),
  /** The same reason text from this many distinct accounts is flagged to the moderation queue. */
  MODERATION_IDENTICAL_ACCOUNTS: z.coerce.number().int().min(2).max(1000).default(3),
  /** The integrity view flags a tool whose votes in the last hour reach this many ... */
  INTEGRITY_MIN_VOTES: z.coerce.number().int().min(1).max(1_000_000).default(20),
  /** ... and this many times its own hourly baseline over the week before. */
  INTEGRITY_SPIKE_RATIO: z.coerce.number().min(1).max(1000).default(5),
  /** A verdict last revised longer ago than this is marked "re-review due" and listed on /admin/stale. */
  REVIEW_DUE_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
  /** A pricing block last checked longer ago than this is marked "re-check due" and listed on /admin/stale. */
  PRICING_DUE_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** Run the job queue's workers (lib/jobs) inside `npm start`; false when `npm run worker` runs them apart. */
  JOBS_IN_PROCESS: z.enum(["true", "false"]).default("true").transform((value) => value === "true"),
  /** How many jobs one worker process runs at once. */
  JOBS_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(2),
  RATE_LIMIT_SIGNIN_EMAIL: rate.default({ points: 5, duration: 3600 }),
  RATE_LIMIT_SIGNIN_IP: rate.default({ points: 20, duration: 3600 }),
  RATE_LIMIT_NEWSLETTER_EMAIL: rate.default({ points: 3, duration: 3600 }),
  RATE_LIMIT_NEWSLETTER_IP: rate.default({ points: 10, duration: 3600 }),
  /** Backstops over every key together: sign-in emails and newsletter subscriptions across all addresses and IPs. */
  RATE_LIMIT_SIGNIN_TOTAL: rate.default({ points: 500, duration: 3600 }),
  RATE_LIMIT_NEWSLETTER_TOTAL: rate.default({ points: 200, duration: 3600 }),
  /** This app node's name in logs and in pg_stat_activity (e.g. "app-1"); the process id otherwise. */
  NODE_ID: z.string().regex(/^[\w.-]{1,40}$/, "NODE_ID is letters, digits, dots, dashes and underscores").optional(),
  /** The HTTP server (server.ts): port, interface (all when unset), and how long a client may take to send a request. */
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  HOSTNAME: z.string().min(1).max(255).optional(),
  HTTP_HEADERS_TIMEOUT_SECONDS: z.coerce.number().positive().max(600).default(10),
  HTTP_REQUEST_TIMEOUT_SECONDS: z.coerce.number().positive().max(3600).default(30),
  /** Open live streams (GET /api/live) one client address, one session and this node may hold. */
  LIVE_STREAMS_PER_IP: z.coerce.number().int().min(1).max(100_000).default(24),
  LIVE_STREAMS_PER_SESSION: z.coerce.number().int().min(1).max(1_000).default(8),
  LIVE_STREAMS_PER_NODE: z.coerce.number().int().min(1).max(1_000_000).default(2_000),
  /** The page cache (lib/page-cache): `off` renders every public page for every request. */
  PAGE_CACHE: z.enum(["on", "off"]).default("on"),
  /** Memory for cached pages per node, in MB. */
  PAGE_CACHE_MAX_MB: z.coerce.number().positive().max(4096).default(64),
  /** A cached page's longest life, in seconds: a backstop, since writes through the app drop pages at once. */
  PAGE_CACHE_TTL_SECONDS: z.coerce.number().positive().max(86_400).default(300),
  /** A page whose figures moved (votes) is re-rendered at most this often; in between it is served with figures up to this old. */
  PAGE_CACHE_FIGURE_REFRESH_MS: z.coerce.number().int().min(0).max(60_000).default(1_000),
  /** The viewer cache (lib/users/viewer-cache.ts): `off` reads the database for every GET /api/me. */
  VIEWER_CACHE: z.enum(["on", "off"]).default("on"),
  /** Memory for cached /api/me answers per node, in MB. */
  VIEWER_CACHE_MAX_MB: z.coerce.number().positive().max(1024).default(16),
  /** A cached /api/me answer's longest life, in seconds: a backstop, since the database announces every change to it. */
  VIEWER_CACHE_TTL_SECONDS: z.coerce.number().positive().max(3600).default(60),
  /** Comparison visits (lib/comparisons/visits.ts) are counted in memory and written this often, in seconds, and on shutdown. */
  PAIR_VISITS_FLUSH_SECONDS: z.coerce.number().positive().max(3600).default(15),
  /**
   * How long a shared cache in front (nginx, a CDN) may keep a signed-out
   * page from the page cache (s-maxage, and as long again stale while it
   * refreshes); 0: only this server caches. See deploy/nginx.conf, ADR 024.
   */
  SHARED_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(1),
  /** Opens the bench's baseline endpoints (never set in production). */
  BENCH_TOKEN: z.string().min(32, "BENCH_TOKEN must be at least 32 characters").optional(),
  /** Bearer token for GET /api/metrics (Prometheus); unset, the endpoint answers 404. */
  METRICS_TOKEN: z.string().min(32, "METRICS_TOKEN must be at least 32 characters").optional(),
  /** One JSON log line per request (pino); `false` keeps only refusals, errors and events. */
  LOG_REQUESTS: z.enum(["true", "false"]).default("true"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /**
   * OpenTelemetry tracing (lib/observability/tracing.ts, docs/decisions/039): on when an OTLP endpoint
   * is set, e.g. http://collector:4318 (spans go to <endpoint>/v1/traces), or the traces' own URL. The
   * SDK reads the other standard variables itself (OTEL_EXPORTER_OTLP_HEADERS, OTEL_TRACES_SAMPLER, OTEL_BSP_*, …).
   */
  OTEL_EXPORTER_OTLP_ENDPOINT: otlpUrl,
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: otlpUrl,
  /** OTLP over HTTP only: protobuf (the spec's default) or JSON; gRPC is not shipped. */
  OTEL_EXPORTER_OTLP_PROTOCOL: otlpProtocol.optional(),
  OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: otlpProtocol.optional(),
  OTEL_SERVICE_NAME: z.string().min(1).max(255).default("ship-or-skip"),
  /** The spec's off switch: `true` turns tracing off even with an endpoint set. */
  OTEL_SDK_DISABLED: z.enum(["true", "false"]).default("false"),
  /**
   * How many proxies you run in front of the app (lib/http/forwarded.ts): 0 ("false", the default)
   * trusts no client-settable header and takes the client from the TCP peer; 1 ("true") takes the
   * last X-Forwarded-For entry (the one your proxy appended); 2 the second from the right, and so on.
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^(true|false|\d)$/, 'TRUST_PROXY is "false", "true" or the number of proxies in front (0-9)')
    .default("false")
    .transform((value) => (value === "true" ? 1 : value === "false" ? 0 : Number(value))),
})
  // TRUST_PROXY stays a yes/no for the code that only asks that; TRUST_PROXY_HOPS is the count.
  .transform(({ TRUST_PROXY, ...rest }) => ({
    ...rest,
    TRUST_PROXY: TRUST_PROXY > 0,
    TRUST_PROXY_HOPS: TRUST_PROXY,
    /** Traces are exported: an OTLP endpoint is set and the SDK is not disabled. */
    TRACING: Boolean(rest.OTEL_EXPORTER_OTLP_ENDPOINT || rest.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) && rest.OTEL_SDK_DISABLED !== "true",
    /** The OTLP encoding: the traces' own setting, else the general one, else protobuf (the spec's default). */
    OTLP_TRACES_PROTOCOL: rest.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ?? rest.OTEL_EXPORTER_OTLP_PROTOCOL ?? "http/protobuf",
  }));

export type Env = z.infer<typeof schema>;

function load(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

export const env = load();

export function requireDatabaseUrl(): string {
  if (!env.DATABASE_URL) {
    throw new Error(
      "DATABASE_URL is not set. Start the app with `npm start` (it starts an embedded PostgreSQL) or set DATABASE_URL.",
    );
  }
  return env.DATABASE_URL;
}

/**
 * This server's own address, to render a page for the page cache: the origin
 * `next start` sets once it listens (read per call, since it is set after this
 * module loads), else PORT on 127.0.0.1.
 */
export function selfOrigin(): string | null {
  const origin = process.env.__NEXT_PRIVATE_ORIGIN;
  if (!origin) return process.env.PORT ? `http://127.0.0.1:${process.env.PORT}` : null;
  const url = new URL(origin);
  if (url.hostname === "localhost") url.hostname = "127.0.0.1";
  return url.origin;
}
