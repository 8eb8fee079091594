import "server-only";
import { db, readDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { fromDecisionJson, toDecisionJson, type DecisionJson } from "@/lib/scores/decision";
import { publicName } from "@/lib/users/display-name";
import { encodeCursor, TOP_REASONS, type PublicReason, type ReasonListQuery } from "./schema";
import { topReasonsQuery, type TopReasonRow } from "./top";

/** Reasons on one page of `/tools/:slug/reasons` and `GET /api/tools/:slug/reasons`. */
export const REASONS_PAGE_SIZE = 20;

const reasonSelect = {
  id: true,
  decision: true,
  text: true,
  helpfulCount: true,
  score: true,
  createdAt: true,
  user: { select: { id: true, displayName: true } },
} satisfies Prisma.ReasonSelect;

type ReasonRow = Prisma.ReasonGetPayload<{ select: typeof reasonSelect }>;

function toPublicReason(row: ReasonRow): PublicReason {
  return {
    id: row.id,
    decision: toDecisionJson(row.decision),
    text: row.text,
    helpful: row.helpfulCount,
    createdAt: row.createdAt.toISOString(),
    author: { name: publicName(row.user) },
  };
}

/**
 * One page of a listed tool's reasons, most helpful first (the Wilson lower
 * bound of helpful marks, lib/reasons/score.ts; newest breaks ties) or newest
 * first, optionally one side only. Keyset-paginated: a page that follows a
 * cursor is right even when reasons were written or removed since. The tool
 * is one `getReasonsTool` found listed.
 */
export async function listReasons(
  toolId: string,
  { decision, sort, cursor }: ReasonListQuery,
  pageSize = REASONS_PAGE_SIZE,
): Promise<{ data: PublicReason[]; nextCursor: string | null }> {
  let after: Prisma.ReasonWhereInput = {};
  if (cursor?.[0] === "h") {
    const [, score, at, id] = cursor;
    const createdAt = new Date(at);
    after = { OR: [{ score: { lt: score } }, { score, createdAt: { lt: createdAt } }, { score, createdAt, id: { gt: id } }] };
  } else if (cursor?.[0] === "n") {
    const [, at, id] = cursor;
    const createdAt = new Date(at);
    after = { OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { gt: id } }] };
  }
  const rows = await readDb.reason.findMany({
    where: { toolId, hiddenAt: null, ...(decision ? { decision: fromDecisionJson(decision) } : {}), ...after },
    select: reasonSelect,
    orderBy: sort === "helpful" ? [{ score: "desc" }, { createdAt: "desc" }, { id: "asc" }] : [{ createdAt: "desc" }, { id: "asc" }],
    take: pageSize + 1,
  });
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  const nextCursor =
    rows.length > pageSize && last
      ? encodeCursor(sort === "helpful" ? ["h", last.score, last.createdAt.toISOString(), last.id] : ["n", last.createdAt.toISOString(), last.id])
      : null;
  return { data: page.map(toPublicReason), nextCursor };
}

/** A tool's reasons as its pages show them: the top few on each side, and how many there are. */
export type ReasonsSummary = Record<DecisionJson, { count: number; top: PublicReason[] }>;

/**
 * The top reasons on each side of each of these tools (by id), most helpful
 * first, with each side's count: one query for the tops (an index walk per
 * tool and side) and one for the counts.
 */
export async function summarizeReasons(toolIds: readonly string[], perSide = TOP_REASONS): Promise<Map<string, ReasonsSummary>> {
  const summaries = new Map<string, ReasonsSummary>(toolIds.map((id) => [id, { ship: { count: 0, top: [] }, skip: { count: 0, top: [] } }]));
  if (toolIds.length === 0) return summaries;
  const ids = [...toolIds];
  const [tops, counts] = await Promise.all([
    // No tops asked for (a page that shows the counts only): no query for them.
    perSide === 0
      ? []
      : readDb.$queryRaw<TopReasonRow[]>(topReasonsQuery(ids, perSide)),
    // Raw, on the replica as the model read was: Prisma's groupBy is the costlier path on every page render (docs/decisions/043).
    readDb.$replica().$queryRaw<{ toolId: string; decision: "SHIP" | "SKIP"; count: number }[]>(
      Prisma.sql`SELECT "toolId", decision::text AS decision, count(*)::int AS count FROM "Reason" WHERE "toolId" IN (${Prisma.join(ids)}) AND "hiddenAt" IS NULL GROUP BY 1, 2`,
    ),
  ]);
  for (const row of tops) {
    const { toolId, userId, displayName, ...reason } = row;
    summaries.get(toolId)![toDecisionJson(reason.decision)].top.push(toPublicReason({ ...reason, user: { id: userId, displayName } }));
  }
  for (const row of counts) summaries.get(row.toolId)![toDecisionJson(row.decision)].count = row.count;
  return summaries;
}

/** The signed-in reader's own vote and reason on a tool, for the widget's reason box. Null: no vote (or no such tool). */
export type OwnReason = { id: string; text: string; hidden: boolean; hiddenReason: string | null };

export async function getOwnVote(userId: string, toolSlug: string): Promise<{ vote: DecisionJson; reason: OwnReason | null } | null> {
  // The primary: the reader has just voted, and a replica may not have it yet.
  const vote = await db.vote.findFirst({
    where: { userId, tool: { slug: toolSlug, archivedAt: null } },
    select: { decision: true, reason: { select: { id: true, text: true, hiddenAt: true, hiddenReason: true } } },
  });
  return vote && { vote: toDecisionJson(vote.decision), reason: vote.reason && toOwnReason(vote.reason) };
}

/** On a page of reasons: which are this reader's own, which they marked helpful, which they reported. */
export async function getReaderMarks(userId: string, reasonIds: readonly string[]): Promise<{ own: Set<string>; helpful: Set<string>; reported: Set<string> }> {
  if (reasonIds.length === 0) return { own: new Set(), helpful: new Set(), reported: new Set() };
  const ids = [...reasonIds];
  const [own, helpful, reported] = await Promise.all([
    db.reason.findMany({ where: { id: { in: ids }, userId }, select: { id: true } }),
    db.helpfulMark.findMany({ where: { reasonId: { in: ids }, userId }, select: { reasonId: true } }),
    db.reasonReport.findMany({ where: { reasonId: { in: ids }, userId }, select: { reasonId: true } }),
  ]);
  return { own: new Set(own.map((row) => row.id)), helpful: new Set(helpful.map((row) => row.reasonId)), reported: new Set(reported.map((row) => row.reasonId)) };
}

/** The tool a reasons page is about, if listed. */
export async function getReasonsTool(toolSlug: string) {
  return readDb.tool.findFirst({ where: { slug: toolSlug, archivedAt: null }, select: { id: true, slug: true, name: true } });
}

/** The author's own copy of a reason: hidden ones too, marked, with the moderator's note. */
export function toOwnReason(reason: { id: string; text: string; hiddenAt: Date | null; hiddenReason: string | null }): OwnReason {
  return { id: reason.id, text: reason.text, hidden: reason.hiddenAt !== null, hiddenReason: reason.hiddenAt ? reason.hiddenReason : null };
}
