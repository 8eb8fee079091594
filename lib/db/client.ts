import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type { PrismaClient };

/**
 * `connectionTimeoutMillis` bounds both opening a connection and waiting for a
 * free one in the pool; under a burst, requests queue for up to 15 s (the same
 * bound as a transaction's wait) before failing with a 503.
 */
function poolConfig(url: string, poolSize = 10): pg.PoolConfig {
  return { connectionString: url, max: poolSize, connectionTimeoutMillis: 15_000, idleTimeoutMillis: 30_000 };
}

export function createPool(url: string, options: { poolSize?: number } = {}): pg.Pool {
  const pool = new pg.Pool(poolConfig(url, options.poolSize));
  // An idle client losing its connection must not crash the process; the pool replaces it.
  // The logger loads lib/env, which the scripts that use this client (start, seed, migrate) must not read this early.
  pool.on("error", (error) => void import("@/lib/observability/log").then(({ log }) => log().error({ err: error }, "PostgreSQL pool error (an idle connection was lost)")));
  return pool;
}

/**
 * A Prisma client over the pg driver adapter: on a shared pool (which the
 * caller closes), or on a pool of its own that `$disconnect()` closes.
 */
export function createPrismaClient(url: string, options: { poolSize?: number; pool?: pg.Pool } = {}): PrismaClient {
  const adapter = new PrismaPg(options.pool ?? poolConfig(url, options.poolSize));
  return new PrismaClient({ adapter });
}
