/**
 * `npm run profile -- <scenario>`: where one request's time goes. Starts the
 * production server (server.ts) under `node --cpu-prof` on a database of its
 * own, drives one scenario with autocannon, and prints
 *   - the throughput and latency of the run;
 *   - the server's CPU profile, as self time by package and by function;
 *   - what PostgreSQL's connections were doing (pg_stat_activity sampled every
 *     20 ms: running, idle in a transaction while the app thinks, waiting for a lock).
 * The profile is kept under .data/profiles/ for Chrome's or VS Code's viewer.
 *
 * Scenarios: vote (PUT /api/tools/:slug/vote, signed-in users, spread over the
 * tools), vote-hot (one tool), health (/api/health/live, the proxy alone),
 * comparison (the cached comparison page), comparison-rendered (PAGE_CACHE=off),
 * me (GET /api/me). Options (env): PROFILE_SECONDS (10), PROFILE_CONNECTIONS (50),
 * DATABASE_URL (else an embedded PostgreSQL).
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { createPrismaClient } from "../lib/db/client";
import { seed } from "../prisma/seed";
import { withDatabase } from "./db/connection";
import { embeddedPort, openDatabase } from "./db/setup";
import { buildIsCurrent, freePort, root, runNext, serverArgs } from "./lib/next";
import { cpuMs } from "./lib/proc";

const scenarios = ["vote", "vote-hot", "health", "comparison", "comparison-rendered", "me"] as const;
type Scenario = (typeof scenarios)[number];
const scenario = (process.argv[2] ?? "vote") as Scenario;
if (!scenarios.includes(scenario)) {
  console.error(`Usage: npm run profile -- <${scenarios.join(" | ")}>`);
  process.exit(2);
}
const seconds = Number(process.env.PROFILE_SECONDS ?? 10);
const connections = Number(process.env.PROFILE_CONNECTIONS ?? 50);
const COMPARISON = "/compare/claude-4-sonnet-vs-smolvlm2-2b";

type Node = { callFrame: { functionName: string; url: string; lineNumber: number }; id: number; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

/**
 * Self time by package (node_modules/<name>, the app, node internals) and by
 * function, in ms, over the samples between `from` and `to` ms after the profile began.
 */
function summarise(profile: Profile, from: number, to: number) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  let at = 0;
  profile.samples.forEach((id, i) => {
    const delta = (profile.timeDeltas[i] ?? 0) / 1000;
    at += delta;
    if (at >= from && at <= to) self.set(id, (self.get(id) ?? 0) + delta);
  });
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const [id, ms] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === "(idle)") continue;
    total += ms;
    const modules = url.split("node_modules/");
    const pkg = !url
      ? functionName.startsWith("(") ? functionName : "(native)"
      : modules.length > 1
        ? modules.at(-1)!.split("/").slice(0, modules.at(-1)!.startsWith("@") ? 2 : 1).join("/")
        : url.startsWith("node:")
          ? "node"
          : url.includes("/.next/")
            ? "app (.next bundle)"
            : "app";
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
    const name = `${functionName || "(anonymous)"} ${url.replace(/^.*node_modules\//, "").replace(root, ".")}:${lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
  }
  const top = (map: Map<string, number>, n: number) =>
    [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([name, ms]) => `  ${((ms / total) * 100).toFixed(1).padStart(5)} %  ${ms.toFixed(0).padStart(6)} ms  ${name}`);
  return { total, packages: top(byPackage, 15), functions: top(byFunction, 30) };
}

async function main() {
  const name = `sos_profile_${process.pid}`;
  const database = await openDatabase({
    databaseUrl: process.env.DATABASE_URL ? withDatabase(process.env.DATABASE_URL, name) : undefined,
    embedded: { dataDir: path.join(root, ".data/profile-postgres"), port: embeddedPort(process.env.EMBEDDED_PG_PROFILE_PORT, 54351), database: name, ephemeral: true },
  });
  const client = createPrismaClient(database.url, { poolSize: 2 });
  const profileDir = path.join(root, ".data/profiles", `${scenario}-${new Date().toISOString().replace(/[:.]/g, "-")}`);
  mkdirSync(profileDir, { recursive: true });
  let server: ReturnType<typeof spawn> | undefined;
  try {
    await seed(client);
    const tools = (await client.tool.findMany({ where: { archivedAt: null }, select: { slug: true } })).map((t) => t.slug);
    const users: string[] = [];
    for (let i = 0; i < 200; i++) {
      const user = await client.user.create({ data: { email: `profile-${i}@example.test` } });
      const sessionToken = randomBytes(32).toString("hex");
      await client.session.create({ data: { sessionToken, userId: user.id, expires: new Date(Date.now() + 86_400_000) } });
      users.push(`authjs.session-token=${sessionToken}`);
    }
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: database.url, NEXT_TELEMETRY_DISABLED: "1" };
    if (!buildIsCurrent()) {
      console.log("▸ Building");
      if ((await runNext(["build"], env)) !== 0) throw new Error("build failed");
    }
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const spawned = performance.now();
    server = spawn(process.execPath, ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, ...serverArgs()], {
      cwd: root,
      env: {
        ...env, NODE_ENV: "production", PORT: String(port), HOSTNAME: "127.0.0.1", AUTH_URL: origin, SITE_URL: origin,
        AUTH_SECRET: randomBytes(32).toString("base64url"), RATE_LIMIT_VOTES: "100000000/60",
        ...(scenario === "comparison-rendered" ? { PAGE_CACHE: "off" } : {}),
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
    for (let i = 0; !(await fetch(`${origin}/api/health/live`).then((r) => r.ok, () => false)); i++) {
      if (i > 300) throw new Error("the server did not start");
      await new Promise((r) => setTimeout(r, 100));
    }
    let n = 0;
    const pick = <T,>(list: T[]) => list[Math.floor(Math.random() * list.length)]!;
    const plan = (): { method: "GET" | "PUT"; path: string; headers: Record<string, string>; body?: string } => {
      switch (scenario) {
        case "vote":
        case "vote-hot":
          return {
            method: "PUT", path: `/api/tools/${scenario === "vote" ? pick(tools) : "claude-4-sonnet"}/vote`,
            headers: { "content-type": "application/json", cookie: pick(users), origin },
            body: JSON.stringify({ decision: n++ % 2 ? "ship" : "skip" }),
          };
        case "health":
          return { method: "GET", path: "/api/health/live", headers: {} };
        case "me":
          return { method: "GET", path: "/api/me", headers: { cookie: pick(users) } };
        default:
          return { method: "GET", path: COMPARISON, headers: {} };
      }
    };
    const run = (duration: number) =>
      new Promise<autocannon.Result>((resolve, reject) =>
        autocannon({ url: origin, connections, duration, requests: [{ setupRequest: (request: object) => ({ ...request, ...plan() }) }] }, (error, result) =>
          error ? reject(error) : resolve(result),
        ),
      );
    await run(3); // warm-up

    // What the database's connections do while the run goes on.
    const sampler = new pg.Client({ connectionString: database.url });
    await sampler.connect();
    const states = new Map<string, number>();
    let samples = 0;
    let sampling = true;
    const sampling_ = (async () => {
      while (sampling) {
        const { rows } = await sampler.query<{ state: string; count: number }>(
          `SELECT coalesce(state, '?') || coalesce(' / ' || wait_event_type || ':' || wait_event, '') AS state, count(*)::int AS count
           FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend' GROUP BY 1`,
        );
        samples += 1;
        for (const row of rows) states.set(row.state, (states.get(row.state) ?? 0) + row.count);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    // The database's own CPU: its backends for this database (a server on this machine only).
    const backends = (await sampler.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`)).rows.map((row) => row.pid);
    const cpuBefore = { server: cpuMs(server.pid), database: backends.reduce((sum, pid) => sum + cpuMs(pid), 0) };
    const started = performance.now() - spawned;
    const result = await run(seconds);
    const ended = performance.now() - spawned;
    const cpuUsed = { server: cpuMs(server.pid) - cpuBefore.server, database: backends.reduce((sum, pid) => sum + cpuMs(pid), 0) - cpuBefore.database };
    sampling = false;
    await sampling_;
    await sampler.end();

    server.kill("SIGINT");
    await new Promise((resolve) => server!.once("exit", resolve));
    server = undefined;
    const file = readdirSync(profileDir).find((f) => f.endsWith(".cpuprofile"));
    if (!file) throw new Error("no profile was written");
    const summary = summarise(JSON.parse(readFileSync(path.join(profileDir, file), "utf8")) as Profile, started, ended);
    const okCount = result["2xx"];
    console.log(`\n▸ ${scenario}: ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${result.non2xx} non-2xx, ${result.errors} errors`);
    const per = (ms: number) => (ms / Math.max(1, okCount)).toFixed(2);
    console.log(`▸ CPU per answered request (/proc): server ${per(cpuUsed.server)} ms, PostgreSQL ${Number.isNaN(cpuUsed.database) ? "not readable" : `${per(cpuUsed.database)} ms`} (its backends for this database)`);
    console.log(`▸ The profile saw the server's thread busy ${summary.total.toFixed(0)} ms of ${(ended - started).toFixed(0)} ms (wall time: includes time the machine gave to others mid-call)`);
    console.log("▸ Self time by package:\n" + summary.packages.join("\n"));
    console.log("▸ Self time by function:\n" + summary.functions.join("\n"));
    console.log(`▸ PostgreSQL connections of this database, mean over ${samples} samples:`);
    for (const [state, count] of [...states].sort((a, b) => b[1] - a[1])) console.log(`  ${(count / samples).toFixed(2).padStart(6)}  ${state}`);
    console.log(`▸ Profile: ${path.relative(root, profileDir)}/${file}`);
  } finally {
    if (server) server.kill("SIGKILL");
    await client.$disconnect();
    if (!database.embedded) {
      const admin = new pg.Client({ connectionString: database.adminUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
    await database.stop();
  }
}

await main();
