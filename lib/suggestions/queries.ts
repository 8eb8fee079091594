import "server-only";
import { db } from "@/lib/db";
import { publicName } from "@/lib/users/display-name";
import { fromProblemCategory, type ProblemCategoryJson, type SuggestionStatusJson } from "./schema";

/** Suggestions a reader sees on /account, newest first (at most this many). */
export const OWN_SUGGESTIONS_SHOWN = 50;
/** Waiting items per page of /admin/suggestions. */
export const QUEUE_PAGE_SIZE = 20;

const status = (value: string) => value.toLowerCase() as SuggestionStatusJson;

export type OwnSuggestion = {
  id: string;
  kind: "tool" | "problem";
  /** The suggested tool's name, or the reported tool's. */
  title: string;
  status: SuggestionStatusJson;
  note: string | null;
  createdAt: Date;
  decidedAt: Date | null;
  /** Where it led, when that is public: the listed tool it became or was folded into, or the reported tool. */
  tool: { slug: string; name: string } | null;
  problem: ProblemCategoryJson | null;
};

/** A reader's own suggestions and reports, with their status and staff's reply (/account). */
export async function listOwnSuggestions(userId: string): Promise<OwnSuggestion[]> {
  const rows = await db.suggestion.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: OWN_SUGGESTIONS_SHOWN,
    select: {
      id: true,
      kind: true,
      name: true,
      status: true,
      decisionNote: true,
      createdAt: true,
      decidedAt: true,
      problemCategory: true,
      resultToolId: true,
      tool: { select: { slug: true, name: true, archivedAt: true } },
    },
  });
  const resultIds = rows.map((row) => row.resultToolId).filter((id): id is string => id !== null);
  const results = new Map((await db.tool.findMany({ where: { id: { in: resultIds }, archivedAt: null }, select: { id: true, slug: true, name: true } })).map((tool) => [tool.id, tool]));
  return rows.map((row) => {
    const result = row.resultToolId ? results.get(row.resultToolId) : undefined;
    const reported = row.tool && !row.tool.archivedAt ? { slug: row.tool.slug, name: row.tool.name } : null;
    return {
      id: row.id,
      kind: row.kind === "TOOL" ? "tool" : "problem",
      title: row.kind === "TOOL" ? row.name! : (row.tool?.name ?? "A tool"),
      status: status(row.status),
      note: row.decisionNote,
      createdAt: row.createdAt,
      decidedAt: row.decidedAt,
      tool: result ? { slug: result.slug, name: result.name } : reported,
      problem: row.problemCategory ? fromProblemCategory(row.problemCategory) : null,
    };
  });
}

export const QUEUE_VIEWS = ["waiting", "decided"] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];

/** One page of the triage queue: waiting items oldest first (first come, first served), or decided ones newest first. */
export async function listSuggestionQueue(view: QueueView, page: number) {
  const where = view === "waiting" ? { status: "RECEIVED" as const } : { status: { not: "RECEIVED" as const } };
  const [total, rows] = await Promise.all([
    db.suggestion.count({ where }),
    db.suggestion.findMany({
      where,
      orderBy: view === "waiting" ? [{ createdAt: "asc" }, { id: "asc" }] : [{ decidedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * QUEUE_PAGE_SIZE,
      take: QUEUE_PAGE_SIZE,
      select: {
        id: true,
        kind: true,
        status: true,
        name: true,
        website: true,
        pitch: true,
        vendor: true,
        pricingModel: true,
        problemCategory: true,
        details: true,
        decisionNote: true,
        createdAt: true,
        decidedAt: true,
        resultToolId: true,
        category: { select: { id: true, name: true } },
        tool: { select: { id: true, slug: true, name: true } },
        user: { select: { id: true, displayName: true, email: true, createdAt: true } },
      },
    }),
  ]);
  const items = rows.map((row) => ({
    ...row,
    kind: row.kind === "TOOL" ? ("tool" as const) : ("problem" as const),
    status: status(row.status),
    problemCategory: row.problemCategory ? fromProblemCategory(row.problemCategory) : null,
    author: row.user ? { name: publicName(row.user), email: row.user.email, joinedAt: row.user.createdAt } : null,
  }));
  return { items, page, totalPages: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)), total };
}

/** How many items wait in the queue (the admin dashboard's link). */
export async function countWaitingSuggestions(): Promise<number> {
  return db.suggestion.count({ where: { status: "RECEIVED" } });
}

/** The categories a suggestion may name, in the directory's order. */
export async function listSuggestionCategories() {
  return db.category.findMany({ orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, slug: true, name: true } });
}

/** A listed tool a reader may report a problem with (the report page's header). */
export async function getReportableTool(slug: string) {
  return db.tool.findFirst({ where: { slug, archivedAt: null }, select: { slug: true, name: true, vendor: true } });
}

/** The accepted suggestion a tool was made from, if any (its admin page calls an unlisted one a draft). */
export async function getSuggestionOrigin(toolId: string) {
  return db.suggestion.findFirst({ where: { resultToolId: toolId, status: "ACCEPTED", kind: "TOOL" }, select: { id: true, decidedAt: true } });
}

/** A decided suggestion, for the queue's "done" banner: what it was, what was decided, and the tool it led to. */
export async function getDecidedSuggestion(id: string) {
  const row = await db.suggestion.findFirst({
    where: { id, status: { not: "RECEIVED" } },
    select: { kind: true, status: true, name: true, resultToolId: true, tool: { select: { name: true } } },
  });
  if (!row) return null;
  const result = row.resultToolId ? await db.tool.findUnique({ where: { id: row.resultToolId }, select: { id: true, slug: true, name: true, archivedAt: true } }) : null;
  return {
    kind: row.kind === "TOOL" ? ("tool" as const) : ("problem" as const),
    status: status(row.status),
    title: row.kind === "TOOL" ? row.name! : (row.tool?.name ?? "a tool"),
    result: result ? { id: result.id, slug: result.slug, name: result.name, listed: result.archivedAt === null } : null,
  };
}
