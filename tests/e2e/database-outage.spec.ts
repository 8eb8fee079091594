import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createPrismaClient, type PrismaClient } from "../../lib/db/client";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../../scripts/db/embedded";
import { applyMigrations } from "../../scripts/db/migrations";
import { findCounterDrift } from "../../lib/stats/reconcile";
import { seed } from "../../prisma/seed";

/**
 * PostgreSQL restarts in the middle of a vote load. The spec starts its own
 * disposable server (so it may stop it) and an app node on it. During the
 * outage every request gets 503 with Retry-After (a friendly page, or the
 * API's JSON error); the node recovers by itself once the database is back;
 * no vote acknowledged with 2xx is lost; counters equal rows; the live
 * listener reconnects.
 */
test.describe.configure({ mode: "serial", timeout: 180_000 });

let dataDir = "";
let pgPort = 0;
let database: EmbeddedDatabase | undefined;
let app: ChildProcess | undefined;
let origin = "";
let client: PrismaClient;
const users: { cookie: string }[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const startDatabase = () => startEmbeddedPostgres({ dataDir, port: pgPort, database: "outage" });

test.beforeAll(async () => {
  test.skip(!process.env.DATABASE_URL, "needs `npm test` (the build and its environment)");
  dataDir = path.join(await mkdtemp(path.join(os.tmpdir(), "sos-outage-")), "pg");
  pgPort = await freePort();
  database = await startDatabase();
  await applyMigrations(database.url);
  client = createPrismaClient(database.url, { poolSize: 2 });
  await seed(client);
  for (let i = 0; i < 40; i++) {
    const user = await client.user.create({ data: { email: `outage-${i}@example.test` } });
    const sessionToken = randomBytes(32).toString("hex");
    await client.session.create({ data: { sessionToken, userId: user.id, expires: new Date(Date.now() + 86_400_000) } });
    users.push({ cookie: `authjs.session-token=${sessionToken}` });
  }
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  app = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: { ...process.env, PORT: String(port), HOSTNAME: "127.0.0.1", DATABASE_URL: database.url, NODE_ID: "outage", SITE_URL: origin, AUTH_URL: origin, RATE_LIMIT_VOTES: "100000/60" },
    stdio: "ignore",
  });
  await expect.poll(() => fetch(`${origin}/api/health`).then((r) => r.status, () => 0), { timeout: 30_000 }).toBe(200);
});

test.afterAll(async () => {
  app?.kill("SIGTERM");
  await client?.$disconnect().catch(() => undefined);
  await database?.stop();
  if (dataDir) await rm(path.dirname(dataDir), { recursive: true, force: true });
});

type Acked = { user: number; tool: string; decision: "SHIP" | "SKIP" };

test("a database restart under vote load: 503 with Retry-After meanwhile, recovery by itself, no acknowledged vote lost", async () => {
  const tools = (await client.tool.findMany({ where: { archivedAt: null }, select: { slug: true }, orderBy: { slug: "asc" } })).map((t) => t.slug);
  // Every request is a new (user, tool) pair, so each 2xx names exactly one row that must exist afterwards.
  // A refused pair goes back in line (re-sending the same vote is harmless), so refusals during the outage
  // cannot use up the pairs before the database is back.
  const pairs = users.flatMap((_, user) => tools.map((tool) => ({ user, tool })));
  const acked: Acked[] = [];
  const statuses = new Map<number, number>();
  let running = true;
  const worker = async () => {
    while (running && pairs.length > 0) {
      const pair = pairs.shift()!;
      const { user, tool } = pair;
      const decision = (user + tool.length) % 2 ? "ship" : "skip";
      const response = await fetch(`${origin}/api/tools/${tool}/vote`, {
        method: "PUT",
        headers: { "content-type": "application/json", cookie: users[user]!.cookie, origin },
        body: JSON.stringify({ decision }),
      }).catch(() => null);
      const status = response?.status ?? 0;
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status === 200) acked.push({ user, tool, decision: decision === "ship" ? "SHIP" : "SKIP" });
      else pairs.push(pair);
      if (status === 503) expect(response!.headers.get("retry-after")).toMatch(/^\d+$/);
      await response?.arrayBuffer().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  const load = Promise.all(Array.from({ length: 4 }, worker));

  await expect.poll(() => acked.length, { timeout: 10_000 }).toBeGreaterThan(20);
  const ackedBefore = acked.length;
  await database!.stop();
  const stoppedAt = Date.now();

  // During the outage: the API and pages answer 503 with Retry-After and something a person can read.
  // (Route handlers say so at once; pages once the proxy's ping has noticed, within a few seconds.)
  await expect
    .poll(async () => (await fetch(`${origin}/compare/cursor-vs-github-copilot`)).status, { timeout: 10_000, intervals: [250] })
    .toBe(503);
  const api = await fetch(`${origin}/api/tools?pageSize=1`);
  expect(api.headers.get("retry-after")).toMatch(/^\d+$/);
  expect(((await api.json()) as { error: { code: string } }).error.code).toBe("unavailable");
  const page = await fetch(`${origin}/compare/cursor-vs-github-copilot`);
  expect(page.status).toBe(503);
  expect(page.headers.get("retry-after")).toMatch(/^\d+$/);
  expect(await page.text()).toContain("We'll be right back");
  const health = await fetch(`${origin}/api/health`);
  expect(health.status).toBe(503);
  const detectedMs = Date.now() - stoppedAt;

  database = await startDatabase();
  const restartedAt = Date.now();
  await expect.poll(() => fetch(`${origin}/api/health`).then((r) => r.status, () => 0), { timeout: 20_000, intervals: [200] }).toBe(200);
  await expect.poll(async () => (await fetch(`${origin}/compare/cursor-vs-github-copilot`)).status, { timeout: 10_000, intervals: [200] }).toBe(200);
  const recoveredMs = Date.now() - restartedAt;
  const listener = ((await (await fetch(`${origin}/api/health`)).json()) as { listener: { reconnects: number } }).listener;
  expect(listener.reconnects).toBeGreaterThanOrEqual(1);

  // Votes flow again after recovery.
  await expect.poll(() => acked.length, { timeout: 15_000 }).toBeGreaterThan(ackedBefore + 20);
  running = false;
  await load;

  await client.$disconnect();
  client = createPrismaClient(database.url, { poolSize: 2 });
  const rows = await client.vote.findMany({ select: { decision: true, tool: { select: { slug: true } }, user: { select: { email: true } } } });
  const stored = new Map(rows.map((row) => [`${row.user.email}|${row.tool.slug}`, row.decision]));
  const lost = acked.filter((vote) => stored.get(`outage-${vote.user}@example.test|${vote.tool}`) !== vote.decision);
  expect(lost, "votes acknowledged with 2xx but not stored").toEqual([]);
  expect(await findCounterDrift(client)).toEqual([]);
  expect([...statuses.keys()].filter((status) => status >= 500 && status !== 503), "only 503s while the database was away").toEqual([]);
  console.log(
    `outage: ${acked.length} votes acknowledged, all stored; statuses ${JSON.stringify(Object.fromEntries(statuses))}; ` +
      `503 within ${detectedMs} ms of the stop; ready ${recoveredMs} ms after the restart; listener reconnects ${listener.reconnects}`,
  );
});
