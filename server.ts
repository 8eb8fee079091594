/**
 * The app's HTTP server: Next.js behind the front gate (lib/http/gate.ts).
 * `npm start` runs it (scripts/start.ts); so do the tests and the bench.
 *
 * Next's own `next start` answers a bare 500 to requests it cannot parse
 * (TRACE, `OPTIONS *`, a path that does not decode) and gives a client 300 s
 * to send its request; this server refuses those at the door in the site's
 * shape, bounds how long a request may take to arrive, and gives Next's own
 * bare error answers the site's shape. See docs/decisions/020-a-front-gate-before-next.md.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { GateOptions } from "@/lib/http/gate";

const dev = process.argv.includes("--dev");
// Before anything reads it: lib/env validates NODE_ENV on import, React picks its build from it.
(process.env as Record<string, string | undefined>).NODE_ENV ??= dev ? "development" : "production";
const { default: next } = await import("next");
const { env } = await import("@/lib/env");
const { log } = await import("@/lib/observability/log");
// Before Next starts: with OTEL_EXPORTER_OTLP_ENDPOINT set, this process's tracer provider (Next's own spans
// report to it); unset, nothing of OpenTelemetry is loaded (lib/observability/tracing.ts).
const { startTracing, stopTracing, untraced } = await import("@/lib/observability/tracing");
const tracing = await startTracing();
const { answerClientError, dropUntrustedForwarding, inspect, lingerAfterAnswer, refuse, rememberTarget, shapeErrors } = await import("@/lib/http/gate");
const { PEER_HEADER, sealPeer } = await import("@/lib/http/peer");

const root = import.meta.dirname;
const port = env.PORT;
const hostname = env.HOSTNAME;
const options: GateOptions = { trustProxy: env.TRUST_PROXY, https: env.NODE_ENV === "production" && env.SITE_URL.startsWith("https:") };

// The page cache renders misses through this same server: tell it where that is.
const selfHost = !hostname || hostname === "0.0.0.0" || hostname === "::" ? "127.0.0.1" : hostname.includes(":") ? `[${hostname}]` : hostname;
process.env.__NEXT_PRIVATE_ORIGIN = `http://${selfHost}:${port}`;

// This process's requests are stamped with their peer here (instrumentation.ts need not).
(globalThis as Record<symbol, unknown>)[Symbol.for("ship-or-skip.gate")] = true;
// Next's start-up is not a trace (requests are: lib/observability/gate.ts).
const app = untraced(() => next({ dev, dir: root, hostname: selfHost, port }));
await untraced(() => app.prepare());
const handle = app.getRequestHandler();
// After Next is prepared: these reach modules that expect Next's server environment (its AsyncLocalStorage).
const { frontRefusal } = await import("@/lib/http/front");
const { ownsItsPolicy, secureAsset, secureForApp } = await import("@/lib/http/secure");
const { answerFromPageCache, FILL_NONCE, isCacheFill } = await import("@/lib/page-cache/serve");
const { answerViewer, markPersonalWrite } = await import("@/lib/users/viewer");
const { answerVote } = await import("@/lib/votes/gate");
const { answerMetrics, observeRequest, wireMetricSources } = await import("@/lib/observability/gate");
const { countComparisonVisit, flushPairVisits } = await import("@/lib/comparisons/visits");
wireMetricSources();

// Its id, its span when traced, and once answered its log line and duration (lib/observability): refused requests included.
const serve = (request: IncomingMessage, response: ServerResponse) => observeRequest(request, response, () => admit(request, response));

const admit = (request: IncomingMessage, response: ServerResponse) => {
  rememberTarget(request);
  lingerAfterAnswer(request, response);
  const refusal = inspect(request);
  if (refusal) return refuse(request, response, refusal, options);
  // A client that waits for "100 Continue" before sending its body is told to go on only once the gate let it in.
  if (/100-continue/i.test(String(request.headers.expect ?? ""))) response.writeContinue();
  dropUntrustedForwarding(request.headers, options);
  // An HTTP/1.0 request may come without Host (Node refuses an HTTP/1.1 one): it asked this server, so name it,
  // as code that builds absolute URLs from Host (Auth.js's sign-out action) needs one.
  request.headers.host ??= `${selfHost}:${port}`;
  // The TCP peer, sealed for this process (lib/http/peer.ts): per-IP limits read it, never a client's header.
  request.headers[PEER_HEADER] = sealPeer(request.socket.remoteAddress ?? "");
  shapeErrors(request, response, options);
  const closed = frontRefusal(request);
  if (closed) return refuse(request, response, closed, options);
  // Readers' visits of comparison pages, counted per pair (lib/comparisons/visits.ts); the cache's own renders are not visits.
  if (!isCacheFill(request)) countComparisonVisit(request, response);
  answer(request, response).catch((error: unknown) => {
    log().error({ err: error, requestId: request.headers["x-request-id"] }, "request failed");
    if (!response.headersSent) response.writeHead(500);
    response.end();
  });
};

/**
 * A public page from the page cache (lib/page-cache/serve.ts), a page's
 * personal request, GET /api/me (lib/users/viewer.ts, docs/decisions/026 and 044),
 * and a vote, PUT or DELETE /api/tools/:slug/vote (lib/votes/gate.ts, docs/decisions/046),
 * written here — Next's proxy does not see them, so a check every request
 * needs belongs in this gate —; everything else to Next, with a nonce of its own in the security headers
 * (the cache's own renders get its fill nonce; a logo, which sets its own policy, none: lib/http/secure.ts),
 * and a signed-in browser's write renews its personal-write mark (the viewer cache's key).
 */
async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (isCacheFill(request)) secureForApp(request, response, FILL_NONCE);
  else if (await answerMetrics(request, response)) return;
  else if (await answerFromPageCache(request, response)) return;
  else if (await answerViewer(request, response)) return;
  else if (await answerVote(request, response)) return;
  else if (ownsItsPolicy(request.url)) secureAsset(response);
  else secureForApp(request, response);
  markPersonalWrite(request, response);
  await handle(request, response);
}
const server = createServer(
  {
    maxHeaderSize: 16 * 1024,
    headersTimeout: env.HTTP_HEADERS_TIMEOUT_SECONDS * 1000,
    requestTimeout: env.HTTP_REQUEST_TIMEOUT_SECONDS * 1000,
    // Node looks for connections past those limits this often (30 s by default, longer than the limits themselves).
    connectionsCheckingInterval: 1000,
  },
  serve,
);
server.on("checkContinue", serve);
server.on("clientError", (error, socket) => answerClientError(error, socket, options));
// CONNECT asks this server to be a tunnel: it is not one.
server.on("connect", (request, socket) => answerClientError(Object.assign(new Error("CONNECT"), { code: "CONNECT_REFUSED" }), socket, options));

// Loaded before listening: from `listen` to the signal handlers below nothing awaits, so a SIGTERM
// that comes as soon as the server answers finds them (Next's own handler, lib/health/shutdown.ts, does not exit).
const { superviseWorkers } = await import("@/lib/jobs/process");

server.listen(port, hostname, () => {
  console.log(`▸ Ready on http://${selfHost}:${port}${hostname ? "" : " (every interface)"}`);
  if (tracing) console.log(`▸ Traces to ${tracing.endpoint} (OTLP ${tracing.protocol})`);
});

// The job queue's workers and schedule (lib/jobs, docs/decisions/031), in this process unless `npm run worker` runs them apart.
const workers = env.JOBS_IN_PROCESS ? superviseWorkers() : null;

/**
 * SIGTERM / SIGINT: stop taking connections and let requests in flight finish
 * (the live streams end by themselves: lib/health/shutdown.ts), then close
 * Next and the workers, send the spans still waiting (at most 5 s) and exit;
 * a request that still hangs after 10 s is cut.
 */
let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), 10_000).unref();
    server.close(() => {
      void Promise.all([app.close(), workers?.stop(), flushPairVisits()])
        .finally(() => stopTracing())
        .finally(() => process.exit(signal === "SIGTERM" ? 143 : 130));
    });
    server.closeIdleConnections();
  });
}
