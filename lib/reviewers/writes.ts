import "server-only";
import { recordAudit } from "@/lib/audit";
import { announce } from "@/lib/db-events/announce";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { lockToolStats } from "@/lib/stats/lock";
import { refreshPanelStats } from "@/lib/stats/panel";
import type { ReviewerInput } from "./admin-schema";

export class ReviewerWriteError extends Error {
  constructor(message: string, readonly field?: keyof ReviewerInput) {
    super(message);
  }
}

const snapshot = (r: ReviewerInput) => ({ ...r });

export async function createReviewer(input: ReviewerInput, actorId: string): Promise<{ id: string }> {
  try {
    return await db.$transaction(async (tx) => {
      const last = await tx.reviewer.aggregate({ _max: { position: true } });
      const reviewer = await tx.reviewer.create({ data: { ...input, position: (last._max.position ?? -1) + 1 }, select: { id: true } });
      await recordAudit(tx, { actorId, action: "reviewer.create", entityType: "Reviewer", entityId: reviewer.id, after: snapshot(input) });
      await announce(tx, { kind: "reviewer" });
      return reviewer;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new ReviewerWriteError("Another reviewer uses this slug.", "slug");
    throw error;
  }
}

/** Edits a persona (deactivating hides them from public pages; their verdicts are kept). */
export async function updateReviewer(id: string, input: ReviewerInput, actorId: string): Promise<boolean> {
  try {
    return await db.$transaction(async (tx) => {
      const current = await tx.reviewer.findUnique({ where: { id } });
      if (!current) throw new ReviewerWriteError("This reviewer no longer exists.");
      const before: ReviewerInput = { slug: current.slug, name: current.name, lens: current.lens, bio: current.bio, excitedBy: current.excitedBy, tiredOf: current.tiredOf, active: current.active };
      if (JSON.stringify(before) === JSON.stringify(snapshot(input))) return false;
      await tx.reviewer.update({ where: { id }, data: { ...input, version: current.version + 1 } });
      if (before.active !== input.active) {
        // The panel figures count active reviewers only: move every tool this persona judged.
        const tools = await tx.verdict.findMany({ where: { reviewerId: id }, select: { toolId: true }, orderBy: { toolId: "asc" } });
        for (const { toolId } of tools) {
          await lockToolStats(tx, toolId);
          await refreshPanelStats(tx, toolId);
        }
      }
      await recordAudit(tx, { actorId, action: "reviewer.update", entityType: "Reviewer", entityId: id, before, after: snapshot(input) });
      await announce(tx, { kind: "reviewer" });
      return true;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new ReviewerWriteError("Another reviewer uses this slug.", "slug");
    throw error;
  }
}

/** Moves a persona one place up or down in the panel order. */
export async function moveReviewer(id: string, direction: "up" | "down", actorId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const ordered = await tx.reviewer.findMany({ orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true } });
    const index = ordered.findIndex((r) => r.id === id);
    const swap = direction === "up" ? index - 1 : index + 1;
    if (index === -1 || swap < 0 || swap >= ordered.length) return false;
    [ordered[index], ordered[swap]] = [ordered[swap]!, ordered[index]!];
    for (const [position, reviewer] of ordered.entries()) await tx.reviewer.update({ where: { id: reviewer.id }, data: { position } });
    await recordAudit(tx, { actorId, action: "reviewer.reorder", entityType: "Reviewer", entityId: id, before: { position: index }, after: { position: swap } });
    await announce(tx, { kind: "reviewer" });
    return true;
  });
}
