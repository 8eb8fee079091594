import "server-only";
import { db } from "@/lib/db";
import { toolScores, type ToolStats } from "@/lib/scores";
import { fromDecisionJson, toDecisionJson, type DecisionJson } from "@/lib/scores/decision";
import { voteStatements } from "./statements";

export class ToolNotFoundError extends Error {
  constructor(readonly slug: string) {
    super(`Tool "${slug}" not found`);
  }
}

export type VoteResult = {
  tool: string;
  /** The user's vote after the change; null once withdrawn. */
  vote: DecisionJson | null;
  counters: ToolStats;
  scores: ReturnType<typeof toolScores>;
};

/**
 * Sets (or, with `decision` null, withdraws) a user's vote on a listed tool,
 * and moves the tool's counters in the same transaction.
 *
 * Every vote write on a tool first locks that tool's ToolStats row, so writes
 * to one tool apply one after another: the vote row read next is current, the
 * delta is exact, and no update is lost. One vote per user × tool is also
 * enforced by a unique index. Re-sending the same vote changes nothing.
 */
export async function setVote(userId: string, toolSlug: string, decision: DecisionJson | null): Promise<VoteResult> {
  try {
    return await writeVote(userId, toolSlug, decision);
  } catch (error) {
    // The account was deleted while this vote was on its way (its row is gone, the foreign key refuses the vote).
    if (isForeignKeyViolation(error, "Vote_userId_fkey")) throw new VoterGoneError();
    throw error;
  }
}

/** The voter's account no longer exists: nothing was written. */
export class VoterGoneError extends Error {
  constructor() {
    super("This account no longer exists.");
  }
}

function isForeignKeyViolation(error: unknown, constraint: string): boolean {
  for (let current = error, depth = 0; current != null && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    const text = current instanceof Error ? current.message : String(current);
    if (text.includes(constraint)) return true;
    const meta = (current as { meta?: Record<string, unknown> }).meta;
    if (meta && JSON.stringify(meta).includes(constraint)) return true;
  }
  return false;
}

async function writeVote(userId: string, toolSlug: string, decision: DecisionJson | null): Promise<VoteResult> {
  const after = decision ? fromDecisionJson(decision) : null;
  return db.$transaction(
    async (tx) => {
      const lock = () => tx.$queryRaw<{ toolId: string }[]>(voteStatements.lock(toolSlug));
      let [target] = await lock();
      if (!target) {
        // A tool created without its counter row (or an unknown/archived one).
        const tool = await tx.tool.findFirst({ where: { slug: toolSlug, archivedAt: null }, select: { id: true } });
        if (!tool) throw new ToolNotFoundError(toolSlug);
        await tx.$executeRaw`INSERT INTO "ToolStats" ("toolId") VALUES (${tool.id}) ON CONFLICT ("toolId") DO NOTHING`;
        [target] = await lock();
        if (!target) throw new ToolNotFoundError(toolSlug);
      }
      const [counters] = await tx.$queryRaw<ToolStats[]>(voteStatements.write(userId, target.toolId, after));
      if (!counters) throw new ToolNotFoundError(toolSlug);
      return { tool: toolSlug, vote: after ? toDecisionJson(after) : null, counters, scores: toolScores(counters) };
    },
    // Under a vote storm, waiting for a pooled connection or the row lock is normal.
    { maxWait: 15_000, timeout: 15_000 },
  );
}
