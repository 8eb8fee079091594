import type { Decision } from "@/lib/scores/decision";

/**
 * What a vote does to its reason (docs/decisions/029-reasons-belong-to-their-vote.md):
 * undefined leaves it while the decision stays and drops it when the decision
 * flips; a string sets it (a new reason after a flip); null removes it.
 */
export type ReasonChange = string | null | undefined;

/**
 * The vote, as one statement: the database function cast_vote (migrations
 * 20261203211500_cast_vote, 20261204050903_reasons, 20261204112329_integrity_and_trends) locks the tool's counters,
 * writes the vote and its reason, moves the counters by the difference and
 * announces them, in the statement's own transaction: one round trip, and the
 * row lock is held only inside the database
 * (docs/decisions/023-a-vote-in-one-round-trip.md). It answers one row of
 * figures and the reason, or none for an unknown or archived tool.
 *
 * A new vote from an account younger than `newAccountHours` is stored pending:
 * counted in "pendingVotes", not in the community figure, until the
 * promote_pending_votes job counts it (docs/decisions/030-a-figure-a-vote-ring-cannot-swing.md).
 *
 * No `server-only` here, so `npm run bench` can run the same statement through
 * plain `pg` (the ceiling); only lib/votes/writes.ts runs it in the app.
 */
export function voteStatement(
  userId: string,
  toolSlug: string,
  decision: Decision | null,
  reason?: ReasonChange,
  newAccountHours = 0,
): { name: string; text: string; values: (string | boolean | number | null)[] } {
  return {
    // Named: each pooled connection parses and plans it once (a prepared statement), not per vote.
    name: "cast_vote",
    text: `SELECT "panelShip", "panelTotal", "communityShip", "communityTotal", "pendingVotes", "votePending", "reasonId", "reasonText" FROM cast_vote($1, $2, $3, $4, $5, $6)`,
    values: [userId, toolSlug, decision, reason !== undefined, reason ?? null, Math.round(newAccountHours * 3600)],
  };
}
