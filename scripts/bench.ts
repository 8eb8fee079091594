/**
 * `npm run bench`: builds and starts the production server on its own
 * database and measures it with autocannon. Every figure is printed beside a
 * baseline measured in the same run, so the ratios hold on a noisy machine.
 * Results are also written to bench/results/<time>.json.
 *
 * Vote benchmark: PUT /api/tools/:slug/vote through the real handler
 * (session, origin check, validation, rate limit, transaction), spread over
 * all tools and all on one hot tool, against a minimal handler running the
 * same transaction with none of those layers. Goals: ≥ 50 % of the baseline;
 * hot ≥ 70 % of spread.
 *
 * Options (env): BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 50),
 * BENCH_USERS (default 500), DATABASE_URL (else an embedded PostgreSQL).
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import autocannon from "autocannon";
import { withAdminClient, withDatabase } from "../lib/db/connection";
import { createPrismaClient } from "../lib/db/client";
import { embeddedPort, openDatabase } from "../lib/db/setup";
import { findCounterDrift } from "../lib/stats/reconcile";
import { seed } from "../prisma/seed";
import { buildIsCurrent, freePort, nextBin, root, runNext } from "./lib/next";

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const userCount = Number(process.env.BENCH_USERS ?? 500);

type Figure = { name: string; requests: number; rps: number; p50: number; p99: number; errors: number; non2xx: number };

function runCannon(url: string, setup: () => { method: "PUT" | "GET"; path: string; headers: Record<string, string>; body?: string }, title: string): Promise<Figure> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        requests: [{ setupRequest: (request) => ({ ...request, ...setup() }) }],
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

async function main() {
  const prefix = `sos_bench_${process.pid}`;
  const database = await openDatabase({
    databaseUrl: process.env.DATABASE_URL ? withDatabase(process.env.DATABASE_URL, prefix) : undefined,
    embedded: { dataDir: path.join(root, ".data/bench-postgres"), port: embeddedPort(process.env.EMBEDDED_PG_BENCH_PORT, 54349), database: prefix, ephemeral: true },
  });
  const client = createPrismaClient(database.url, { poolSize: 4 });
  let server: ReturnType<typeof spawn> | undefined;
  try {
    await seed(client);
    const tools = (await client.tool.findMany({ where: { archivedAt: null }, select: { slug: true } })).map((t) => t.slug);
    console.log(`▸ Creating ${userCount} signed-in users`);
    const users: { id: string; cookie: string }[] = [];
    for (let i = 0; i < userCount; i++) {
      const user = await client.user.create({ data: { email: `bench-${i}-${Date.now()}@example.test` } });
      const sessionToken = randomBytes(32).toString("hex");
      await client.session.create({ data: { sessionToken, userId: user.id, expires: new Date(Date.now() + 86_400_000) } });
      users.push({ id: user.id, cookie: `authjs.session-token=${sessionToken}` });
    }

    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: database.url, NEXT_TELEMETRY_DISABLED: "1" };
    if (!buildIsCurrent()) {
      console.log("▸ Building");
      if ((await runNext(["build"], env)) !== 0) throw new Error("build failed");
    }
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const token = randomBytes(24).toString("hex");
    server = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
      cwd: root,
      env: {
        ...env,
        NODE_ENV: "production",
        AUTH_SECRET: randomBytes(32).toString("base64url"),
        AUTH_URL: origin,
        SITE_URL: origin,
        BENCH_TOKEN: token,
        // The limiter still runs on every request; the bench must not be throttled by it.
        RATE_LIMIT_VOTES: "100000000/60",
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
    for (let i = 0; ; i++) {
      const ok = await fetch(`${origin}/api/tools?pageSize=1`).then((r) => r.ok, () => false);
      if (ok) break;
      if (i > 300) throw new Error("the server did not start");
      await new Promise((r) => setTimeout(r, 100));
    }

    let n = 0;
    const pick = <T,>(list: T[]) => list[Math.floor(Math.random() * list.length)]!;
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
      const target = slug();
      return {
        method: "PUT" as const,
        path: `/api/tools/${target}/vote`,
        headers: { "content-type": "application/json", cookie: user.cookie },
        body: JSON.stringify({ decision: decision() }),
      };
    };

    console.log(`▸ Warming up, then ${seconds} s per scenario at ${connections} connections`);
    await runCannon(origin, api(() => pick(tools)), "warm-up");
    const figures: Figure[] = [];
    for (const [name, setup] of [
      ["baseline: same transaction, spread", baseline(() => pick(tools))],
      ["vote API, spread over all tools", api(() => pick(tools))],
      ["baseline: same transaction, hot tool", baseline(() => hot)],
      ["vote API, one hot tool", api(() => hot)],
    ] as const) {
      const figure = await runCannon(origin, setup, name);
      figures.push(figure);
      console.log(`  ${name}: ${figure.rps} votes/s, p50 ${figure.p50} ms, p99 ${figure.p99} ms${figure.non2xx || figure.errors ? ` (${figure.non2xx} non-2xx, ${figure.errors} errors)` : ""}`);
    }
    const [baseSpread, apiSpread, baseHot, apiHot] = figures as [Figure, Figure, Figure, Figure];
    const ratios = {
      apiVsBaselineSpread: apiSpread.rps / baseSpread.rps,
      apiVsBaselineHot: apiHot.rps / baseHot.rps,
      hotVsSpread: apiHot.rps / apiSpread.rps,
    };
    const drift = await findCounterDrift(client);

    const rows = [
      ["figure", "votes/s", "p50 ms", "p99 ms", "non-2xx"],
      ...figures.map((f) => [f.name, String(f.rps), String(f.p50), String(f.p99), String(f.non2xx + f.errors)]),
    ];
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
    console.log("\n" + rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ")).join("\n"));
    const pct = (x: number) => `${Math.round(x * 100)} %`;
    console.log(`
vote API / baseline (spread): ${pct(ratios.apiVsBaselineSpread)}   goal ≥ 50 %  ${ratios.apiVsBaselineSpread >= 0.5 ? "✔" : "✖"}
vote API / baseline (hot):    ${pct(ratios.apiVsBaselineHot)}
hot tool / spread (vote API): ${pct(ratios.hotVsSpread)}   goal ≥ 70 %  ${ratios.hotVsSpread >= 0.7 ? "✔" : "✖"}
counter drift after the run:  ${drift.length === 0 ? "none ✔" : `${drift.length} tools ✖`}`);

    await mkdir(path.join(root, "bench/results"), { recursive: true });
    const file = path.join(root, "bench/results", `${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
    await writeFile(file, JSON.stringify({ at: new Date().toISOString(), seconds, connections, users: userCount, figures, ratios, drift: drift.length }, null, 2));
    console.log(`\nWritten to ${path.relative(root, file)}`);
  } finally {
    server?.kill("SIGTERM");
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
