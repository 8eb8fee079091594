/**
 * `npm test`: every check, one command, one summary line.
 *
 *   lint → typecheck → unit + integration (Vitest, real PostgreSQL) → build → e2e (Playwright, Chromium)
 *
 * Database: the server in DATABASE_URL when set (it creates and drops its own
 * `sos_test_*` databases there and touches nothing else), otherwise an
 * embedded PostgreSQL under .data/test-postgres. Ends with "N passed, N failed".
 *
 * Options: --skip-e2e, --only-e2e; E2E_PORT, CHROMIUM_PATH env vars.
 * File filters narrow a run while developing, skipping lint and typecheck:
 *   npm test -- tests/integration/api.test.ts            (Vitest only)
 *   npm test -- --only-e2e tests/e2e/directory.spec.ts   (Playwright only)
 *   npm test -- --only-e2e --no-deps tests/e2e/xss.spec.ts   (an "admin"-project spec without the specs it follows)
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import net from "node:net";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { DatabaseSetupError, withAdminClient, withDatabase } from "./db/connection";
import { createPrismaClient } from "../lib/db/client";
import { embeddedPort, openDatabase, type DatabaseHandle } from "./db/setup";
import { seed } from "../prisma/seed";
import { startMailServer } from "../tests/helpers/mail-server";
import { buildIsCurrent, freePort, root, runNext } from "./lib/next";

const args = new Set(process.argv.slice(2).filter((arg) => arg.startsWith("--")));
const filters = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
const runE2e = !args.has("--skip-e2e") && (filters.length === 0 || args.has("--only-e2e"));
const runOthers = !args.has("--only-e2e");
const runChecks = runOthers && filters.length === 0;
const prefix = `sos_test_${process.pid}_${Date.now().toString(36)}`;
const reportDir = path.join(root, "test-results");
const started = performance.now();

type Tally = { name: string; passed: number; failed: number; skipped: number; note?: string };
const tallies: Tally[] = [];

function run(command: string, commandArgs: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { cwd: root, env, stdio: "inherit" });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** Like run, with the child's output passed through line by line to `onLine` as well. */
function runWatched(command: string, commandArgs: string[], env: NodeJS.ProcessEnv, onLine: (line: string) => void): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { cwd: root, env, stdio: ["inherit", "pipe", "pipe"] });
    for (const [stream, sink] of [[child.stdout, process.stdout], [child.stderr, process.stderr]] as const) {
      let rest = "";
      stream.on("data", (chunk: Buffer) => {
        sink.write(chunk);
        const lines = (rest + chunk.toString("utf8")).split("\n");
        rest = lines.pop() ?? "";
        for (const line of lines) onLine(line);
      });
      stream.on("end", () => rest && onLine(rest));
    }
    // "close", not "exit": after the output has been read to its end.
    child.on("close", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const bin = (name: string) => path.join(root, "node_modules/.bin", name);

async function step(name: string, command: string, commandArgs: string[], env?: NodeJS.ProcessEnv) {
  console.log(`\n━━ ${name}`);
  const code = await run(command, commandArgs, env);
  tallies.push({ name, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 });
  return code === 0;
}

function commandExists(command: string): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn("sh", ["-c", `command -v ${command}`], { stdio: "ignore" });
    child.on("exit", (code) => resolve(code === 0));
    child.on("error", () => resolve(false));
  });
}

async function readJson<T>(file: string): Promise<T | null> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as T;
  } catch {
    return null;
  }
}

async function vitest(env: NodeJS.ProcessEnv) {
  console.log("\n━━ Vitest: unit + integration");
  const output = path.join(reportDir, "vitest.json");
  await rm(output, { force: true });
  const code = await run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${output}`, ...filters], env);
  const report = await readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number; numFailedTestSuites: number }>(output);
  if (!report) {
    tallies.push({ name: "vitest", passed: 0, failed: 1, skipped: 0, note: `exited ${code} without a report` });
    return;
  }
  const suiteFailures = code !== 0 && report.numFailedTests === 0 ? Math.max(1, report.numFailedTestSuites) : 0;
  tallies.push({
    name: "vitest",
    passed: report.numPassedTests,
    failed: report.numFailedTests + suiteFailures,
    skipped: report.numPendingTests + report.numTodoTests,
    note: suiteFailures ? `${suiteFailures} file(s) failed to load` : undefined,
  });
}

type PlaywrightStats = { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };

async function playwright(database: DatabaseHandle, templateSeeded: string) {
  const name = `${prefix}_e2e`;
  await withAdminClient(database.adminUrl, (client) =>
    client.query(`CREATE DATABASE ${client.escapeIdentifier(name)} TEMPLATE ${client.escapeIdentifier(templateSeeded)}`),
  );
  const mailDir = path.join(reportDir, "mail");
  await rm(mailDir, { recursive: true, force: true });
  const mail = await startMailServer(mailDir);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: withDatabase(database.adminUrl, name),
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    AUTH_TRUST_HOST: "true",
    EMAIL_SERVER: mail.url,
    MAIL_DIR: mailDir,
    // Short enough that the slow-client tests (tests/e2e/wire-fuzz.spec.ts) finish quickly; every real request here is far faster.
    HTTP_HEADERS_TIMEOUT_SECONDS: "3",
    HTTP_REQUEST_TIMEOUT_SECONDS: "6",
    ADMIN_EMAILS: "admin@example.test",
  };
  try {
    await runPlaywright(env);
  } finally {
    await mail.close();
  }
}

async function runPlaywright(env: NodeJS.ProcessEnv) {
  if (!buildIsCurrent()) {
    console.log("\n━━ next build");
    if ((await runNext(["build"], env)) !== 0) {
      tallies.push({ name: "build", passed: 0, failed: 1, skipped: 0 });
      return;
    }
  }
  console.log("\n━━ Playwright: end to end");
  const output = path.join(reportDir, "playwright.json");
  await rm(output, { force: true });
  const port = process.env.E2E_PORT ? Number(process.env.E2E_PORT) : await freePort();
  const crashes: string[] = [];
  const code = await runWatched(
    bin("playwright"),
    // --no-deps: run an "admin"-project spec alone, without the public projects it depends on (while developing).
    ["test", ...filters, ...(args.has("--no-deps") ? ["--no-deps"] : [])],
    {
      ...env,
      SITE_URL: `http://127.0.0.1:${port}`,
      AUTH_URL: `http://127.0.0.1:${port}`,
      E2E_PORT: String(port),
      PLAYWRIGHT_JSON_OUTPUT_NAME: output,
    },
    // A server's uncaught exception or unhandled rejection (Next logs and survives it) is a defect even
    // when every answer looked right: the servers' output passes through here, and one fails the run.
    (line) => {
      if (/uncaughtException|unhandledRejection/.test(line) && crashes.length < 10) crashes.push(line.trim().slice(0, 300));
    },
  );
  if (crashes.length > 0) {
    console.error(`\nServer logs during the e2e run had uncaught errors:\n  ${crashes.join("\n  ")}`);
    tallies.push({ name: "server logs", passed: 0, failed: 1, skipped: 0, note: "uncaught exception or unhandled rejection in a server's log" });
  }
  const report = await readJson<PlaywrightStats>(output);
  if (!report) {
    tallies.push({ name: "playwright", passed: 0, failed: 1, skipped: 0, note: `exited ${code} without a report` });
    return;
  }
  const { expected, unexpected, flaky, skipped } = report.stats;
  tallies.push({ name: "playwright", passed: expected + flaky, failed: unexpected + (code !== 0 && unexpected === 0 ? 1 : 0), skipped });
}

/** Redis for the Redis-store tests: REDIS_URL, or one answering at 127.0.0.1:6379. */
async function findRedis(): Promise<string | undefined> {
  if (process.env.REDIS_URL) return process.env.REDIS_URL;
  const answers = await new Promise<boolean>((resolve) => {
    const socket = net.connect(6379, "127.0.0.1");
    socket.setTimeout(1000);
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => {
      socket.destroy();
      resolve(data.toString().startsWith("+PONG"));
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
  return answers ? "redis://127.0.0.1:6379" : undefined;
}

async function dropRunDatabases(adminUrl: string) {
  await withAdminClient(adminUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${prefix}%`]);
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(datname)} WITH (FORCE)`);
    }
  });
}

/**
 * `npm audit --omit=dev`: no high or critical advisory in what ships. The
 * advisory endpoint is a POST to the registry; where the registry in reach
 * refuses it (a read-only mirror answers 405), the check is reported as not
 * run, never as passed.
 */
async function audit() {
  console.log("\n━━ npm audit --omit=dev");
  const result = await new Promise<{ code: number; out: string }>((resolve) => {
    const child = spawn("npm", ["audit", "--omit=dev", "--json"], { cwd: root, stdio: ["ignore", "pipe", "ignore"] });
    const timer = setTimeout(() => child.kill("SIGKILL"), 90_000);
    child.on("exit", () => clearTimeout(timer));
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.on("exit", (code) => resolve({ code: code ?? 1, out }));
    child.on("error", () => resolve({ code: 1, out }));
  });
  let report: { metadata?: { vulnerabilities?: Record<string, number> }; message?: string } | null = null;
  try {
    report = JSON.parse(result.out);
  } catch {
    report = null;
  }
  const counts = report?.metadata?.vulnerabilities;
  if (!counts) {
    const why = report?.message ?? "no report";
    console.log(`▸ npm audit could not reach the advisory database (${why}): not checked in this run.`);
    tallies.push({ name: "npm audit", passed: 0, failed: 0, skipped: 1, note: "advisory endpoint unreachable" });
    return;
  }
  const serious = (counts.high ?? 0) + (counts.critical ?? 0);
  console.log(`audit: ${counts.critical ?? 0} critical, ${counts.high ?? 0} high, ${counts.moderate ?? 0} moderate, ${counts.low ?? 0} low advisories in production dependencies`);
  tallies.push({ name: "npm audit", passed: serious === 0 ? 1 : 0, failed: serious === 0 ? 0 : 1, skipped: 0 });
}

async function main() {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  if (runChecks) {
    await step("ESLint", bin("eslint"), ["--max-warnings=0", "."]);
    console.log("\n━━ Route types");
    await runNext(["typegen"], process.env);
    await step("TypeScript", bin("tsc"), ["--noEmit"]);
    // The production-like compose file must stay valid; Debian's docker-compose checks it without an engine.
    if (await commandExists("docker-compose")) await step("Compose", "docker-compose", ["config", "-q"]);
    else console.log("\n▸ docker-compose is not installed: docker-compose.yml is not validated in this run (CI installs it).");
    await audit();
  }

  let database: DatabaseHandle;
  try {
    database = await openDatabase({
      databaseUrl: process.env.DATABASE_URL ? withDatabase(process.env.DATABASE_URL, `${prefix}_template`) : undefined,
      embedded: {
        dataDir: path.join(root, ".data/test-postgres"),
        port: embeddedPort(process.env.EMBEDDED_PG_TEST_PORT, 54339),
        database: `${prefix}_template`,
        ephemeral: true,
      },
    });
  } catch (error) {
    if (error instanceof DatabaseSetupError) {
      console.error(`✖ ${error.message}`);
      console.log("\n0 passed, 1 failed");
      process.exit(1);
    }
    throw error;
  }

  const templateEmpty = `${prefix}_template`;
  const templateSeeded = `${prefix}_seeded`;
  try {
    await withAdminClient(database.adminUrl, (client) =>
      client.query(`CREATE DATABASE ${client.escapeIdentifier(templateSeeded)} TEMPLATE ${client.escapeIdentifier(templateEmpty)}`),
    );
    const seedClient = createPrismaClient(withDatabase(database.adminUrl, templateSeeded), { poolSize: 2 });
    try {
      await seed(seedClient);
    } finally {
      await seedClient.$disconnect();
    }
    console.log(`\n▸ Test databases ready on ${database.embedded ? "embedded PostgreSQL" : "DATABASE_URL's server"} (${((performance.now() - started) / 1000).toFixed(1)}s)`);

    const env = {
      ...process.env,
      TEST_ADMIN_URL: database.adminUrl,
      TEST_TEMPLATE_EMPTY: templateEmpty,
      TEST_TEMPLATE_SEEDED: templateSeeded,
      TEST_DB_PREFIX: prefix,
      TEST_REDIS_URL: await findRedis(),
    };
    if (!env.TEST_REDIS_URL) console.log("▸ No Redis at 127.0.0.1:6379 (or REDIS_URL): the Redis rate-limit store is not tested in this run.");
    if (runOthers) await vitest(env);
    if (runE2e) await playwright(database, templateSeeded);
  } finally {
    await dropRunDatabases(database.adminUrl).catch((error) => console.error("Could not drop test databases:", error));
    await database.stop();
  }

  const passed = tallies.reduce((sum, t) => sum + t.passed, 0);
  const failed = tallies.reduce((sum, t) => sum + t.failed, 0);
  const skipped = tallies.reduce((sum, t) => sum + t.skipped, 0);
  console.log("\n━━ Summary");
  for (const t of tallies) {
    console.log(`  ${t.failed ? "✖" : "✔"} ${t.name.padEnd(12)} ${t.passed} passed, ${t.failed} failed${t.skipped ? `, ${t.skipped} skipped` : ""}${t.note ? ` (${t.note})` : ""}`);
  }
  console.log(`  in ${((performance.now() - started) / 1000).toFixed(0)}s\n`);
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
  process.exit(failed > 0 || passed === 0 ? 1 : 0);
}

await main();
