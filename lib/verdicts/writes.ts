import "server-only";
import { recordAudit } from "@/lib/audit";
import { announce } from "@/lib/db-events/announce";
import { db } from "@/lib/db";
import { lockToolStats } from "@/lib/stats/lock";
import { refreshPanelStats } from "@/lib/stats/panel";
import { Prisma } from "@/lib/generated/prisma/client";
import type { VerdictCreate, VerdictEdit, VerdictState } from "./schema";

export class VerdictNotFoundError extends Error {}

/** Someone saved the verdict after the editor opened it: nothing was written. */
export class VerdictConflictError extends Error {
  constructor(
    readonly current: VerdictState & { version: number },
    readonly changedBy: string | null,
  ) {
    super(`Changed by ${changedBy ?? "someone else"} since you opened it — review and save again.`);
  }
}

export type VerdictSaveResult = { changed: boolean; version: number };

const state = (v: VerdictState): VerdictState => ({ decision: v.decision, body: v.body, published: v.published });

/**
 * Writes a staff edit of a verdict: the change, its revision (the new state,
 * with the reason), an audit-log entry with before/after, and — when the call
 * or the published flag changed — the tool's panel counters, all in one
 * transaction. Refuses a stale `expectedVersion`; a save that changes nothing
 * writes nothing.
 */
export async function saveVerdict(edit: VerdictEdit, actorId: string, action = "verdict.update"): Promise<VerdictSaveResult> {
  return db.$transaction(async (tx) => {
    const found = await tx.verdict.findUnique({ where: { id: edit.verdictId }, select: { toolId: true, tool: { select: { slug: true } } } });
    if (!found) throw new VerdictNotFoundError(`Verdict ${edit.verdictId} not found`);
    // Same lock order as votes (the tool's counter row first), then the verdict row.
    await lockToolStats(tx, found.toolId);
    await tx.$queryRaw`SELECT 1 FROM "Verdict" WHERE "id" = ${edit.verdictId} FOR UPDATE`;
    const current = await tx.verdict.findUniqueOrThrow({ where: { id: edit.verdictId } });

    if (current.version !== edit.expectedVersion) {
      const last = await tx.verdictRevision.findFirst({
        where: { verdictId: current.id, version: current.version },
        select: { editor: { select: { name: true, email: true } } },
      });
      throw new VerdictConflictError({ ...state(current), version: current.version }, last?.editor?.name ?? last?.editor?.email ?? null);
    }
    const next: VerdictState = { decision: edit.decision, body: edit.body, published: edit.published };
    if (next.decision === current.decision && next.body === current.body && next.published === current.published) {
      return { changed: false, version: current.version };
    }

    const version = current.version + 1;
    await tx.verdict.update({
      where: { id: current.id },
      data: {
        ...next,
        version,
        publishedAt: next.published ? (current.published ? current.publishedAt : new Date()) : current.publishedAt,
      },
    });
    await tx.verdictRevision.create({
      data: { verdictId: current.id, version, ...next, reason: edit.reason, editorId: actorId },
    });
    await recordAudit(tx, {
      actorId,
      action,
      entityType: "Verdict",
      entityId: current.id,
      before: { ...state(current), version: current.version },
      after: { ...next, version, reason: edit.reason },
    });
    if (next.decision !== current.decision || next.published !== current.published) {
      await refreshPanelStats(tx, current.toolId);
    }
    await announce(tx, { kind: "verdict", tool: found.tool.slug });
    return { changed: true, version };
  });
}

/** Writes a reviewer's first verdict on a tool: version 1, its revision, the audit entry and the counters. */
export async function createVerdict(input: VerdictCreate, actorId: string): Promise<{ id: string }> {
  try {
    return await db.$transaction(async (tx) => {
      const [tool, reviewer] = await Promise.all([
        tx.tool.findUnique({ where: { id: input.toolId }, select: { id: true, slug: true } }),
        tx.reviewer.findUnique({ where: { id: input.reviewerId }, select: { id: true } }),
      ]);
      if (!tool || !reviewer) throw new VerdictNotFoundError("That tool or reviewer does not exist.");
      await lockToolStats(tx, input.toolId);
      const { reason, ...state } = input;
      const verdict = await tx.verdict.create({
        data: { ...state, publishedAt: state.published ? new Date() : null },
        select: { id: true },
      });
      await tx.verdictRevision.create({
        data: { verdictId: verdict.id, version: 1, decision: state.decision, body: state.body, published: state.published, reason, editorId: actorId },
      });
      await recordAudit(tx, { actorId, action: "verdict.create", entityType: "Verdict", entityId: verdict.id, after: { ...state, version: 1, reason } });
      if (state.published) await refreshPanelStats(tx, input.toolId);
      await announce(tx, { kind: "verdict", tool: tool.slug });
      return verdict;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new VerdictExistsError("This reviewer already has a verdict on this tool: edit that one.");
    }
    throw error;
  }
}

export class VerdictExistsError extends Error {}

/** Restores an earlier version's content as a new version (history is never rewritten). */
export async function restoreVerdict(
  input: { verdictId: string; expectedVersion: number; version: number; reason?: string },
  actorId: string,
): Promise<VerdictSaveResult> {
  const revision = await db.verdictRevision.findUnique({
    where: { verdictId_version: { verdictId: input.verdictId, version: input.version } },
  });
  if (!revision) throw new VerdictNotFoundError(`Version ${input.version} of verdict ${input.verdictId} not found`);
  return saveVerdict(
    {
      verdictId: input.verdictId,
      expectedVersion: input.expectedVersion,
      decision: revision.decision,
      body: revision.body,
      published: revision.published,
      reason: input.reason?.trim() || `Restored version ${input.version}`,
    },
    actorId,
    "verdict.restore",
  );
}
