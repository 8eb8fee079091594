import type pg from "pg";
import { env, requireDatabaseUrl } from "@/lib/env";
import { createPool } from "./client";

/**
 * The app process's one pg pool, on globalThis: the app's code (lib/db) and
 * the front gate (server.ts, which answers GET /api/me itself, and imports
 * plain modules only — no "server-only" marker) share it, as do development
 * hot reloads. Created on first use, so `next build` needs no database.
 */
const globalForPool = globalThis as unknown as { __pool?: pg.Pool };

export function getPool(): pg.Pool {
  globalForPool.__pool ??= createPool(requireDatabaseUrl(), { poolSize: env.DATABASE_POOL_SIZE });
  return globalForPool.__pool;
}

/** Ends the pool (lib/db's closeDb). */
export async function closePool(): Promise<void> {
  const pool = globalForPool.__pool;
  delete globalForPool.__pool;
  await pool?.end().catch(() => undefined);
}
