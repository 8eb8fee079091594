/**
 * `npm start` / `npm run dev`: get a migrated, seeded database, then serve.
 *
 * With DATABASE_URL unset it starts the embedded PostgreSQL (data in
 * EMBEDDED_PG_DIR, default .data/postgres; port EMBEDDED_PG_PORT, default
 * 54329) and stops it when the server stops — however the stop is asked for:
 * SIGINT, SIGTERM or SIGHUP to npm, to this process or to the server.
 * With DATABASE_URL set it uses that server. Set SEED=false to skip seeding.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { DatabaseSetupError } from "./db/connection";
import { createPrismaClient } from "../lib/db/client";
import { embeddedPort, openDatabase, type DatabaseHandle } from "./db/setup";
import { seed } from "../prisma/seed";
import { localAuthSecret } from "./lib/auth-secret";
import { buildIsCurrent, nextBin, portFree, root, runNext, serverArgs } from "./lib/next";

const mode = process.argv[2] === "dev" ? "dev" : "start";
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)}s`;

function fail(message: string): never {
  console.error(`✖ ${message}`);
  process.exit(1);
}

async function main() {
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) fail(`PORT must be a port number (got "${process.env.PORT}").`);
  if (!(await portFree(port))) {
    fail(`Port ${port} is already in use. Stop what is running there, or start on another port: PORT=3001 npm ${mode === "dev" ? "run dev" : "start"}`);
  }

  let database: DatabaseHandle;
  try {
    database = await openDatabase({
      databaseUrl: process.env.DATABASE_URL || undefined,
      embedded: {
        dataDir: process.env.EMBEDDED_PG_DIR ? path.resolve(process.env.EMBEDDED_PG_DIR) : path.join(root, ".data/postgres"),
        port: embeddedPort(process.env.EMBEDDED_PG_PORT, 54329),
        database: "ship_or_skip",
      },
    });
  } catch (error) {
    if (error instanceof DatabaseSetupError) fail(error.message);
    throw error;
  }
  const where = database.embedded ? "embedded PostgreSQL" : "PostgreSQL from DATABASE_URL";
  console.log(
    `▸ Database: ${where}${database.applied.length ? `, applied ${database.applied.length} migration(s)` : ", schema up to date"} (${elapsed()})`,
  );

  let stopping = false;
  const stopDatabase = async () => {
    if (stopping) return;
    stopping = true;
    await database.stop().catch(() => undefined);
  };

  if (process.env.SEED !== "false") {
    const client = createPrismaClient(database.url, { poolSize: 2 });
    try {
      const { created } = await seed(client);
      const total = Object.values(created).reduce((sum, n) => sum + n, 0);
      console.log(`▸ Seed: ${total ? `inserted ${total} row(s)` : "already present"} (${elapsed()})`);
    } catch (error) {
      await stopDatabase();
      fail(`Seeding failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    } finally {
      await client.$disconnect();
    }
  }

  const siteUrl = process.env.SITE_URL ?? `http://localhost:${port}`;
  const auth = await localAuthSecret(root);
  if (auth.generated && !database.embedded) {
    console.warn("▸ AUTH_SECRET is not set: using the one in .data/auth-secret. Set AUTH_SECRET on every node of a deployment.");
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    AUTH_SECRET: auth.secret,
    AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST ?? "true",
    SITE_URL: siteUrl,
    // Auth.js builds sign-in links from AUTH_URL, never from a request's Host header.
    AUTH_URL: process.env.AUTH_URL ?? siteUrl,
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    // A local run on the embedded database prints sign-in links when no SMTP server is set.
    ...(database.embedded && !process.env.EMAIL_SERVER && !process.env.EMAIL_LOG_LINKS ? { EMAIL_LOG_LINKS: "true" } : {}),
  };
  if (!process.env.EMAIL_SERVER && env.EMAIL_LOG_LINKS === "true") {
    console.log("▸ No EMAIL_SERVER: sign-in links are printed here, in the server log.");
  }

  if (mode === "start" && !buildIsCurrent()) {
    console.log("▸ Building the app (first start, or sources changed)…");
    const code = await runNext(["build"], env);
    if (code !== 0) {
      await stopDatabase();
      fail("The build failed (see above).");
    }
  }

  console.log(`▸ Serving on ${siteUrl} (${elapsed()})`);
  // Production runs the app's own server (server.ts: Next behind the front gate); development runs `next dev`.
  const args = mode === "start" ? serverArgs() : [nextBin, "dev", "-p", String(port)];
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: "inherit" });

  // Whichever process is signalled stops everything: npm forwards SIGINT and SIGTERM here (the
  // script `exec`s node, so no shell sits between them); this process forwards them to the server,
  // whose exit stops the embedded database below. SIGHUP (the terminal closed) stops the server too.
  const forward = (signal: NodeJS.Signals) => {
    if (child.exitCode === null) child.kill(signal);
  };
  process.on("SIGINT", () => forward("SIGINT"));
  process.on("SIGTERM", () => forward("SIGTERM"));
  process.on("SIGHUP", () => forward("SIGTERM"));
  // npm does not forward SIGHUP, and nothing forwards SIGKILL: when the process that started this
  // one is gone (this one was re-parented), stop as on SIGTERM rather than run on orphaned.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) forward("SIGTERM");
  }, 500).unref();
  child.on("exit", async (code, signal) => {
    const started = performance.now();
    await stopDatabase();
    if (database.embedded) console.log(`▸ Stopped: the server (${signal ?? `exit ${code}`}), then the embedded database (${Math.round(performance.now() - started)} ms)`);
    process.exit(code ?? (signal ? 0 : 1));
  });
}

await main();
