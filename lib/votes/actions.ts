import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { writeToolCounters } from "@/lib/stats/write";
import { toolScores, type ToolCounters } from "@/lib/scores";
import { fromDbDecision, toDbDecision, type DecisionInput } from "./schema";

export class ToolNotFoundError extends Error {
  constructor(readonly slug: string) {
    super(`Tool "${slug}" not found`);
  }
}

export type VoteResult = {
  tool: string;
  /** The user's vote after the change; null once withdrawn. */
  vote: DecisionInput | null;
  counters: ToolCounters;
  scores: ReturnType<typeof toolScores>;
};

const countersSelect = { panelShip: true, panelTotal: true, communityShip: true, communityTotal: true } as const;

/** How the community counters move when a vote goes from `before` to `after`. */
export function voteDelta(before: "SHIP" | "SKIP" | null, after: "SHIP" | "SKIP" | null) {
  const ship = (after === "SHIP" ? 1 : 0) - (before === "SHIP" ? 1 : 0);
  const total = (after ? 1 : 0) - (before ? 1 : 0);
  return { ship, total };
}

/**
 * Sets (or, with `decision` null, withdraws) a user's vote on a listed tool,
 * and moves the tool's counters in the same transaction.
 *
 * Every vote write on a tool first locks that tool's ToolStats row, so writes
 * to one tool apply one after another: the vote row read next is current, the
 * delta is exact, and no update is lost. One vote per user × tool is also
 * enforced by a unique index. Re-sending the same vote changes nothing.
 */
export async function setVote(userId: string, toolSlug: string, decision: DecisionInput | null): Promise<VoteResult> {
  const after = decision ? toDbDecision(decision) : null;
  return db.$transaction(
    async (tx) => {
      const lock = () => tx.$queryRaw<{ toolId: string }[]>`
        SELECT s."toolId" FROM "ToolStats" s JOIN "Tool" t ON t."id" = s."toolId"
        WHERE t."slug" = ${toolSlug} AND t."archivedAt" IS NULL
        FOR UPDATE OF s`;
      let [target] = await lock();
      if (!target) {
        // A tool created without its counter row (or an unknown/archived one).
        const tool = await tx.tool.findFirst({ where: { slug: toolSlug, archivedAt: null }, select: { id: true } });
        if (!tool) throw new ToolNotFoundError(toolSlug);
        await tx.$executeRaw`INSERT INTO "ToolStats" ("toolId") VALUES (${tool.id}) ON CONFLICT ("toolId") DO NOTHING`;
        [target] = await lock();
        if (!target) throw new ToolNotFoundError(toolSlug);
      }
      const toolId = target.toolId;
      const where = { userId_toolId: { userId, toolId } };
      const existing = await tx.vote.findUnique({ where, select: { decision: true } });
      const before = existing?.decision ?? null;

      if (before !== after) {
        if (after === null) await tx.vote.delete({ where });
        else if (before === null) await tx.vote.create({ data: { userId, toolId, decision: after } });
        else await tx.vote.update({ where, data: { decision: after } });
      }

      const delta = voteDelta(before, after);
      const counters =
        delta.ship === 0 && delta.total === 0
          ? await tx.toolStats.findUniqueOrThrow({ where: { toolId }, select: countersSelect })
          : await writeToolCounters(
              tx,
              toolId,
              Prisma.sql`"communityShip" = "communityShip" + ${delta.ship}, "communityTotal" = "communityTotal" + ${delta.total}`,
            );
      return { tool: toolSlug, vote: after ? fromDbDecision(after) : null, counters, scores: toolScores(counters) };
    },
    // Under a vote storm, waiting for a pooled connection or the row lock is normal.
    { maxWait: 15_000, timeout: 15_000 },
  );
}
