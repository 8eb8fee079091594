// A plain module (no "server-only" marker): the front gate runs it for the votes it answers (lib/votes/gate.ts, docs/decisions/046).
import { metrics } from "@/lib/observability/metrics";
import { getPool } from "@/lib/db/pool";
import { flagIdenticalReasons } from "@/lib/moderation/duplicates";
import { env } from "@/lib/env";
import { toolScores, type ToolStats } from "@/lib/scores";
import { fromDecisionJson, toDecisionJson, type DecisionJson } from "@/lib/scores/decision";
import { voteStatement, type ReasonChange } from "./statements";

export class ToolNotFoundError extends Error {
  constructor(readonly slug: string) {
    super(`Tool "${slug}" not found`);
  }
}

export type VoteResult = {
  tool: string;
  /** The user's vote after the change; null once withdrawn. */
  vote: DecisionJson | null;
  /** The reason with the vote after the change (none after a withdrawal, or a flip without a new one). */
  reason: { id: string; text: string } | null;
  /** The vote is stored but not counted yet: the account is younger than NEW_ACCOUNT_HOURS. */
  pending: boolean;
  counters: ToolStats;
  /** Votes on the tool waiting for their accounts to age, this one included. */
  pendingVotes: number;
  scores: ReturnType<typeof toolScores>;
};

type VoteRow = ToolStats & { pendingVotes: number; votePending: boolean; reasonId: string | null; reasonText: string | null };

/**
 * Sets (or, with `decision` null, withdraws) a user's vote on a listed tool,
 * and moves the tool's counters in the same transaction: one statement, one
 * round trip (lib/votes/statements.ts, the database function cast_vote).
 *
 * Every vote on a tool first locks that tool's ToolStats row, so votes on one
 * tool apply one after another: the vote row read next is current, the delta
 * is exact, and no update is lost. One vote per user × tool is also enforced
 * by a unique index. Re-sending the same vote changes nothing.
 *
 * Through the pg pool Prisma's adapter shares, not Prisma: on the hottest
 * write there is no model to map and no interactive transaction to hold open
 * (docs/decisions/023-a-vote-in-one-round-trip.md).
 *
 * `reason` (docs/decisions/029-reasons-belong-to-their-vote.md): undefined keeps
 * the reason while the decision stays and drops it on a flip; a text sets it
 * (already checked by lib/reasons/schema.ts); null removes it. Withdrawing
 * removes the vote and its reason.
 */
export async function setVote(userId: string, toolSlug: string, decision: DecisionJson | null, reason?: ReasonChange): Promise<VoteResult> {
  const after = decision ? fromDecisionJson(decision) : null;
  if (typeof reason === "string") await assertNotMuted(userId);
  let row: VoteRow | undefined;
  try {
    [row] = (await getPool().query<VoteRow>(voteStatement(userId, toolSlug, after, reason, env.NEW_ACCOUNT_HOURS))).rows;
  } catch (error) {
    // The account was deleted while this vote was on its way (its row is gone, the foreign key refuses the vote).
    if ((error as { constraint?: unknown }).constraint === "Vote_userId_fkey") throw new VoterGoneError();
    throw error;
  }
  if (!row) throw new ToolNotFoundError(toolSlug);
  // The same text from several accounts goes to the moderators' queue (docs/decisions/030).
  if (typeof reason === "string" && row.reasonId) await flagIdenticalReasons(row.reasonId, env.MODERATION_IDENTICAL_ACCOUNTS);
  const { reasonId, reasonText, pendingVotes, votePending, ...counters } = row;
  metrics().votes.inc({ decision: decision ?? "withdrawn", counted: String(!votePending) });
  return {
    tool: toolSlug,
    vote: after ? toDecisionJson(after) : null,
    reason: reasonId && reasonText !== null ? { id: reasonId, text: reasonText } : null,
    pending: votePending,
    counters,
    pendingVotes,
    scores: toolScores(counters),
  };
}

/** The voter's account no longer exists: nothing was written. */
export class VoterGoneError extends Error {
  constructor() {
    super("This account no longer exists.");
  }
}

/** A moderator muted this reader from writing reasons (lib/moderation/writes.ts): nothing was written. */
export class ReasonsMutedError extends Error {
  constructor(readonly until: Date) {
    super(`A moderator has paused your reasons until ${until.toISOString().slice(0, 16).replace("T", " ")} UTC. Your votes still count.`);
  }
}

async function assertNotMuted(userId: string): Promise<void> {
  const { rows } = await getPool().query<{ until: Date | null }>({
    name: "reasons_muted_until",
    text: `SELECT "reasonsMutedUntil" AS until FROM "User" WHERE id = $1 AND "reasonsMutedUntil" > now()`,
    values: [userId],
  });
  if (rows[0]?.until) throw new ReasonsMutedError(rows[0].until);
}

