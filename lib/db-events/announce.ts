import { Prisma } from "@/lib/generated/prisma/client";
import { CHANNELS, contentChangeSchema, reasonsChangeSchema, type ContentChange } from "./channels";

/**
 * How a write says what it changed. Both are part of the write's own
 * transaction: PostgreSQL delivers a NOTIFY on commit, never for a rollback,
 * and every node's listener (lib/db-events/listener.ts) hears it.
 */

/**
 * A staff edit of public content announces what it changed (a tool, a verdict,
 * a comparison, a reviewer, or site-wide); the page cache drops exactly the
 * pages that show it. Every public write in lib/<domain>/writes.ts calls this
 * (tests/integration/announce.test.ts proves it for each one).
 */
export async function announce(tx: Prisma.TransactionClient, change: ContentChange): Promise<void> {
  const payload = JSON.stringify(contentChangeSchema.parse(change));
  await tx.$executeRaw`SELECT pg_notify(${CHANNELS.content}, ${payload})`;
}

/**
 * The figures: the NOTIFY for every row of a CTE named `updated` that returns
 * ToolStats rows ("toolId" and the four counters), so one statement writes the
 * counters and announces them (lib/stats/write.ts, the vote's statement in
 * lib/votes/writes.ts). Its payload is `toolStatsChangeSchema`.
 */
export const announceUpdatedToolStats = Prisma.sql`
  SELECT pg_notify(${CHANNELS.toolStats}, json_build_object(
    'toolId', u."toolId", 'slug', t."slug",
    'panelShip', u."panelShip", 'panelTotal', u."panelTotal",
    'communityShip', u."communityShip", 'communityTotal', u."communityTotal",
    'at', floor(extract(epoch FROM clock_timestamp()) * 1000)
  )::text)
  FROM updated u JOIN "Tool" t ON t."id" = u."toolId"`;

/**
 * Readers' reasons on these tools changed without their counters (a helpful
 * mark, a report, an author's new display name, an account's marks gone with
 * it): the pages showing them are refreshed as after a vote. One statement,
 * one NOTIFY per tool. cast_vote announces a reason written with a vote itself.
 */
export async function announceReasons(tx: Prisma.TransactionClient, slugs: readonly string[]): Promise<void> {
  const payloads = [...new Set(slugs)].map((slug) => JSON.stringify(reasonsChangeSchema.parse({ slug })));
  if (payloads.length === 0) return;
  await tx.$executeRaw`SELECT pg_notify(${CHANNELS.reasons}, payload) FROM unnest(${payloads}::text[]) AS payload`;
}
