import "server-only";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { enqueueEmail } from "@/lib/jobs/enqueue";
import type { ToolInput } from "@/lib/tools/admin-schema";
import { insertTool } from "@/lib/tools/writes";
import { findDuplicate } from "./duplicates";
import { suggestionStatusEmail } from "./emails";
import { toProblemCategory, type DuplicateMatch, type ProblemCategoryJson, type SuggestToolInput } from "./schema";

type Tx = Prisma.TransactionClient;

/** The suggestion duplicates a listed tool or one already suggested: nothing was stored. */
export class DuplicateSuggestionError extends Error {
  constructor(readonly match: DuplicateMatch) {
    super(match.kind === "tool" ? `${match.name} is already listed.` : `Someone already suggested ${match.name}: it is in the queue.`);
  }
}

/** The category named does not exist. */
export class UnknownCategoryError extends Error {}
/** The tool named does not exist, or is not listed. */
export class SuggestionToolNotFoundError extends Error {}
/** The account was deleted while the request was on its way. */
export class SuggesterGoneError extends Error {}

/** A staff decision that cannot be made (already decided, the wrong kind): nothing was written. */
export class TriageError extends Error {}

/**
 * A reader suggests a tool (docs/decisions/041): checked against every tool
 * and every waiting suggestion (same website page, same name, or a name close
 * enough) before it is stored. Two readers suggesting the same page at the
 * same moment: the unique index on waiting suggestions' `siteKey` lets one in.
 */
export async function suggestTool(userId: string, input: SuggestToolInput): Promise<{ id: string; status: "received" }> {
  try {
    return await db.$transaction(async (tx) => {
      await lockReader(tx, userId);
      const category = await tx.category.findFirst({ where: { OR: [{ slug: input.category }, { id: input.category }] }, select: { id: true } });
      if (!category) throw new UnknownCategoryError("That category does not exist.");
      const duplicate = await findDuplicate(tx, { name: input.name, siteKey: input.website.siteKey });
      if (duplicate) throw new DuplicateSuggestionError(duplicate);
      const created = await tx.suggestion.create({
        data: {
          kind: "TOOL",
          userId,
          name: input.name,
          website: input.website.url,
          siteKey: input.website.siteKey,
          categoryId: category.id,
          pitch: input.pitch,
          vendor: input.vendor,
          pricingModel: input.pricingModel,
        },
        select: { id: true },
      });
      return { id: created.id, status: "received" as const };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new DuplicateSuggestionError({ kind: "suggestion", name: input.name });
    }
    throw error;
  }
}

/** A reader reports a problem with a listed tool: it lands in the same queue. */
export async function reportProblem(userId: string, input: { tool: string; category: ProblemCategoryJson; details: string }): Promise<{ id: string; status: "received" }> {
  return db.$transaction(async (tx) => {
    await lockReader(tx, userId);
    const tool = await tx.tool.findFirst({ where: { slug: input.tool, archivedAt: null }, select: { id: true } });
    if (!tool) throw new SuggestionToolNotFoundError(`Tool "${input.tool}" not found`);
    const created = await tx.suggestion.create({
      data: { kind: "PROBLEM", userId, toolId: tool.id, problemCategory: toProblemCategory(input.category), details: input.details },
      select: { id: true },
    });
    return { id: created.id, status: "received" as const };
  });
}

async function lockReader(tx: Tx, userId: string): Promise<void> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "User" WHERE "id" = ${userId} AND "deletedAt" IS NULL FOR NO KEY UPDATE`;
  if (rows.length === 0) throw new SuggesterGoneError();
}

type Locked = {
  id: string;
  kind: "TOOL" | "PROBLEM";
  status: "RECEIVED" | "ACCEPTED" | "MERGED" | "DECLINED";
  name: string | null;
  toolName: string | null;
  toolSlug: string | null;
  userId: string | null;
  email: string | null;
};

/** The suggestion, locked for a decision: it must still be waiting. */
async function lockWaiting(tx: Tx, id: string, kind?: "TOOL" | "PROBLEM"): Promise<Locked> {
  const [row] = await tx.$queryRaw<Locked[]>`
    SELECT s.id, s.kind::text AS kind, s.status::text AS status, s.name, t.name AS "toolName", t.slug AS "toolSlug", s."userId",
           CASE WHEN u."deletedAt" IS NULL THEN u.email END AS email
    FROM "Suggestion" s
    LEFT JOIN "Tool" t ON t.id = s."toolId"
    LEFT JOIN "User" u ON u.id = s."userId"
    WHERE s.id = ${id}
    FOR UPDATE OF s`;
  if (!row) throw new TriageError("This suggestion no longer exists.");
  if (row.status !== "RECEIVED") throw new TriageError(`Already ${row.status.toLowerCase()}: reload the queue.`);
  if (kind && row.kind !== kind) throw new TriageError(kind === "TOOL" ? "That is a problem report, not a tool suggestion." : "That is a tool suggestion, not a problem report.");
  return row;
}

/** Records the decision, audits it, and queues the reader's email — all in the caller's transaction. */
async function decide(
  tx: Tx,
  suggestion: Locked,
  decision: { status: "ACCEPTED" | "MERGED" | "DECLINED"; note: string | null; resultToolId?: string; resultTool?: { slug: string; name: string; listed: boolean } },
  actorId: string,
): Promise<void> {
  await tx.suggestion.update({
    where: { id: suggestion.id },
    data: { status: decision.status, decisionNote: decision.note, decidedById: actorId, decidedAt: new Date(), resultToolId: decision.resultToolId ?? null },
  });
  await recordAudit(tx, {
    actorId,
    action: `suggestion.${decision.status.toLowerCase()}`,
    entityType: "Suggestion",
    entityId: suggestion.id,
    before: { status: suggestion.status },
    after: { status: decision.status, note: decision.note, resultToolId: decision.resultToolId ?? null },
  });
  if (suggestion.email) {
    await enqueueEmail(
      tx,
      "suggestion",
      await suggestionStatusEmail(suggestion.email, {
        kind: suggestion.kind === "TOOL" ? "tool" : "problem",
        subject: suggestion.kind === "TOOL" ? suggestion.name! : suggestion.toolName ?? "a tool",
        status: decision.status === "ACCEPTED" ? "accepted" : decision.status === "MERGED" ? "merged" : "declined",
        note: decision.note,
        tool: decision.resultTool ?? (suggestion.toolSlug ? { slug: suggestion.toolSlug, name: suggestion.toolName!, listed: true } : null),
      }),
      { key: `suggestion:${suggestion.id}` },
    );
  }
}

/**
 * Staff accept a suggested tool: a draft tool, prefilled from the suggestion
 * and completed by staff in the triage form, is created unlisted (archived)
 * — it appears on no public page until staff list it from its admin page,
 * once it has its verdicts. Audited (the suggestion's decision and the tool's
 * creation); the reader is emailed.
 */
export async function acceptSuggestion(id: string, tool: ToolInput, note: string | null, actorId: string): Promise<{ id: string; slug: string }> {
  return db.$transaction(async (tx) => {
    const suggestion = await lockWaiting(tx, id, "TOOL");
    const created = await insertTool(tx, tool, actorId, { unlisted: true });
    await decide(tx, suggestion, { status: "ACCEPTED", note, resultToolId: created.id, resultTool: { slug: created.slug, name: tool.name, listed: false } }, actorId);
    return created;
  });
}

/** Staff fold a suggested tool into a listed one (it was already there, under another name or page). */
export async function mergeSuggestion(id: string, toolSlug: string, note: string | null, actorId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const suggestion = await lockWaiting(tx, id, "TOOL");
    const tool = await tx.tool.findFirst({ where: { slug: toolSlug, archivedAt: null }, select: { id: true, slug: true, name: true } });
    if (!tool) throw new TriageError(`No listed tool is called "${toolSlug}".`);
    await decide(tx, suggestion, { status: "MERGED", note, resultToolId: tool.id, resultTool: { slug: tool.slug, name: tool.name, listed: true } }, actorId);
  });
}

/** Staff decline a suggestion or a problem report, with the reason the reader sees. */
export async function declineSuggestion(id: string, note: string, actorId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const suggestion = await lockWaiting(tx, id);
    await decide(tx, suggestion, { status: "DECLINED", note }, actorId);
  });
}

/** Staff mark a reported problem fixed (after correcting the tool in its admin page). */
export async function resolveProblem(id: string, note: string | null, actorId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const suggestion = await lockWaiting(tx, id, "PROBLEM");
    await decide(tx, suggestion, { status: "ACCEPTED", note }, actorId);
  });
}
