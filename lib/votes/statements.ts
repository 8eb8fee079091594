import type { Decision } from "@/lib/scores/decision";

/**
 * The vote, as one statement: the database function cast_vote (migration
 * 20261203211500_cast_vote) locks the tool's counters, writes the vote, moves
 * the counters by the difference and announces them, in the statement's own
 * transaction: one round trip, and the row lock is held only inside the database
 * (docs/decisions/023-a-vote-in-one-round-trip.md). It answers one row of
 * figures, or none for an unknown or archived tool.
 *
 * No `server-only` here, so `npm run bench` can run the same statement through
 * plain `pg` (the ceiling); only lib/votes/writes.ts runs it in the app.
 */
export function voteStatement(userId: string, toolSlug: string, decision: Decision | null): { name: string; text: string; values: (string | null)[] } {
  return {
    // Named: each pooled connection parses and plans it once (a prepared statement), not per vote.
    name: "cast_vote",
    text: `SELECT "panelShip", "panelTotal", "communityShip", "communityTotal" FROM cast_vote($1, $2, $3)`,
    values: [userId, toolSlug, decision],
  };
}
