import "server-only";
import { db } from "@/lib/db";
import { announceReasons } from "@/lib/db-events/announce";
import { env } from "@/lib/env";
import { hideIfReportedEnough } from "@/lib/moderation/auto-hide";
import { Prisma } from "@/lib/generated/prisma/client";
import { REPORT_CATEGORY_DB, type REPORT_CATEGORIES } from "./schema";

export class ReasonNotFoundError extends Error {
  constructor() {
    super("That reason does not exist (its author may have changed or withdrawn their vote).");
  }
}

/** A reader marking or reporting their own reason. */
export class OwnReasonError extends Error {}

export class AlreadyReportedError extends Error {
  constructor() {
    super("You have already reported this reason. The moderators will look at it.");
  }
}

type Tx = Prisma.TransactionClient;

/** The reason, locked for this transaction (so it is not deleted under the mark), with its tool's slug; throws when it is gone. */
async function lockReason(tx: Tx, reasonId: string): Promise<{ userId: string; slug: string }> {
  const [reason] = await tx.$queryRaw<{ userId: string; slug: string }[]>`
    SELECT r."userId", t.slug FROM "Reason" r JOIN "Tool" t ON t.id = r."toolId"
    WHERE r.id = ${reasonId} AND t."archivedAt" IS NULL AND r."hiddenAt" IS NULL
    FOR SHARE OF r`;
  if (!reason) throw new ReasonNotFoundError();
  return reason;
}

/**
 * Marks (or, with `helpful` false, unmarks) a reason as helpful to this
 * reader: once per reader and reason, never their own. The reason's count
 * and score follow in the same transaction (a trigger, migration
 * 20261204050903_reasons). Answers the count after the change.
 */
export async function setHelpful(userId: string, reasonId: string, helpful: boolean): Promise<{ helpful: number; marked: boolean }> {
  return db.$transaction(async (tx) => {
    const reason = await lockReason(tx, reasonId);
    if (reason.userId === userId) throw new OwnReasonError("You cannot mark your own reason as helpful.");
    const changed = helpful
      ? await tx.$executeRaw`INSERT INTO "HelpfulMark" ("reasonId", "userId") VALUES (${reasonId}, ${userId}) ON CONFLICT DO NOTHING`
      : await tx.$executeRaw`DELETE FROM "HelpfulMark" WHERE "reasonId" = ${reasonId} AND "userId" = ${userId}`;
    if (changed > 0) await announceReasons(tx, [reason.slug]);
    const { helpfulCount } = await tx.reason.findUniqueOrThrow({ where: { id: reasonId }, select: { helpfulCount: true } });
    return { helpful: helpfulCount, marked: helpful };
  });
}


/**
 * A reader reports a reason to the moderators: once per reader and reason,
 * not their own. A report also counts against the reason's score (a helpful
 * mark's opposite), in the same transaction; reports from enough established
 * readers hide the reason until a moderator looks (lib/moderation/writes.ts).
 */
export async function reportReason(
  userId: string,
  reasonId: string,
  report: { category: (typeof REPORT_CATEGORIES)[number]; note?: string | null },
): Promise<void> {
  await db.$transaction(async (tx) => {
    const reason = await lockReason(tx, reasonId);
    if (reason.userId === userId) throw new OwnReasonError("You cannot report your own reason. Edit or delete it instead.");
    const inserted = await tx.$executeRaw`
      INSERT INTO "ReasonReport" ("reasonId", "userId", "category", "note")
      VALUES (${reasonId}, ${userId}, ${REPORT_CATEGORY_DB[report.category]}::"ReportCategory", ${report.note ?? null})
      ON CONFLICT DO NOTHING`;
    if (inserted === 0) throw new AlreadyReportedError();
    // Enough established readers reporting it hides it at once, pending review (which announces the hide).
    if (!(await hideIfReportedEnough(tx, reasonId, env.MODERATION_AUTO_HIDE_REPORTS, env.NEW_ACCOUNT_HOURS))) await announceReasons(tx, [reason.slug]);
  });
}
