import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Locks (creating if needed) a tool's counter row for the rest of the
 * transaction. Every counter write takes this lock first, so writes to one
 * tool's counters apply one after another and never deadlock each other.
 */
export async function lockToolStats(tx: Prisma.TransactionClient, toolId: string): Promise<void> {
  await tx.$executeRaw`INSERT INTO "ToolStats" ("toolId") VALUES (${toolId}) ON CONFLICT ("toolId") DO NOTHING`;
  await tx.$queryRaw`SELECT 1 FROM "ToolStats" WHERE "toolId" = ${toolId} FOR UPDATE`;
}
