import type { PrismaClient } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ToolStats } from "@/lib/scores";
import { lockToolStats } from "./lock";
import { setStats, writeToolStats } from "./write";

/**
 * Counters are kept by the writes themselves (same transaction as the vote or
 * verdict). Reconciliation recomputes them from the rows, reports any drift,
 * and with `fix` rewrites the drifted ones.
 */

export type CounterDrift = {
  toolId: string;
  slug: string;
  stored: ToolStats | null;
  expected: ToolStats;
  /** Votes waiting for their accounts to age (docs/decisions/030): stored and expected. */
  pending: { stored: number | null; expected: number };
};

type Row = {
  toolId: string;
  slug: string;
  expectedPanelShip: number;
  expectedPanelTotal: number;
  expectedCommunityShip: number;
  expectedCommunityTotal: number;
  expectedPendingVotes: number;
  pendingVotes: number | null;
  panelShip: number | null;
  panelTotal: number | null;
  communityShip: number | null;
  communityTotal: number | null;
};

const EXPECTED_SQL = `
  SELECT t."id" AS "toolId", t."slug",
    COALESCE(p.ship, 0)::int AS "expectedPanelShip", COALESCE(p.total, 0)::int AS "expectedPanelTotal",
    COALESCE(v.ship, 0)::int AS "expectedCommunityShip", COALESCE(v.total, 0)::int AS "expectedCommunityTotal",
    COALESCE(v.pending, 0)::int AS "expectedPendingVotes",
    s."panelShip", s."panelTotal", s."communityShip", s."communityTotal", s."pendingVotes"
  FROM "Tool" t
  LEFT JOIN (
    SELECT v."toolId", count(*) FILTER (WHERE v."decision" = 'SHIP') AS ship, count(*) AS total
    FROM "Verdict" v JOIN "Reviewer" r ON r."id" = v."reviewerId" AND r."active"
    WHERE v."published" GROUP BY v."toolId"
  ) p ON p."toolId" = t."id"
  LEFT JOIN (
    -- Only votes of people who exist count: a vote left behind by a user deleted past the
    -- database's rules (Vote -> User is ON DELETE RESTRICT) is drift, not a vote. A pending
    -- vote counts in "pendingVotes" only, a voided one nowhere (docs/decisions/030).
    SELECT v."toolId",
      count(*) FILTER (WHERE v."decision" = 'SHIP' AND NOT v."pending" AND v."voidId" IS NULL) AS ship,
      count(*) FILTER (WHERE NOT v."pending" AND v."voidId" IS NULL) AS total,
      count(*) FILTER (WHERE v."pending" AND v."voidId" IS NULL) AS pending
    FROM "Vote" v JOIN "User" u ON u."id" = v."userId" AND u."deletedAt" IS NULL
    GROUP BY v."toolId"
  ) v ON v."toolId" = t."id"
  LEFT JOIN "ToolStats" s ON s."toolId" = t."id"
`;

function toDrift(row: Row): CounterDrift | null {
  const expected: ToolStats = {
    panelShip: row.expectedPanelShip,
    panelTotal: row.expectedPanelTotal,
    communityShip: row.expectedCommunityShip,
    communityTotal: row.expectedCommunityTotal,
  };
  const stored: ToolStats | null =
    row.panelShip === null
      ? null
      : {
          panelShip: row.panelShip,
          panelTotal: row.panelTotal ?? 0,
          communityShip: row.communityShip ?? 0,
          communityTotal: row.communityTotal ?? 0,
        };
  const same =
    stored !== null &&
    stored.panelShip === expected.panelShip &&
    stored.panelTotal === expected.panelTotal &&
    stored.communityShip === expected.communityShip &&
    stored.communityTotal === expected.communityTotal &&
    row.pendingVotes === row.expectedPendingVotes;
  const pending = { stored: row.pendingVotes, expected: row.expectedPendingVotes };
  return same ? null : { toolId: row.toolId, slug: row.slug, stored, expected, pending };
}

/** Every tool whose stored counters differ from its rows (or that has none). */
export async function findCounterDrift(client: PrismaClient): Promise<CounterDrift[]> {
  const rows = await client.$queryRawUnsafe<Row[]>(`${EXPECTED_SQL} ORDER BY t."slug"`);
  return rows.map(toDrift).filter((drift): drift is CounterDrift => drift !== null);
}

/**
 * Recomputes one tool's counters from its rows and stores them. The stats row
 * is locked first, so a concurrent vote or verdict write (which locks the same
 * row before it changes anything) is applied after this, never lost.
 */
export async function recomputeToolStats(client: PrismaClient, toolId: string): Promise<ToolStats> {
  return client.$transaction(async (tx) => {
    await lockToolStats(tx, toolId);
    const [row] = await tx.$queryRawUnsafe<Row[]>(`${EXPECTED_SQL} WHERE t."id" = $1`, toolId);
    if (!row) throw new Error(`Unknown tool ${toolId}`);
    const counters: ToolStats = {
      panelShip: row.expectedPanelShip,
      panelTotal: row.expectedPanelTotal,
      communityShip: row.expectedCommunityShip,
      communityTotal: row.expectedCommunityTotal,
    };
    return writeToolStats(tx, toolId, Prisma.sql`${setStats(counters)}, "pendingVotes" = ${row.expectedPendingVotes}`);
  });
}

/** Reports drift and, with `fix`, repairs it. Returns what was found. */
export async function reconcileCounters(
  client: PrismaClient,
  options: { fix?: boolean } = {},
): Promise<{ drift: CounterDrift[]; fixed: number }> {
  const drift = await findCounterDrift(client);
  if (!options.fix) return { drift, fixed: 0 };
  for (const item of drift) await recomputeToolStats(client, item.toolId);
  return { drift, fixed: drift.length };
}
