/**
 * `npm run mutate [-- lib/votes lib/http …]`: mutation testing with StrykerJS
 * (stryker.config.mjs; docs/decisions/018-rate-limit-identities-and-mutation-testing.md).
 *
 * Stryker runs Vitest. The unit tests need nothing; the integration tests need
 * what scripts/test.ts prepares: a migrated template database and a seeded one
 * on the server in DATABASE_URL (or an embedded PostgreSQL under
 * .data/mutate-postgres), named in TEST_* variables that Stryker's workers
 * inherit. Then one Stryker run per study (a folder and the test files that
 * exercise it), a report per study under reports/mutation/, and a table of
 * mutation scores. The databases are dropped at the end. Not part of
 * `npm test` or CI.
 */
import { spawn } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createPrismaClient } from "../lib/db/client";
import { seed } from "../prisma/seed";
import { DatabaseSetupError, withAdminClient, withDatabase } from "./db/connection";
import { embeddedPort, openDatabase } from "./db/setup";
import { root } from "./lib/next";

type Study = { mutate: string[]; testFiles: string[] };
// The config is plain JavaScript, read by Stryker too; here only its studies are needed.
const { studies } = (await import(pathToFileURL(path.join(root, "stryker.config.mjs")).href)) as { studies: Record<string, Study> };

const asked = process.argv.slice(2).filter((arg) => !arg.startsWith("-"));
const unknown = asked.filter((name) => !(name in studies));
if (unknown.length) {
  console.error(`✖ No study named ${unknown.join(", ")}. Studies: ${Object.keys(studies).join(", ")}`);
  process.exit(1);
}
const chosen = asked.length ? asked : Object.keys(studies);
const prefix = `sos_mutate_${process.pid}_${Date.now().toString(36)}`;
const started = performance.now();
const seconds = (since: number) => Math.round((performance.now() - since) / 1000);

type Score = { study: string; killed: number; timeout: number; survived: number; noCoverage: number; errors: number; score: number; covered: number; seconds: number };
type Report = { files: Record<string, { mutants: { status: string }[] }> };

/**
 * Stryker's mutation score from its JSON report: detected (killed, timed out)
 * over valid mutants; `covered` leaves out the mutants no selected test reaches.
 */
async function score(study: string, took: number): Promise<Score> {
  const report = JSON.parse(await readFile(path.join(root, `reports/mutation/${study.replaceAll("/", "-")}.json`), "utf8")) as Report;
  const statuses = Object.values(report.files).flatMap((file) => file.mutants.map((mutant) => mutant.status));
  const count = (...names: string[]) => statuses.filter((status) => names.includes(status)).length;
  const [killed, timeout, survived, noCoverage] = [count("Killed"), count("Timeout"), count("Survived"), count("NoCoverage")];
  const detected = killed + timeout;
  const percent = (part: number, whole: number) => (whole ? Math.round((1000 * part) / whole) / 10 : 100);
  return {
    study,
    killed,
    timeout,
    survived,
    noCoverage,
    errors: count("CompileError", "RuntimeError"),
    score: percent(detected, detected + survived + noCoverage),
    covered: percent(detected, detected + survived),
    seconds: took,
  };
}

let running: ReturnType<typeof spawn> | null = null;
let interrupted = false;
// Ctrl-C or SIGTERM: stop the Stryker run under way, then drop the databases as usual.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    interrupted = true;
    running?.kill("SIGTERM");
  });
}

/** One Stryker run in a process of its own (Stryker keeps state in the config module it loads). */
function stryker(study: string): Promise<number> {
  return new Promise((resolve) => {
    const child = (running = spawn(process.execPath, [path.join(root, "node_modules/@stryker-mutator/core/bin/stryker.js"), "run", "stryker.config.mjs"], {
      cwd: root,
      env: { ...process.env, STRYKER_STUDY: study },
      stdio: "inherit",
    }));
    child.on("exit", (code) => {
      running = null;
      resolve(code ?? 1);
    });
  });
}

async function main() {
  let database;
  try {
    database = await openDatabase({
      databaseUrl: process.env.DATABASE_URL ? withDatabase(process.env.DATABASE_URL, `${prefix}_template`) : undefined,
      embedded: {
        dataDir: path.join(root, ".data/mutate-postgres"),
        port: embeddedPort(process.env.EMBEDDED_PG_MUTATE_PORT, 54349),
        database: `${prefix}_template`,
        ephemeral: true,
      },
    });
  } catch (error) {
    if (error instanceof DatabaseSetupError) {
      console.error(`✖ ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const adminUrl = database.adminUrl;
  const scores: Score[] = [];
  const failed: string[] = [];
  try {
    const templateSeeded = `${prefix}_seeded`;
    await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(templateSeeded)} TEMPLATE ${client.escapeIdentifier(`${prefix}_template`)}`));
    const seedClient = createPrismaClient(withDatabase(adminUrl, templateSeeded), { poolSize: 2 });
    try {
      await seed(seedClient);
    } finally {
      await seedClient.$disconnect();
    }
    // Stryker's workers inherit these, as Vitest's do under scripts/test.ts.
    Object.assign(process.env, {
      TEST_ADMIN_URL: adminUrl,
      TEST_TEMPLATE_EMPTY: `${prefix}_template`,
      TEST_TEMPLATE_SEEDED: templateSeeded,
      TEST_DB_PREFIX: prefix,
      NEXT_TELEMETRY_DISABLED: "1",
    });
    console.log(`▸ Test databases ready on ${database.embedded ? "embedded PostgreSQL" : "DATABASE_URL's server"} (${seconds(started)}s)`);

    for (const name of chosen) {
      if (interrupted) break;
      console.log(`\n━━ Mutating ${name} (tests: ${studies[name]!.testFiles.join(", ")})`);
      const since = performance.now();
      const code = await stryker(name);
      if (code === 0) scores.push(await score(name, seconds(since)));
      else failed.push(name);
    }
  } finally {
    await withAdminClient(adminUrl, async (client) => {
      const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${prefix}%`]);
      for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(datname)} WITH (FORCE)`);
    }).catch((error) => console.error("Could not drop the mutation-testing databases:", error));
    await database.stop();
    if (database.embedded) await rm(path.join(root, ".data/mutate-postgres"), { recursive: true, force: true });
  }

  console.log("\n━━ Mutation scores (killed + timed out, over all valid mutants; 'covered' leaves out mutants no selected test reaches)");
  console.log(`  ${"folder".padEnd(16)} ${"score".padStart(6)} ${"covered".padStart(8)} ${"killed".padStart(7)} ${"timeout".padStart(8)} ${"survived".padStart(9)} ${"no cover".padStart(9)} ${"errors".padStart(7)} ${"time".padStart(6)}`);
  for (const s of scores) {
    console.log(
      `  ${s.study.padEnd(16)} ${`${s.score}%`.padStart(6)} ${`${s.covered}%`.padStart(8)} ${String(s.killed).padStart(7)} ${String(s.timeout).padStart(8)} ${String(s.survived).padStart(9)} ${String(s.noCoverage).padStart(9)} ${String(s.errors).padStart(7)} ${`${s.seconds}s`.padStart(6)}`,
    );
  }
  console.log(`  in ${seconds(started)}s; reports: reports/mutation/<folder>.html`);
  if (failed.length) {
    console.error(`✖ Stryker did not finish: ${failed.join(", ")} (see above)`);
    process.exitCode = 1;
  }
}

await main();
