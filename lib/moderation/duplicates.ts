// A plain module (no "server-only" marker): the front gate runs it for the votes it answers (lib/votes/gate.ts, docs/decisions/046).
import { getPool } from "@/lib/db/pool";

/**
 * An identical reason (case and spacing aside: the database function
 * reason_fingerprint) from `threshold` or more distinct accounts is a vote
 * ring's signature, or spam: every copy is flagged to the moderation queue
 * (docs/decisions/030). Flagged, not hidden: a moderator decides. Called after a
 * reason is written; answers how many copies were newly flagged.
 */
export async function flagIdenticalReasons(reasonId: string, threshold: number): Promise<number> {
  const { rowCount } = await getPool().query({
    name: "flag_identical_reasons",
    text: `
      WITH target AS (SELECT reason_fingerprint("text") AS fingerprint FROM "Reason" WHERE id = $1),
      copies AS (
        SELECT r.id, r."userId" FROM "Reason" r, target t WHERE reason_fingerprint(r."text") = t.fingerprint
      )
      UPDATE "Reason" r SET "duplicateFlaggedAt" = now()
      FROM copies c
      WHERE r.id = c.id AND r."duplicateFlaggedAt" IS NULL
        AND (SELECT count(DISTINCT "userId") FROM copies) >= $2`,
    values: [reasonId, threshold],
  });
  return rowCount ?? 0;
}

/** How many distinct accounts wrote each of these reasons' texts (for the queue). */
export async function countIdenticalAuthors(reasonIds: readonly string[]): Promise<Map<string, number>> {
  if (reasonIds.length === 0) return new Map();
  const { rows } = await getPool().query<{ id: string; authors: number }>({
    text: `
      SELECT r.id, (SELECT count(DISTINCT o."userId")::int FROM "Reason" o WHERE reason_fingerprint(o."text") = reason_fingerprint(r."text")) AS authors
      FROM "Reason" r WHERE r.id = ANY($1::text[])`,
    values: [reasonIds],
  });
  return new Map(rows.map((row) => [row.id, row.authors]));
}
