import "server-only";
import { env, requireDatabaseUrl } from "@/lib/env";
import { createPrismaClient, type PrismaClient } from "./client";

/**
 * The one Prisma client of the app. Created on first use, so that importing a
 * module during `next build` does not need a database; kept on globalThis in
 * development so hot reloads do not open a new pool each time.
 */
const globalForDb = globalThis as unknown as { __db?: PrismaClient };

function getClient(): PrismaClient {
  globalForDb.__db ??= createPrismaClient(requireDatabaseUrl(), { poolSize: env.DATABASE_POOL_SIZE });
  return globalForDb.__db;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getClient();
    const value = Reflect.get(client, property, client) as unknown;
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(client) : value;
  },
});

export type { Prisma } from "@/lib/generated/prisma/client";
