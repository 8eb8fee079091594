/**
 * `npm run bench`: builds and starts the production server on its own
 * database and measures it with wrk (Debian's package, a C load generator:
 * every GET) and autocannon (votes, whose requests differ each time, and the
 * fixed-rate votes; every GET too when wrk is not installed — then large
 * pages measure autocannon, ~100 MB/s here). Every figure is printed beside a
 * baseline measured in the same run, so the ratios hold on a noisy machine.
 * Results are also written to bench/results/<time>.json.
 *
 * 0. Ceilings, in the same run: a bare Next.js app of the same version
 *    (bench/bare-next: a static page and a trivial route handler, `next
 *    start`), and later the vote's own transaction through plain `pg`. The
 *    goals of issue 15 are ratios to these (printed first in the report).
 * 1. Pages (GET, 50 connections): the comparison, tool and directory pages as
 *    signed-out readers get them (from the page cache) against a minimal
 *    dynamic page reading one row and a static page, all in the same server.
 *    Goals: ≥ 1.0 × the dynamic baseline; p99 ≤ 100 ms. Then the comparison
 *    as a signed-in reader gets it: the cached HTML, GET /api/me, and the two
 *    together (a whole view); through nginx's one-second microcache
 *    (deploy/nginx.conf, when nginx is installed) in front of the app; and
 *    rendered, on a node with PAGE_CACHE=off.
 * 2. Votes: PUT /api/tools/:slug/vote through the real handler (session,
 *    origin check, validation, rate limit, transaction), spread over all tools
 *    and on one hot tool, against a minimal handler running the same
 *    transaction, and the same transaction through plain pg. Goals: see the report.
 *    Then the cached comparison while 50 votes/s arrive on its tools, and
 *    the CPU ms per render of each page on a node without the page cache.
 * 3. Live: a second node, BENCH_STREAMS (1,000) open SSE streams on it, votes
 *    through the first node; vote → event latency over every stream. Goal: p99 < 1 s.
 *    Then vote → a signed-out reader's next load of the cached comparison page
 *    on the second node shows it. Goal: < 1.5 s (ADR 021). Peak RSS of both nodes.
 * 4. Scale: 1,000,000 votes in the table; the comparison page's p50 against
 *    the same page with 0 votes, rendered (PAGE_CACHE=off: the data's cost). Goal:
 *    ≤ 1.1 ×. The cached page is measured too, for the record.
 *
 * Options (env): BENCH_SECONDS (default 10), BENCH_CONNECTIONS (50),
 * BENCH_USERS (500), BENCH_STREAMS (1000), BENCH_BULK_VOTES (1000000),
 * DATABASE_URL (else an embedded PostgreSQL).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { withAdminClient, withDatabase } from "./db/connection";
import { createPrismaClient } from "../lib/db/client";
import { embeddedPort, openDatabase } from "./db/setup";
import { readSse } from "../tests/helpers/sse";
import { findCounterDrift } from "../lib/stats/reconcile";
import { seed } from "../prisma/seed";
import { fromDecisionJson } from "../lib/scores/decision";
import { voteStatement } from "../lib/votes/statements";
import { buildIsCurrent, freePort, nextBin, root, runNext, serverArgs } from "./lib/next";
import { nginxBinary, startNginx } from "./lib/nginx";
import { cpuMs } from "./lib/proc";
import { runWrk, wrkBinary } from "./lib/wrk";

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const userCount = Number(process.env.BENCH_USERS ?? 500);

type Figure = { name: string; requests: number; rps: number; p50: number; p99: number; errors: number; non2xx: number };

type CannonOptions = { connections?: number; overallRate?: number; duration?: number; autocannon?: boolean };

type Planned = { method: "PUT" | "GET"; path: string; headers: Record<string, string>; body?: string };

/** What measures GETs: wrk when installed (autocannon, one Node process, caps large pages at ~100 MB/s), else autocannon. */
const GENERATOR = wrkBinary() ? "wrk" : "autocannon";
/** Requests planned ahead for wrk: a sample of `setup`'s plans, sent in turn. */
const WRK_PLANS = 2_000;

/**
 * Runs the load: GETs through wrk when it is installed (`setup`'s plans
 * sampled ahead and sent in turn), else — and for votes, whose plans must
 * change each time, and for a fixed rate — autocannon. `setup` plans each
 * request, or a list plans a sequence each connection repeats (a whole view:
 * page, then its personal request).
 */
async function runCannon(url: string, setup: (() => Planned) | (() => Planned)[], title: string, options: CannonOptions = {}): Promise<Figure> {
  const sequence = Array.isArray(setup) ? setup : [setup];
  if (GENERATOR === "wrk" && !options.autocannon && !options.overallRate) {
    // One round first: a sequence that is not all GETs (votes) goes to autocannon without planning 2,000 of them.
    const plans: Planned[] = sequence.map((plan) => plan());
    if (plans.every((plan) => plan.method === "GET")) {
      while (plans.length < WRK_PLANS) for (const plan of sequence) plans.push(plan());
      return runWrk(`${url}/`, title, { connections: options.connections ?? connections, seconds: options.duration ?? seconds, requests: plans });
    }
  }
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: options.connections ?? connections,
        duration: options.duration ?? seconds,
        ...(options.overallRate ? { overallRate: options.overallRate } : {}),
        requests: sequence.map((plan) => ({ setupRequest: (request: object) => ({ ...request, ...plan() }) })),
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          name: title,
          requests: result.requests.total,
          rps: Math.round(result.requests.average),
          p50: result.latency.p50,
          p99: result.latency.p99,
          errors: result.errors + result.timeouts,
          non2xx: result.non2xx,
        });
      },
    );
    instance.on("error", reject);
  });
}

const streamCount = Number(process.env.BENCH_STREAMS ?? 1000);
/** Issue 15: halve the comparison's render CPU, measured at 29–36 ms per render before the work began. */
const RENDER_GOAL_MS = 16;
const PRODUCTION_NODE_OPTIONS = "--max-old-space-size=512";
const bulkVotes = Number(process.env.BENCH_BULK_VOTES ?? 1_000_000);

type Server = { origin: string; process: ChildProcess };

async function startServer(env: NodeJS.ProcessEnv, nodeId: string): Promise<Server> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...(env.BENCH_NODE_ARGS ? env.BENCH_NODE_ARGS.split(" ") : []), ...serverArgs()], {
    cwd: root,
    env: { ...env, PORT: String(port), HOSTNAME: "127.0.0.1", NODE_ID: nodeId, AUTH_URL: env.AUTH_URL ?? origin, SITE_URL: env.SITE_URL ?? origin },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; ; i++) {
    if (await fetch(`${origin}/api/health/live`).then((r) => r.ok, () => false)) break;
    if (i > 300) throw new Error(`node ${nodeId} did not start`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { origin, process: child };
}

function stopServer(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    if (server.process.exitCode !== null || server.process.signalCode !== null) return resolve();
    const timer = setTimeout(() => (server.process.kill("SIGKILL"), resolve()), 5_000);
    server.process.once("exit", () => (clearTimeout(timer), resolve()));
    server.process.kill("SIGTERM");
  });
}

/** Peak resident memory (VmHWM) of a process and its descendants, in MB. */
function peakRssMb(pid: number | undefined): number {
  if (!pid) return 0;
  let kb = 0;
  const visit = (id: number) => {
    try {
      const status = readFileSync(`/proc/${id}/status`, "utf8");
      kb += Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      for (const task of readdirSync(`/proc/${id}/task`)) {
        const children = readFileSync(`/proc/${id}/task/${task}/children`, "utf8").trim();
        for (const child of children ? children.split(/\s+/) : []) visit(Number(child));
      }
    } catch {
      // The process ended, or /proc is not there (not Linux).
    }
  };
  visit(pid);
  return Math.round(kb / 1024);
}

const BARE_APP = path.join(root, "bench/bare-next");

/** A bare Next.js app of the same version (bench/bare-next), built if needed and served by plain `next start`. */
async function startBareNext(env: NodeJS.ProcessEnv): Promise<Server> {
  const bareEnv: NodeJS.ProcessEnv = { ...env, NODE_ENV: "production" };
  const buildId = path.join(BARE_APP, ".next/BUILD_ID");
  const sources = readdirSync(path.join(BARE_APP, "app"), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  const stale = !existsSync(buildId) || sources.some((entry) => statSync(path.join(entry.parentPath, entry.name)).mtimeMs > statSync(buildId).mtimeMs);
  if (stale) {
    console.log("▸ Building the bare Next.js app (bench/bare-next)");
    if ((await runNext(["build", BARE_APP], { ...bareEnv, DATABASE_URL: "" })) !== 0) throw new Error("bare app build failed");
  }
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [nextBin, "start", BARE_APP, "-p", String(port), "-H", "127.0.0.1"], { cwd: root, env: bareEnv, stdio: ["ignore", "ignore", "inherit"] });
  for (let i = 0; ; i++) {
    if (await fetch(`${origin}/api/ping`).then((r) => r.ok, () => false)) break;
    if (i > 300) throw new Error("the bare Next.js app did not start");
    await new Promise((r) => setTimeout(r, 100));
  }
  return { origin, process: child };
}

/**
 * The vote's own statement (lib/votes/statements.ts, the cast_vote function:
 * lock, write, counters and announcement in one transaction) through plain
 * `pg`, no framework, on a pool as large as the app's, from `connections`
 * concurrent clients. The database's ceiling.
 */
async function plainPgVotes(url: string, users: { id: string }[], slug: () => string, title: string, poolSize: number): Promise<Figure> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  const latencies: number[] = [];
  let n = 0;
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  const one = async () => {
    const user = users[Math.floor(Math.random() * users.length)]!;
    const started = performance.now();
    try {
      const { rows } = await pool.query(voteStatement(user.id, slug(), fromDecisionJson(n++ % 2 ? "ship" : "skip")));
      if (rows.length !== 1) throw new Error("no such tool");
      latencies.push(performance.now() - started);
    } catch {
      errors += 1;
    }
  };
  await Promise.all(Array.from({ length: connections }, async () => {
    while (performance.now() < until) await one();
  }));
  await pool.end();
  latencies.sort((a, b) => a - b);
  return { name: title, requests: latencies.length, rps: Math.round(latencies.length / seconds), p50: Math.round(quantile(latencies, 0.5)), p99: Math.round(quantile(latencies, 0.99)), errors, non2xx: 0 };
}

const quantile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN);

/** Opens `count` SSE streams on one tool and records when each event arrives. */
async function openStreams(origin: string, slug: string, count: number) {
  const arrivals: { total: number; at: number }[][] = Array.from({ length: count }, () => []);
  const abort = new AbortController();
  await Promise.all(
    arrivals.map(async (list) => {
      const response = await fetch(`${origin}/api/live?tools=${slug}`, { signal: abort.signal });
      let first: () => void = () => {};
      const ready = new Promise<void>((resolve) => (first = resolve));
      void readSse(response.body!, (message) => {
        if (message.event !== "stats") return;
        list.push({ total: (JSON.parse(message.data) as { communityTotal: number }).communityTotal, at: performance.now() });
        first();
      });
      await ready;
    }),
  );
  return { arrivals, close: () => abort.abort() };
}

function printTable(rows: string[][]) {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  console.log("\n" + rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ")).join("\n"));
}

async function main() {
  const prefix = `sos_bench_${process.pid}`;
  const database = await openDatabase({
    databaseUrl: process.env.DATABASE_URL ? withDatabase(process.env.DATABASE_URL, prefix) : undefined,
    embedded: { dataDir: path.join(root, ".data/bench-postgres"), port: embeddedPort(process.env.EMBEDDED_PG_BENCH_PORT, 54349), database: prefix, ephemeral: true },
  });
  const client = createPrismaClient(database.url, { poolSize: 4 });
  const servers: Server[] = [];
  try {
    await seed(client);
    const tools = (await client.tool.findMany({ where: { archivedAt: null }, select: { slug: true } })).map((t) => t.slug);
    console.log(`▸ Creating ${userCount} signed-in users`);
    const users: { id: string; cookie: string }[] = [];
    for (let i = 0; i < userCount; i++) {
      // A month old: their votes count at once (a new account's wait, ADR 030, is not what the bench measures).
      const user = await client.user.create({ data: { email: `bench-${i}-${Date.now()}@example.test`, createdAt: new Date(Date.now() - 30 * 86_400_000) } });
      const sessionToken = randomBytes(32).toString("hex");
      await client.session.create({ data: { sessionToken, userId: user.id, expires: new Date(Date.now() + 86_400_000) } });
      users.push({ id: user.id, cookie: `authjs.session-token=${sessionToken}` });
    }

    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: database.url, NEXT_TELEMETRY_DISABLED: "1" };
    if (!buildIsCurrent()) {
      console.log("▸ Building");
      if ((await runNext(["build"], env)) !== 0) throw new Error("build failed");
    }
    const token = randomBytes(24).toString("hex");
    const serverEnv: NodeJS.ProcessEnv = {
      ...env,
      NODE_ENV: "production",
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      BENCH_TOKEN: token,
      // The limiter still runs on every request; the bench must not be throttled by it.
      RATE_LIMIT_VOTES: "100000000/60",
      // Every stream below comes from this one address: the per-IP stream cap is the bench's to lift.
      LIVE_STREAMS_PER_IP: String(streamCount + 100),
      // The production heap cap (Dockerfile, docker-compose.yml), so RSS is measured as deployed.
      NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS ?? PRODUCTION_NODE_OPTIONS,
    };
    // ---- 0. The ceilings: a bare Next.js app of the same version, alone on the machine while measured
    console.log(`▸ Ceilings: a bare Next.js app (bench/bare-next), ${seconds} s each at ${connections} connections`);
    const bare = await startBareNext(env);
    servers.push(bare);
    const getAny = (pathname: string) => () => ({ method: "GET" as const, path: pathname, headers: {} });
    await runCannon(bare.origin, getAny("/"), "warm-up");
    await runCannon(bare.origin, getAny("/api/ping"), "warm-up");
    const bareStatic = await runCannon(bare.origin, getAny("/"), "bare Next.js: static page");
    const bareHandler = await runCannon(bare.origin, getAny("/api/ping"), "bare Next.js: trivial route handler");
    // Votes are sent by autocannon (each plan differs); their ratios are to handlers asked by autocannon too.
    const bareHandlerCannon = GENERATOR === "wrk" ? await runCannon(bare.origin, getAny("/api/ping"), "bare Next.js: trivial route handler (autocannon)", { autocannon: true }) : bareHandler;
    for (const figure of new Set([bareStatic, bareHandler, bareHandlerCannon])) console.log(`  ${figure.name}: ${figure.rps} req/s, p50 ${figure.p50} ms, p99 ${figure.p99} ms`);
    // The same static page with a browser's Accept-Encoding (wrk), beside nginx's cache asked the same way below.
    const wrk = GENERATOR === "wrk";
    const BROWSER_HEADERS = { "accept-encoding": "gzip, deflate, br" };
    const bareStaticEncoded = wrk ? await runWrk(`${bare.origin}/`, "bare Next.js: static page, Accept-Encoding as a browser sends it", { connections, seconds, headers: BROWSER_HEADERS }) : null;
    if (bareStaticEncoded) console.log(`  ${bareStaticEncoded.name}: ${bareStaticEncoded.rps} req/s, p50 ${bareStaticEncoded.p50} ms, p99 ${bareStaticEncoded.p99} ms`);
    // The floor of a render: the bare app's dynamic page (no data, no CSS), one request at a time, CPU per answer.
    await runCannon(bare.origin, getAny("/dynamic"), "warm-up", { connections: 1, duration: 2 });
    const bareCpuBefore = cpuMs(bare.process.pid);
    const bareDynamic = await runCannon(bare.origin, getAny("/dynamic"), "bare Next.js: dynamic page", { connections: 1, duration: Math.max(3, Math.round(seconds / 2)) });
    const bareRenderCpuMs = Math.round(((cpuMs(bare.process.pid) - bareCpuBefore) / Math.max(1, bareDynamic.requests)) * 10) / 10;
    console.log(`  bare Next.js: dynamic page: ${bareRenderCpuMs} CPU ms per render, p50 ${bareDynamic.p50} ms over ${bareDynamic.requests} renders`);
    await stopServer(bare);

    const nodeA = await startServer(serverEnv, "bench-a");
    servers.push(nodeA);
    const origin = nodeA.origin;

    const pick = <T,>(list: T[]) => list[Math.floor(Math.random() * list.length)]!;

    // ---- 1. Pages, with no votes in the table
    const COMPARISON = "/compare/claude-4-sonnet-vs-smolvlm2-2b";
    const get = (pathname: string) => () => ({ method: "GET" as const, path: pathname, headers: {} });
    console.log(`▸ Pages: warming up, then ${seconds} s each at ${connections} connections`);
    for (const pathname of ["/bench/static", "/bench/dynamic", "/api/health/live", COMPARISON, "/tools/claude-4-sonnet", "/tools"]) {
      const response = await fetch(`${origin}${pathname}`);
      if (!response.ok) throw new Error(`${pathname} answered ${response.status}`);
      await runCannon(origin, get(pathname), "warm-up");
    }
    const pages: Figure[] = [];
    for (const [name, pathname] of [
      ["baseline: static page", "/bench/static"],
      ["baseline: dynamic page, one row", "/bench/dynamic"],
      ["trivial route handler (/api/health/live)", "/api/health/live"],
      ["comparison page", COMPARISON],
      ["tool page", "/tools/claude-4-sonnet"],
      ["directory page", "/tools"],
    ] as const) {
      const figure = await runCannon(origin, get(pathname), name);
      pages.push(figure);
      console.log(`  ${name}: ${figure.rps} req/s, p50 ${figure.p50} ms, p99 ${figure.p99} ms`);
    }
    const [staticPage, dynamicPage, trivialHandler, comparisonPage, toolPage, directoryPage] = pages as [Figure, Figure, Figure, Figure, Figure, Figure];
    const trivialHandlerCannon = GENERATOR === "wrk" ? await runCannon(origin, get("/api/health/live"), "trivial route handler (autocannon)", { autocannon: true }) : trivialHandler;
    if (trivialHandlerCannon !== trivialHandler) console.log(`  ${trivialHandlerCannon.name}: ${trivialHandlerCannon.rps} req/s, p50 ${trivialHandlerCannon.p50} ms, p99 ${trivialHandlerCannon.p99} ms`);
    // A signed-in reader gets the same cached page (ADR 022), then asks GET /api/me for what is theirs.
    const signedIn = (pathname: string) => () => ({ method: "GET" as const, path: pathname, headers: { cookie: pick(users).cookie } });
    await runCannon(origin, signedIn(COMPARISON), "warm-up");
    const comparisonSignedIn = await runCannon(origin, signedIn(COMPARISON), "comparison page, signed in (HTML)");
    const personal = await runCannon(origin, signedIn("/api/me"), "GET /api/me (the personal request)");
    const view = await runCannon(origin, [signedIn(COMPARISON), signedIn("/api/me")], "comparison, signed-in view (page + /api/me)");
    // A view is two requests: views per second are half the requests.
    const signedInView: Figure = { ...view, rps: Math.round(view.rps / 2) };
    for (const figure of [comparisonSignedIn, personal, signedInView]) console.log(`  ${figure.name}: ${figure.rps} ${figure === signedInView ? "views" : "req"}/s, p50 ${figure.p50} ms, p99 ${figure.p99} ms`);

    // The moonshot: the comparison through nginx's one-second microcache (deploy/nginx.conf) in front of node A.
    let throughNginx: Figure | null = null;
    let throughNginxEncoded: Figure | null = null;
    if (nginxBinary()) {
      const nginx = await startNginx([origin]);
      try {
        await runCannon(nginx.origin, get(COMPARISON), "warm-up");
        throughNginx = await runCannon(nginx.origin, get(COMPARISON), "comparison page through nginx's microcache");
        console.log(`  ${throughNginx.name}: ${throughNginx.rps} req/s, p50 ${throughNginx.p50} ms, p99 ${throughNginx.p99} ms`);
        if (wrk) {
          throughNginxEncoded = await runWrk(`${nginx.origin}${COMPARISON}`, "comparison page through nginx's microcache, Accept-Encoding as a browser sends it", { connections, seconds, headers: BROWSER_HEADERS });
          console.log(`  ${throughNginxEncoded.name}: ${throughNginxEncoded.rps} req/s, p50 ${throughNginxEncoded.p50} ms, p99 ${throughNginxEncoded.p99} ms`);
        }
      } finally {
        await nginx.stop();
      }
    } else {
      console.log("  (nginx is not installed: the microcache figure is not measured)");
    }

    // Renders: a node without the page cache answers every request with a render (the cost of a miss).
    const nodeC = await startServer({ ...serverEnv, PAGE_CACHE: "off" }, "bench-c");
    servers.push(nodeC);
    await runCannon(nodeC.origin, get(COMPARISON), "warm-up");
    const comparisonRendered = await runCannon(nodeC.origin, get(COMPARISON), "comparison page, rendered (PAGE_CACHE=off)");
    console.log(`  ${comparisonRendered.name}: ${comparisonRendered.rps} req/s, p50 ${comparisonRendered.p50} ms, p99 ${comparisonRendered.p99} ms`);

    // ---- 2. Votes
    let n = 0;
    const decision = () => (n++ % 2 ? "ship" : "skip");
    const hot = "claude-4-sonnet";
    const baseline = (slug: () => string) => () => {
      const user = pick(users);
      return {
        method: "PUT" as const,
        path: "/api/bench/vote-baseline",
        headers: { "content-type": "application/json", "x-bench-token": token },
        body: JSON.stringify({ userId: user.id, slug: slug(), decision: decision() }),
      };
    };
    const api = (slug: () => string) => () => {
      const user = pick(users);
      return {
        method: "PUT" as const,
        path: `/api/tools/${slug()}/vote`,
        headers: { "content-type": "application/json", cookie: user.cookie, origin },
        body: JSON.stringify({ decision: decision() }),
      };
    };
    console.log(`▸ Votes: warming up, then ${seconds} s per scenario`);
    await runCannon(origin, api(() => pick(tools)), "warm-up");
    const votes: Figure[] = [];
    for (const [name, setup] of [
      ["baseline: same transaction, spread", baseline(() => pick(tools))],
      ["vote API, spread over all tools", api(() => pick(tools))],
      ["baseline: same transaction, hot tool", baseline(() => hot)],
      ["vote API, one hot tool", api(() => hot)],
    ] as const) {
      const figure = await runCannon(origin, setup, name);
      votes.push(figure);
      console.log(`  ${name}: ${figure.rps} votes/s, p50 ${figure.p50} ms, p99 ${figure.p99} ms${figure.non2xx || figure.errors ? ` (${figure.non2xx} non-2xx, ${figure.errors} errors)` : ""}`);
    }
    const [baseSpread, apiSpread, baseHot, apiHot] = votes as [Figure, Figure, Figure, Figure];
    const pgSpread = await plainPgVotes(database.url, users, () => pick(tools), "plain pg: the vote's transaction, spread", Number(process.env.DATABASE_POOL_SIZE ?? 10));
    const pgHot = await plainPgVotes(database.url, users, () => hot, "plain pg: the vote's transaction, hot tool", Number(process.env.DATABASE_POOL_SIZE ?? 10));
    for (const figure of [pgSpread, pgHot]) console.log(`  ${figure.name}: ${figure.rps} votes/s, p50 ${figure.p50} ms, p99 ${figure.p99} ms${figure.errors ? ` (${figure.errors} errors)` : ""}`);

    // A popular comparison while it is voted on: the cached page under 50 votes/s on its two tools.
    console.log("▸ The cached comparison while 50 votes/s arrive on its tools");
    // Its idle figure again, just before: the same node at the same point of the run (the first, from the pages
    // phase, is printed beside it; on a shared two-core machine the two have differed by a third).
    const surgeIdle = await runCannon(origin, get(COMPARISON), "comparison page, idle, just before the votes");
    console.log(`  ${surgeIdle.name}: ${surgeIdle.rps} req/s, p50 ${surgeIdle.p50} ms, p99 ${surgeIdle.p99} ms`);
    const [surgeA, surgeB] = COMPARISON.slice("/compare/".length).split("-vs-") as [string, string];
    const [surgePage] = await Promise.all([
      runCannon(origin, get(COMPARISON), "comparison page, 50 votes/s on its tools"),
      runCannon(origin, api(() => (Math.random() < 0.5 ? surgeA : surgeB)), "votes at 50/s", { connections: 5, overallRate: 50 }),
    ]);
    console.log(`  ${surgePage.name}: ${surgePage.rps} req/s, p50 ${surgePage.p50} ms, p99 ${surgePage.p99} ms`);
    const drift = await findCounterDrift(client);

    // What a render costs: a node without the page cache, one request at a time; CPU ms of the server per answer.
    console.log("▸ Render cost: a node with PAGE_CACHE=off, one connection, CPU per render");
    const renders: { name: string; path: string; renders: number; cpuMs: number; p50: number }[] = [];
    for (const [name, pathname] of [["comparison page", COMPARISON], ["tool page", "/tools/claude-4-sonnet"], ["directory page", "/tools"], ["home page", "/"]] as const) {
      await runCannon(nodeC.origin, get(pathname), "warm-up", { connections: 1, duration: 2 });
      const before = cpuMs(nodeC.process.pid);
      const figure = await runCannon(nodeC.origin, get(pathname), name, { connections: 1, duration: Math.max(3, Math.round(seconds / 2)) });
      const used = cpuMs(nodeC.process.pid) - before;
      renders.push({ name, path: pathname, renders: figure.requests, cpuMs: Math.round((used / Math.max(1, figure.requests)) * 10) / 10, p50: figure.p50 });
      console.log(`  ${name}: ${renders.at(-1)!.cpuMs} CPU ms per render, p50 ${figure.p50} ms over ${figure.requests} renders`);
    }


    // ---- 3. Live: streams on node B, votes through node A
    const liveTool = "mistral-large";
    console.log(`▸ Live: a second node with ${streamCount} open streams; votes through the first node`);
    const nodeB = await startServer(serverEnv, "bench-b");
    servers.push(nodeB);
    const streams = await openStreams(nodeB.origin, liveTool, streamCount);
    const latencies: number[] = [];
    let missing = 0;
    const liveVotes = Math.min(40, users.length);
    for (let i = 0; i < liveVotes; i++) {
      const user = users[i]!;
      // Through the API, so the counters stay exact: each measured vote below then adds one.
      await fetch(`${origin}/api/tools/${liveTool}/vote`, { method: "DELETE", headers: { cookie: user.cookie, origin } });
    }
    await new Promise((r) => setTimeout(r, 500));
    const base = (await client.toolStats.findFirstOrThrow({ where: { tool: { slug: liveTool } } })).communityTotal;
    const sentVotes: { sent: number; total: number }[] = [];
    for (let i = 0; i < liveVotes; i++) {
      const user = users[i]!;
      const sent = performance.now();
      const response = await fetch(`${origin}/api/tools/${liveTool}/vote`, {
        method: "PUT",
        headers: { "content-type": "application/json", cookie: user.cookie, origin },
        body: JSON.stringify({ decision: "ship" }),
      });
      const body = (await response.json()) as { data?: { scores: { community: { total: number } } } };
      sentVotes.push({ sent, total: body.data?.scores.community.total ?? base + i + 1 });
      await new Promise((r) => setTimeout(r, 150));
    }
    // Judged once every event has had a second to arrive: a late delivery is late (its latency counts),
    // not missed; missed means it never came.
    await new Promise((r) => setTimeout(r, 1000));
    for (const { sent, total } of sentVotes) {
      for (const list of streams.arrivals) {
        const arrival = list.find((event) => event.total === total && event.at >= sent);
        if (arrival) latencies.push(arrival.at - sent);
        else missing += 1;
      }
    }
    latencies.sort((a, b) => a - b);
    const live = {
      streams: streamCount,
      votes: liveVotes,
      deliveries: latencies.length,
      missing,
      p50: Math.round(quantile(latencies, 0.5)),
      p99: Math.round(quantile(latencies, 0.99)),
      max: Math.round(latencies.at(-1) ?? NaN),
    };
    const rss = { nodeA: peakRssMb(nodeA.process.pid), nodeB: peakRssMb(nodeB.process.pid) };
    streams.close();

    // Vote through A → a signed-out reader's next load of the cached page on B shows it.
    const freshPage = "/compare/mistral-large-vs-llama-4";
    const communityOnB = async () => {
      const response = await fetch(`${nodeB.origin}${freshPage}`);
      const html = await response.text();
      const start = html.indexOf(`data-testid="vote-${liveTool}"`);
      const next = html.indexOf('data-testid="vote-', start + 20);
      return { cache: response.headers.get("x-page-cache"), text: html.slice(start, next === -1 ? start + 3_000 : next).replace(/nonce="[^"]*"/g, "") };
    };
    const freshness: number[] = [];
    let stale = 0;
    for (let i = 0; i < 20; i++) {
      for (let tries = 0; tries < 50 && (await communityOnB()).cache !== "hit"; tries++);
      const before = (await communityOnB()).text;
      const user = users[i]!;
      const sent = performance.now();
      await fetch(`${origin}/api/tools/${liveTool}/vote`, { method: "DELETE", headers: { cookie: user.cookie, origin } });
      let after = before;
      while (after === before && performance.now() - sent < 5_000) after = (await communityOnB()).text;
      if (after === before) stale += 1;
      else freshness.push(performance.now() - sent);
    }
    freshness.sort((a, b) => a - b);
    const fresh = { samples: freshness.length, stale, p50: Math.round(quantile(freshness, 0.5)), max: Math.round(freshness.at(-1) ?? NaN) };
    console.log(`  vote → fresh cached page on the other node: p50 ${fresh.p50} ms, max ${fresh.max} ms over ${fresh.samples} votes${stale ? ` (${stale} still stale after 5 s)` : ""}`);
    console.log(`  vote → event on the other node: p50 ${live.p50} ms, p99 ${live.p99} ms over ${live.deliveries} deliveries (${missing} missed)`);
    console.log(`  peak RSS: node A ${rss.nodeA} MB, node B ${rss.nodeB} MB (with ${streamCount} streams)`);

    // ---- 4. A million votes
    // The rendered page's figure without the million, taken again here: the same node at the same point of the run,
    // so the ratio below weighs the data alone (the first figure, taken early on a fresh node, is kept beside it).
    await runCannon(nodeC.origin, get(COMPARISON), "warm-up");
    const renderedBefore = await runCannon(nodeC.origin, get(COMPARISON), "comparison page, rendered (PAGE_CACHE=off), before the million");
    console.log(`  ${renderedBefore.name}: ${renderedBefore.rps} req/s, p50 ${renderedBefore.p50} ms, p99 ${renderedBefore.p99} ms`);
    const perTool = Math.ceil(bulkVotes / tools.length);
    console.log(`▸ Scale: adding ${(perTool * tools.length).toLocaleString("en-US")} votes (${perTool.toLocaleString("en-US")} users × ${tools.length} tools)`);
    const bulkStarted = performance.now();
    await client.$executeRawUnsafe(
      // Accounts a month old: a new account's vote waits (ADR 030), and these are counted, as the counters below say.
      `INSERT INTO "User" (id, email, "createdAt", "updatedAt") SELECT 'bulk_' || g, 'bulk_' || g || '@bench.test', now() - interval '30 days', now() FROM generate_series(1, ${perTool}) g`,
    );
    await client.$executeRawUnsafe(`
      INSERT INTO "Vote" (id, "userId", "toolId", decision, "updatedAt")
      SELECT 'bv_' || u.g || '_' || t.n, 'bulk_' || u.g, t.id, (CASE WHEN random() < 0.62 THEN 'SHIP' ELSE 'SKIP' END)::"Decision", now()
      FROM generate_series(1, ${perTool}) u(g)
      CROSS JOIN (SELECT id, row_number() OVER (ORDER BY id) AS n FROM "Tool" WHERE "archivedAt" IS NULL) t`);
    await client.$executeRawUnsafe(`
      UPDATE "ToolStats" s SET "communityShip" = v.ship, "communityTotal" = v.total
      FROM (SELECT "toolId", count(*) FILTER (WHERE decision = 'SHIP')::int AS ship, count(*)::int AS total FROM "Vote" GROUP BY 1) v
      WHERE v."toolId" = s."toolId"`);
    await client.$executeRawUnsafe(`ANALYZE "Vote"`);
    const voteRows = Number((await client.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "Vote"`))[0]!.n);
    console.log(`  ${voteRows.toLocaleString("en-US")} votes in ${((performance.now() - bulkStarted) / 1000).toFixed(0)} s`);
    await runCannon(origin, get(COMPARISON), "warm-up");
    const comparisonMillion = await runCannon(origin, get(COMPARISON), "comparison page, 1,000,000 votes");
    console.log(`  comparison page with ${voteRows.toLocaleString("en-US")} votes: ${comparisonMillion.rps} req/s, p50 ${comparisonMillion.p50} ms, p99 ${comparisonMillion.p99} ms`);
    await runCannon(nodeC.origin, get(COMPARISON), "warm-up");
    const renderedMillion = await runCannon(nodeC.origin, get(COMPARISON), "comparison page, rendered (PAGE_CACHE=off), 1,000,000 votes");
    console.log(`  ${renderedMillion.name}: ${renderedMillion.rps} req/s, p50 ${renderedMillion.p50} ms, p99 ${renderedMillion.p99} ms`);
    const driftAfter = await findCounterDrift(client);

    // ---- Report
    const cachedThroughNginx = [throughNginx, throughNginxEncoded].filter((figure): figure is NonNullable<typeof figure> => figure !== null);
    const ratios = {
      comparisonVsBareStatic: comparisonPage.rps / bareStatic.rps,
      nginxVsBareStatic: throughNginx ? throughNginx.rps / bareStatic.rps : null,
      nginxVsBareStaticEncoded: throughNginxEncoded && bareStaticEncoded ? throughNginxEncoded.rps / bareStaticEncoded.rps : null,
      renderVsBareRender: (renders.find((r) => r.name === "comparison page")?.cpuMs ?? NaN) / bareRenderCpuMs,
      trivialVsBareHandler: trivialHandler.rps / bareHandler.rps,
      signedInVsSignedOut: comparisonSignedIn.rps / comparisonPage.rps,
      signedInViewVsSignedOut: signedInView.rps / comparisonPage.rps,
      renderedVsCached: comparisonRendered.rps / comparisonPage.rps,
      surgeVsIdle: surgePage.rps / surgeIdle.rps,
      surgeVsFirstIdle: surgePage.rps / comparisonPage.rps,
      apiVsTrivialHandler: apiSpread.rps / trivialHandlerCannon.rps,
      apiVsBareHandler: apiSpread.rps / bareHandlerCannon.rps,
      apiVsPlainPg: apiSpread.rps / pgSpread.rps,
      comparisonVsDynamic: comparisonPage.rps / dynamicPage.rps,
      comparisonVsStatic: comparisonPage.rps / staticPage.rps,
      toolVsDynamic: toolPage.rps / dynamicPage.rps,
      toolVsStatic: toolPage.rps / staticPage.rps,
      directoryVsDynamic: directoryPage.rps / dynamicPage.rps,
      directoryVsStatic: directoryPage.rps / staticPage.rps,
      apiVsBaselineSpread: apiSpread.rps / baseSpread.rps,
      apiVsBaselineHot: apiHot.rps / baseHot.rps,
      hotVsSpread: apiHot.rps / apiSpread.rps,
      millionVsZeroP50: comparisonMillion.p50 / comparisonPage.p50,
      renderedMillionVsZeroP50: renderedMillion.p50 / renderedBefore.p50,
      renderedMillionVsFirstP50: renderedMillion.p50 / comparisonRendered.p50,
    };
    printTable([
      ["figure", "req/s", "p50 ms", "p99 ms", "errors"],
      ...[...new Set([bareStatic, bareHandler, bareHandlerCannon]), ...(bareStaticEncoded ? [bareStaticEncoded] : []), ...pages, ...(trivialHandlerCannon !== trivialHandler ? [trivialHandlerCannon] : []), comparisonSignedIn, personal, signedInView, ...(throughNginx ? [throughNginx] : []), ...(throughNginxEncoded ? [throughNginxEncoded] : []), comparisonRendered, surgeIdle, surgePage, ...votes, pgSpread, pgHot, comparisonMillion, renderedBefore, renderedMillion].map((f) => [f.name, String(f.rps), String(f.p50), String(f.p99), String(f.non2xx + f.errors)]),
    ]);
    const pct = (x: number) => `${Math.round(x * 100)} %`;
    const mark = (ok: boolean) => (ok ? "✔" : "✖");
    console.log(`
Against the ceilings measured in this run (a bare Next.js app of the same version; the vote's transaction through plain pg):
cached comparison page / bare static page:        ${pct(ratios.comparisonVsBareStatic)}   goal ≥ 70 %  ${mark(ratios.comparisonVsBareStatic >= 0.7)}
comparison through nginx's microcache / bare static: ${ratios.nginxVsBareStaticEncoded !== null ? `${ratios.nginxVsBareStaticEncoded.toFixed(1)} ×   goal ≥ 10 ×  ${mark(ratios.nginxVsBareStaticEncoded >= 10)}   (both with a browser's Accept-Encoding; without: ${ratios.nginxVsBareStatic?.toFixed(1)} ×)` : ratios.nginxVsBareStatic === null ? "not measured (no nginx)" : `${ratios.nginxVsBareStatic.toFixed(1)} ×   goal ≥ 10 ×  ${mark(ratios.nginxVsBareStatic >= 10)}   (measured by autocannon, one Node process on the same two cores, which caps it: install wrk)`}
trivial route handler here / bare trivial handler: ${pct(ratios.trivialVsBareHandler)}   (what the front gate and the proxy cost a request)
signed-in comparison (HTML) / signed-out cached:  ${pct(ratios.signedInVsSignedOut)}   goal ≥ 80 %  ${mark(ratios.signedInVsSignedOut >= 0.8)}
signed-in view (page + /api/me) / signed-out view: ${pct(ratios.signedInViewVsSignedOut)}   goal ≥ 50 %  ${mark(ratios.signedInViewVsSignedOut >= 0.5)}   (a rendered page, as signed-in readers got before: ${pct(ratios.renderedVsCached)})
cached comparison at 50 votes/s / idle:           ${pct(ratios.surgeVsIdle)}   goal ≥ 80 %  ${mark(ratios.surgeVsIdle >= 0.8)}   (idle measured just before; against the pages phase's idle figure: ${pct(ratios.surgeVsFirstIdle)})
vote API / trivial route handler here:            ${pct(ratios.apiVsTrivialHandler)}   goal ≥ 50 %  ${mark(ratios.apiVsTrivialHandler >= 0.5)}
vote API / bare trivial handler:                  ${pct(ratios.apiVsBareHandler)}   goal ≥ 25 %  ${mark(ratios.apiVsBareHandler >= 0.25)}
vote API / plain pg, same transaction:            ${pct(ratios.apiVsPlainPg)}   (plain pg: ${pgSpread.rps} votes/s spread, ${pgHot.rps} hot)
hot tool / spread (vote API):                     ${pct(ratios.hotVsSpread)}   goal ≥ 90 %  ${mark(ratios.hotVsSpread >= 0.9)}
render CPU per answer (PAGE_CACHE=off, one connection): ${renders.map((r) => `${r.name} ${r.cpuMs} ms`).join(", ")}
comparison render CPU: ${renders.find((r) => r.name === "comparison page")?.cpuMs} ms   goal ≤ ${RENDER_GOAL_MS} ms (half of 29–36 ms before issue 15)  ${mark((renders.find((r) => r.name === "comparison page")?.cpuMs ?? Infinity) <= RENDER_GOAL_MS)}   = ${ratios.renderVsBareRender.toFixed(1)} × the bare app's dynamic page (${bareRenderCpuMs} ms, the framework's floor)
p99 of cached pages at ${connections} connections: comparison ${comparisonPage.p99} ms, tool ${toolPage.p99} ms, directory ${directoryPage.p99} ms${cachedThroughNginx.map((f) => `, ${f === throughNginxEncoded ? "through nginx, encoded (from a cold cache)" : "through nginx"} ${f.p99} ms`).join("")}   goal ≤ 100 ms  ${mark(Math.max(comparisonPage.p99, toolPage.p99, directoryPage.p99, ...cachedThroughNginx.map((f) => f.p99)) <= 100)}

Against the in-app baselines (they carry the app's own costs on both sides):
comparison page / dynamic baseline: ${ratios.comparisonVsDynamic.toFixed(2)} ×   goal ≥ 1.0 ×  ${mark(ratios.comparisonVsDynamic >= 1)}   / static: ${pct(ratios.comparisonVsStatic)} (aim ≥ 50 %)   p99 ${comparisonPage.p99} ms (goal ≤ 100) ${mark(comparisonPage.p99 <= 100)}
tool page / dynamic baseline:       ${ratios.toolVsDynamic.toFixed(2)} ×   goal ≥ 1.0 ×  ${mark(ratios.toolVsDynamic >= 1)}   / static: ${pct(ratios.toolVsStatic)}   p99 ${toolPage.p99} ms ${mark(toolPage.p99 <= 100)}
directory page / dynamic baseline:  ${ratios.directoryVsDynamic.toFixed(2)} ×   goal ≥ 1.0 ×  ${mark(ratios.directoryVsDynamic >= 1)}   / static: ${pct(ratios.directoryVsStatic)}   p99 ${directoryPage.p99} ms ${mark(directoryPage.p99 <= 100)}
vote API / baseline (spread):       ${pct(ratios.apiVsBaselineSpread)}   goal ≥ 50 %  ${mark(ratios.apiVsBaselineSpread >= 0.5)}
vote API / baseline (hot):          ${pct(ratios.apiVsBaselineHot)}
comparison p50, 1M votes / 0 votes, rendered: ${ratios.renderedMillionVsZeroP50.toFixed(2)} ×   goal ≤ 1.1 ×  ${mark(ratios.renderedMillionVsZeroP50 <= 1.1)}   (against the figure taken just before the load; ${ratios.renderedMillionVsFirstP50.toFixed(2)} × against the first, early in the run on a fresh node; cached: ${ratios.millionVsZeroP50.toFixed(2)} × p50, ${(comparisonMillion.rps / comparisonPage.rps).toFixed(2)} × req/s; a cache hit reads no data, so only the rendered ratio measures the data's cost)
vote → SSE on another node (${streamCount} streams): p99 ${live.p99} ms   goal < 1000 ms  ${mark(live.p99 < 1000 && live.missing === 0)}${live.missing ? ` (${live.missing} deliveries missed)` : ""}
vote → fresh cached page on another node: p50 ${fresh.p50} ms, max ${fresh.max} ms   goal < 1500 ms (one refresh a second, plus a render)  ${mark(fresh.max < 1500 && fresh.stale === 0)}
peak RSS: node A ${rss.nodeA} MB, node B ${rss.nodeB} MB   (NODE_OPTIONS=${serverEnv.NODE_OPTIONS}, as in the Dockerfile)
counter drift after the votes: ${drift.length === 0 ? "none ✔" : `${drift.length} tools ✖`}; after the bulk load: ${driftAfter.length === 0 ? "none ✔" : `${driftAfter.length} tools ✖`}`);

    await mkdir(path.join(root, "bench/results"), { recursive: true });
    const file = path.join(root, "bench/results", `${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
    await writeFile(
      file,
      JSON.stringify({ at: new Date().toISOString(), seconds, connections, users: userCount, generator: GENERATOR, ceilings: { bareStatic, bareHandler, bareHandlerCannon, bareStaticEncoded, bareRenderCpuMs, pgSpread, pgHot }, pages, trivialHandlerCannon, comparisonSignedIn, personal, signedInView, throughNginx, throughNginxEncoded, comparisonRendered, surgeIdle, surgePage, renders, votes, comparisonMillion, renderedBefore, renderedMillion, voteRows, live, fresh, rss, ratios, drift: drift.length, driftAfter: driftAfter.length }, null, 2),
    );
    console.log(`\nWritten to ${path.relative(root, file)}`);
  } finally {
    // Servers first (and wait for them), so dropping the database cuts no request mid-flight.
    await Promise.all(servers.map(stopServer));
    await client.$disconnect();
    if (!database.embedded) {
      await withAdminClient(database.adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(prefix)} WITH (FORCE)`)).catch(() => undefined);
    }
    await database.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
