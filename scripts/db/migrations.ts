import { createRequire } from "node:module";
import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { DatabaseSetupError, parseDatabaseUrl } from "./connection";
import { migrateJobQueue } from "./job-queue";

/**
 * Migrations without the native schema engine (which cannot be downloaded on
 * these machines): Prisma's own schema engine compiled to Wasm, driven through
 * the pg driver adapter. It writes Prisma's `_prisma_migrations` table, so
 * `prisma migrate deploy|status` agree with it on a networked machine.
 * See docs/decisions/002-offline-migrations.md.
 */

const root = path.resolve(import.meta.dirname, "../..");
export const schemaPath = path.join(root, "prisma/schema.prisma");
export const migrationsDir = path.join(root, "prisma/migrations");
const SNAPSHOT = "schema.prisma.snapshot";

type Engine = {
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  diff(input: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
};

type WasmBindings = {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
  SchemaEngine: {
    new: (options: unknown, log: (message: string) => void, adapter: unknown) => Promise<Engine>;
  };
};

let bindings: Promise<WasmBindings> | undefined;

async function loadBindings(): Promise<WasmBindings> {
  // The package entry imports a .wasm module, which Node cannot; instantiate by hand.
  const require = createRequire(import.meta.url);
  const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bg = (await import(bgPath)) as WasmBindings;
  const wasm = await readFile(path.join(path.dirname(bgPath), "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(wasm, { "./schema_engine_bg.js": bg as never });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as (() => void) | undefined)?.();
  return bg;
}

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;

/**
 * Prisma's pg adapter runs a migration script by splitting it at every ";"
 * (@prisma/adapter-pg executeScript), which cuts a function body, a DO block
 * or a comment with a semicolon in it into fragments PostgreSQL refuses. This
 * one sends each script whole, as one simple-protocol query, as psql and the
 * native schema engine do: PostgreSQL runs its statements in order.
 */
class WholeScriptPg extends PrismaPg {
  override async connect(): Promise<Adapter> {
    return wholeScripts(await super.connect());
  }
  override async connectToShadowDb(): Promise<Adapter> {
    return wholeScripts(await super.connectToShadowDb());
  }
}

function wholeScripts(adapter: Adapter): Adapter {
  const driver = adapter.underlyingDriver() as pg.Pool;
  // The adapter's own error path turns a pg error into the engine's (onError is not in its type).
  const onError = (adapter as unknown as { onError(error: unknown): never }).onError.bind(adapter);
  adapter.executeScript = async (script: string) => {
    try {
      await driver.query(script);
    } catch (error) {
      onError(error);
    }
  };
  return adapter;
}

async function withEngine<T>(url: string, fn: (engine: Engine) => Promise<T>): Promise<T> {
  bindings ??= loadBindings();
  const bg = await bindings;
  const config = parseDatabaseUrl(url);
  // Our own pool (discrete fields, not a connection string), so it can be
  // closed as soon as the engine is done instead of idling the process.
  const pool = new pg.Pool({ ...config, max: 2, connectionTimeoutMillis: 5000 });
  pool.on("error", () => undefined);
  const adapter = bindMigrationAwareSqlAdapterFactory(new WholeScriptPg(pool));
  const schema = await readFile(schemaPath, "utf8");
  const logs: string[] = [];
  const engine = await bg.SchemaEngine.new(
    { datamodels: [[schemaPath, schema]] },
    (message: string) => logs.push(message),
    adapter,
  );
  try {
    return await fn(engine);
  } finally {
    engine.free();
    await pool.end().catch(() => undefined);
  }
}

async function listMigrations() {
  const entries = (await readdir(migrationsDir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  const lockContent = await readFile(lockPath, "utf8").catch(() => null);
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      entries.map(async (name) => {
        const sql = await readFile(path.join(migrationsDir, name, "migration.sql"), "utf8").then(
          (value) => ({ tag: "ok" as const, value }),
          (error: Error) => ({ tag: "error" as const, value: error.message }),
        );
        return { path: name, migrationFile: { path: "migration.sql", content: sql } };
      }),
    ),
  };
}

const filters = { externalTables: [], externalEnums: [] };

/** Applies every pending migration, then the job queue's (lib/jobs); idempotent. Returns the names of this app's it applied. */
export async function applyMigrations(url: string): Promise<string[]> {
  const migrationsList = await listMigrations();
  try {
    const applied = await withEngine(url, async (engine) => {
      const result = await engine.applyMigrations({ migrationsList, filters });
      return result.appliedMigrationNames;
    });
    // The job queue's own schema (graphile_worker), kept by its package: ready before any node enqueues a job.
    await migrateJobQueue(url);
    return applied;
  } catch (error) {
    const message = errorMessage(error);
    throw new DatabaseSetupError(
      `Migration failed: ${firstUsefulLine(message)} — fix the migration or the database, then start again (nothing after the failing step was applied).`,
    );
  }
}

function firstUsefulLine(message: string): string {
  const lines = message.split("\n").map((line) => line.trim()).filter(Boolean);
  return lines.find((line) => line !== "external connector error") ?? lines[0] ?? "unknown error";
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "string") return error;
  try {
    const parsed = typeof error === "object" && error ? (error as { message?: string }) : {};
    return parsed.message ?? JSON.stringify(error);
  } catch {
    return String(error);
  }
}

/**
 * Writes a new migration from the difference between the schema snapshot of
 * the newest migration and prisma/schema.prisma. Needs no database.
 */
export async function createMigration(name: string, url: string): Promise<string | null> {
  const existing = (await readdir(migrationsDir).catch(() => [] as string[])).filter(
    (entry) => !entry.endsWith(".toml"),
  );
  existing.sort();
  // The newest snapshot: a hand-written migration that changes no model (a function, a trigger) has none.
  let snapshot: string | undefined;
  for (const entry of existing.toReversed()) {
    snapshot = await readFile(path.join(migrationsDir, entry, SNAPSHOT), "utf8").catch(() => undefined);
    if (snapshot !== undefined) break;
  }
  const schema = await readFile(schemaPath, "utf8");
  const from = snapshot !== undefined ? { tag: "schemaDatamodel", files: [{ path: schemaPath, content: snapshot }] } : { tag: "empty" };
  const script = await withEngine(url, async (engine) => {
    const result = await engine.diff({
      from,
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
      script: true,
      exitCode: null,
      filters,
    });
    return result.stdout ?? "";
  });
  if (!script.trim() || /^-- This is an empty migration\.?\s*$/.test(script.trim())) return null;
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dirName = `${stamp}_${name.replace(/[^a-z0-9_]+/gi, "_").toLowerCase()}`;
  const { mkdir, writeFile } = await import("node:fs/promises");
  const dir = path.join(migrationsDir, dirName);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "migration.sql"), script);
  await writeFile(path.join(dir, SNAPSHOT), schema);
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  if (!(await stat(lockPath).catch(() => null))) {
    await writeFile(
      lockPath,
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    );
  }
  return dir;
}
