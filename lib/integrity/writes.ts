import "server-only";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { lockToolStats } from "@/lib/stats/lock";
import { writeToolStats } from "@/lib/stats/write";

type Tx = Prisma.TransactionClient;

/** A void that cannot be made or undone (nothing matches, unknown, restored already): nothing was written. */
export class IntegrityError extends Error {}

type Moved = { ship: number; total: number; pending: number; votes: number };

/** How the voided (or restored) votes move the counters: counted ones leave the figure, pending ones the pending count. */
async function moveCounters(tx: Tx, toolId: string, moved: Moved, sign: 1 | -1): Promise<void> {
  if (moved.total === 0 && moved.pending === 0) return;
  await writeToolStats(
    tx,
    toolId,
    Prisma.sql`"communityShip" = "communityShip" + ${sign * moved.ship}, "communityTotal" = "communityTotal" + ${sign * moved.total},
               "pendingVotes" = "pendingVotes" + ${sign * moved.pending}`,
  );
}

/**
 * Voids a tool's votes cast in the last `minutes` (only those from accounts
 * that were new when they voted, unless `newAccountsOnly` is false)
 * (docs/decisions/030): the votes are kept and marked with one VoteVoid row,
 * and leave the counters in the same transaction, under the tool's counter
 * lock (the vote path's). Audited; `restoreVoid` undoes it. A vote already
 * voided is left to its own void.
 */
export async function voidVotes(
  input: { tool: string; minutes: number; newAccountsOnly: boolean; reason: string },
  actorId: string,
): Promise<{ id: string; votes: number }> {
  return db.$transaction(async (tx) => {
    const tool = await tx.tool.findUnique({ where: { slug: input.tool }, select: { id: true, slug: true } });
    if (!tool) throw new IntegrityError(`No tool "${input.tool}".`);
    await lockToolStats(tx, tool.id);
    const since = new Date(Date.now() - input.minutes * 60_000);
    const created = await tx.voteVoid.create({
      data: { toolId: tool.id, reason: input.reason, since, newAccountsOnly: input.newAccountsOnly, voteCount: 0, createdById: actorId },
      select: { id: true },
    });
    const seconds = Math.round(env.NEW_ACCOUNT_HOURS * 3600);
    const [moved] = await tx.$queryRaw<Moved[]>`
      WITH voided AS (
        UPDATE "Vote" v SET "voidId" = ${created.id}
        FROM "User" u
        WHERE u."id" = v."userId" AND v."toolId" = ${tool.id} AND v."voidId" IS NULL AND v."createdAt" >= ${since}
          AND (${!input.newAccountsOnly} OR u."createdAt" > v."createdAt" - make_interval(secs => ${seconds}::int))
        RETURNING v."decision", v."pending"
      )
      SELECT count(*) FILTER (WHERE NOT "pending" AND "decision" = 'SHIP')::int AS ship,
             count(*) FILTER (WHERE NOT "pending")::int AS total,
             count(*) FILTER (WHERE "pending")::int AS pending,
             count(*)::int AS votes
      FROM voided`;
    if (!moved || moved.votes === 0) throw new IntegrityError("No vote matches: nothing was voided.");
    await tx.voteVoid.update({ where: { id: created.id }, data: { voteCount: moved.votes } });
    await moveCounters(tx, tool.id, moved, -1);
    await recordAudit(tx, {
      actorId,
      action: "votes.void",
      entityType: "VoteVoid",
      entityId: created.id,
      before: null,
      after: { tool: tool.slug, since: since.toISOString(), newAccountsOnly: input.newAccountsOnly, reason: input.reason, votes: moved.votes, counted: moved.total, pending: moved.pending },
    });
    return { id: created.id, votes: moved.votes };
  });
}

/**
 * Puts a void's votes back where they were: the ones still there (a reader may
 * have withdrawn theirs since) count again, or wait again if still pending, in
 * the same transaction as the counters. Audited. A void is restored once.
 */
export async function restoreVoid(voidId: string, actorId: string): Promise<{ votes: number }> {
  return db.$transaction(async (tx) => {
    const found = await tx.voteVoid.findUnique({ where: { id: voidId }, select: { id: true, toolId: true, restoredAt: true, tool: { select: { slug: true } } } });
    if (!found) throw new IntegrityError("No such void.");
    await lockToolStats(tx, found.toolId);
    const [current] = await tx.$queryRaw<{ restoredAt: Date | null }[]>`SELECT "restoredAt" FROM "VoteVoid" WHERE id = ${voidId} FOR UPDATE`;
    if (current?.restoredAt) throw new IntegrityError("These votes were restored already.");
    const [moved] = await tx.$queryRaw<Moved[]>`
      WITH restored AS (
        UPDATE "Vote" SET "voidId" = NULL WHERE "voidId" = ${voidId} RETURNING "decision", "pending"
      )
      SELECT count(*) FILTER (WHERE NOT "pending" AND "decision" = 'SHIP')::int AS ship,
             count(*) FILTER (WHERE NOT "pending")::int AS total,
             count(*) FILTER (WHERE "pending")::int AS pending,
             count(*)::int AS votes
      FROM restored`;
    const votes = moved ?? { ship: 0, total: 0, pending: 0, votes: 0 };
    await moveCounters(tx, found.toolId, votes, 1);
    await tx.voteVoid.update({ where: { id: voidId }, data: { restoredAt: new Date(), restoredById: actorId } });
    await recordAudit(tx, {
      actorId,
      action: "votes.restore",
      entityType: "VoteVoid",
      entityId: voidId,
      before: { tool: found.tool.slug, voided: true },
      after: { voided: false, votes: votes.votes, counted: votes.total, pending: votes.pending },
    });
    return { votes: votes.votes };
  });
}
