import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { REPORT_CATEGORY_JSON, type ReportCategoryJson } from "@/lib/reasons/schema";
import { toDecisionJson, type DecisionJson } from "@/lib/scores/decision";
import { publicName } from "@/lib/users/display-name";
import { countIdenticalAuthors } from "./duplicates";
import type { QueueView } from "./schema";

export const QUEUE_PAGE_SIZE = 25;

export type QueueItem = {
  id: string;
  text: string;
  decision: DecisionJson;
  createdAt: Date;
  helpful: number;
  tool: { slug: string; name: string };
  author: { id: string; name: string; email: string | null; mutedUntil: Date | null; joinedAt: Date };
  hidden: { at: Date; reason: string | null; auto: boolean } | null;
  openReports: number;
  dismissedReports: number;
  categories: Partial<Record<ReportCategoryJson, number>>;
  /** The newest open reports' notes (at most three), for context. */
  notes: string[];
  lastReportedAt: Date | null;
  /** Flagged because the same text came from several accounts: how many (docs/decisions/030). */
  identicalAuthors: number | null;
};

const queueSelect = {
  id: true,
  text: true,
  decision: true,
  createdAt: true,
  helpfulCount: true,
  hiddenAt: true,
  hiddenReason: true,
  hiddenAuto: true,
  duplicateFlaggedAt: true,
  tool: { select: { slug: true, name: true } },
  user: { select: { id: true, displayName: true, email: true, reasonsMutedUntil: true, createdAt: true } },
  reports: { select: { category: true, note: true, createdAt: true, dismissedAt: true }, orderBy: { createdAt: "desc" } },
} satisfies Prisma.ReasonSelect;

/**
 * The moderation queue (/admin/moderation), newest report first:
 * - "open": reasons with open reports, reasons hidden automatically (awaiting review), and
 *   reasons whose text came from several accounts (flagged, still public);
 * - "hidden": every hidden reason, most recently hidden first.
 * With report counts by category and the newest notes. Staff only (the page checks).
 */
export async function listModerationQueue(view: QueueView, page: number): Promise<{ items: QueueItem[]; total: number; page: number; totalPages: number }> {
  const where: Prisma.ReasonWhereInput = view === "open" ? OPEN_QUEUE : { hiddenAt: { not: null } };
  const total = await db.reason.count({ where });
  const totalPages = Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), totalPages);
  // Newest open report first: ordered in SQL by the latest open report (or the hide), then by id.
  const ordered = await db.$queryRaw<{ id: string }[]>`
    SELECT r.id FROM "Reason" r
    LEFT JOIN LATERAL (SELECT max(rr."createdAt") AS at FROM "ReasonReport" rr WHERE rr."reasonId" = r.id AND rr."dismissedAt" IS NULL) open ON true
    WHERE ${view === "open" ? Prisma.sql`(open.at IS NOT NULL OR r."hiddenAuto" OR (r."duplicateFlaggedAt" IS NOT NULL AND r."hiddenAt" IS NULL))` : Prisma.sql`r."hiddenAt" IS NOT NULL`}
    ORDER BY ${view === "open" ? Prisma.sql`coalesce(open.at, r."hiddenAt", r."duplicateFlaggedAt")` : Prisma.sql`r."hiddenAt"`} DESC, r.id
    LIMIT ${QUEUE_PAGE_SIZE} OFFSET ${(current - 1) * QUEUE_PAGE_SIZE}`;
  const rows = await db.reason.findMany({ where: { id: { in: ordered.map((row) => row.id) } }, select: queueSelect });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const identical = await countIdenticalAuthors(rows.filter((row) => row.duplicateFlaggedAt).map((row) => row.id));
  const items = ordered.flatMap(({ id }) => {
    const row = byId.get(id);
    if (!row) return [];
    const open = row.reports.filter((report) => report.dismissedAt === null);
    const categories: QueueItem["categories"] = {};
    for (const report of open) categories[REPORT_CATEGORY_JSON[report.category]] = (categories[REPORT_CATEGORY_JSON[report.category]] ?? 0) + 1;
    return [
      {
        id: row.id,
        text: row.text,
        decision: toDecisionJson(row.decision),
        createdAt: row.createdAt,
        helpful: row.helpfulCount,
        tool: row.tool,
        author: {
          id: row.user.id,
          name: publicName(row.user),
          email: row.user.email,
          mutedUntil: row.user.reasonsMutedUntil && row.user.reasonsMutedUntil > new Date() ? row.user.reasonsMutedUntil : null,
          joinedAt: row.user.createdAt,
        },
        hidden: row.hiddenAt ? { at: row.hiddenAt, reason: row.hiddenReason, auto: row.hiddenAuto } : null,
        openReports: open.length,
        dismissedReports: row.reports.length - open.length,
        categories,
        notes: open.flatMap((report) => (report.note ? [report.note] : [])).slice(0, 3),
        lastReportedAt: open[0]?.createdAt ?? null,
        identicalAuthors: row.duplicateFlaggedAt ? (identical.get(row.id) ?? null) : null,
      },
    ];
  });
  return { items, total, page: current, totalPages };
}

/** How many reasons wait in the open queue (the admin overview's count). */
export async function countOpenQueue(): Promise<number> {
  return db.reason.count({ where: OPEN_QUEUE });
}

const OPEN_QUEUE = {
  OR: [{ reports: { some: { dismissedAt: null } } }, { hiddenAuto: true }, { duplicateFlaggedAt: { not: null }, hiddenAt: null }],
} satisfies Prisma.ReasonWhereInput;
