import "server-only";
import type pg from "pg";
import { env, requireDatabaseUrl } from "@/lib/env";
import { createPool, createPrismaClient, type PrismaClient } from "./client";

/**
 * The one database pool and Prisma client of the app process. Created on first
 * use, so importing a module during `next build` needs no database; kept on
 * globalThis so development hot reloads do not open a new pool each time.
 */
const globalForDb = globalThis as unknown as { __db?: PrismaClient; __pool?: pg.Pool };

/** The shared pg pool (Prisma's adapter and the rate limiter's store use it). */
export function getPool(): pg.Pool {
  globalForDb.__pool ??= createPool(requireDatabaseUrl(), { poolSize: env.DATABASE_POOL_SIZE });
  return globalForDb.__pool;
}

function getClient(): PrismaClient {
  globalForDb.__db ??= createPrismaClient(requireDatabaseUrl(), { pool: getPool() });
  return globalForDb.__db;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getClient();
    const value = Reflect.get(client, property, client) as unknown;
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(client) : value;
  },
});

/** Closes the client and the pool (tests, graceful shutdown). */
export async function closeDb(): Promise<void> {
  const client = globalForDb.__db;
  const pool = globalForDb.__pool;
  delete globalForDb.__db;
  delete globalForDb.__pool;
  await client?.$disconnect();
  await pool?.end().catch(() => undefined);
}

export type { Prisma } from "@/lib/generated/prisma/client";
