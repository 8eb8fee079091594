import "server-only";
import { env, requireDatabaseUrl } from "@/lib/env";
import { readReplicas } from "@prisma/extension-read-replicas";
import { createPrismaClient, type PrismaClient } from "./client";
import { closePool, getPool } from "./pool";

export { getPool };

/**
 * The one database pool and Prisma client of the app process. Created on first
 * use, so importing a module during `next build` needs no database; kept on
 * globalThis so development hot reloads do not open a new pool each time.
 */
// Named so no library's global can collide: tslib (graphile-worker's helper library) puts its `__read` helper on globalThis.
const globalForDb = globalThis as unknown as { __db?: PrismaClient; __readDb?: ReadClient; __replicas?: PrismaClient[] };

/** The client public reads use: model reads go to a replica; `$primary()` and `$replica()` choose explicitly. */
export type ReadClient = PrismaClient & { $primary(): PrismaClient; $replica(): PrismaClient };

function getClient(): PrismaClient {
  globalForDb.__db ??= createPrismaClient(requireDatabaseUrl(), { pool: getPool() });
  return globalForDb.__db;
}

/**
 * An object that forwards every property to `target()`, read on each access
 * (so the client is created on first use), with methods bound to it; `extra`
 * answers some properties itself.
 */
function forwardTo<T extends object>(target: () => T, extra: Record<PropertyKey, unknown> = {}): T {
  return new Proxy({} as T, {
    get(_proxy, property) {
      if (Object.hasOwn(extra, property)) return extra[property];
      const client = target();
      const value = Reflect.get(client, property, client) as unknown;
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(client) : value;
    },
  });
}

export const db: PrismaClient = forwardTo(getClient);

function getReadClient(): ReadClient {
  if (globalForDb.__readDb) return globalForDb.__readDb;
  const primary = getClient();
  if (env.DATABASE_REPLICA_URLS.length === 0) {
    globalForDb.__readDb = forwardTo(() => primary, { $primary: () => primary, $replica: () => primary }) as ReadClient;
  } else {
    const replicas = env.DATABASE_REPLICA_URLS.map((url) => createPrismaClient(url, { poolSize: env.DATABASE_POOL_SIZE }));
    globalForDb.__replicas = replicas;
    globalForDb.__readDb = primary.$extends(readReplicas({ replicas })) as unknown as ReadClient;
  }
  return globalForDb.__readDb;
}

/**
 * Public reads (catalogue, comparisons, reviewers, directory, feeds): through
 * Prisma's read-replica extension when DATABASE_REPLICA_URLS is set, else the
 * primary. Writes, transactions, sessions, admin screens and a visitor's own
 * votes use `db`, the primary, so nobody reads around their own write.
 * Raw SQL goes to the primary unless sent through `readDb.$replica()`.
 */
export const readDb: ReadClient = forwardTo(getReadClient);

/** Closes the clients and the pool (tests, graceful shutdown). */
export async function closeDb(): Promise<void> {
  const client = globalForDb.__db;
  const replicas = globalForDb.__replicas ?? [];
  delete globalForDb.__db;
  delete globalForDb.__readDb;
  delete globalForDb.__replicas;
  await Promise.all(replicas.map((replica) => replica.$disconnect()));
  await client?.$disconnect();
  await closePool();
}

export type { Prisma } from "@/lib/generated/prisma/client";
