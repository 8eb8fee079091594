import "server-only";
import { recordAudit } from "@/lib/audit";
import { announce } from "@/lib/db-events/announce";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ComparisonInput } from "./admin-schema";
import { comparisonSlug } from "./schema";

export class ComparisonWriteError extends Error {
  constructor(message: string, readonly field?: keyof ComparisonInput) {
    super(message);
  }
}

async function listedTools(tx: Prisma.TransactionClient, ids: string[]) {
  const tools = await tx.tool.findMany({ where: { id: { in: ids }, archivedAt: null }, select: { id: true, slug: true } });
  return new Map(tools.map((tool) => [tool.id, tool.slug]));
}

function explain(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    throw new ComparisonWriteError("These two tools are already compared (in one order or the other).", "toolBId");
  }
  throw error;
}

/** Creates a comparison of two listed tools; the unordered pair is unique. */
/** The picks may be left out by callers other than the form: on create none, on update unchanged. */
type ComparisonWrite = Omit<ComparisonInput, "pickA" | "pickB"> & Partial<Pick<ComparisonInput, "pickA" | "pickB">>;

export async function createComparison(input: ComparisonWrite, actorId: string): Promise<{ id: string; slug: string }> {
  try {
    return await db.$transaction(async (tx) => {
      const slugs = await listedTools(tx, [input.toolAId, input.toolBId]);
      const a = slugs.get(input.toolAId);
      const b = slugs.get(input.toolBId);
      if (!a) throw new ComparisonWriteError("Tool A is not a listed tool.", "toolAId");
      if (!b) throw new ComparisonWriteError("Tool B is not a listed tool.", "toolBId");
      const comparison = await tx.comparison.create({
        data: { ...input, slug: comparisonSlug(a, b), publishedAt: input.status === "PUBLISHED" ? new Date() : null },
        select: { id: true, slug: true },
      });
      await recordAudit(tx, { actorId, action: "comparison.create", entityType: "Comparison", entityId: comparison.id, after: { ...input, slug: comparison.slug } });
      await announce(tx, { kind: "comparison", tools: [a, b] });
      return comparison;
    });
  } catch (error) {
    if (error instanceof ComparisonWriteError) throw error;
    explain(error);
  }
}

/** Edits headline, intro, the bottom line (picks) and status (publish/unpublish); refuses a stale version; a no-op writes nothing. */
export async function updateComparison(
  id: string,
  expectedVersion: number,
  changes: Pick<ComparisonWrite, "headline" | "intro" | "pickA" | "pickB" | "status">,
  actorId: string,
): Promise<{ changed: boolean; version: number }> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "Comparison" WHERE "id" = ${id} FOR UPDATE`;
    const current = await tx.comparison.findUnique({ where: { id }, include: { toolA: { select: { slug: true } }, toolB: { select: { slug: true } } } });
    if (!current) throw new ComparisonWriteError("This comparison no longer exists.");
    if (current.version !== expectedVersion) {
      throw new ComparisonWriteError("Changed by someone else since you opened it — review and save again.");
    }
    const before = { headline: current.headline, intro: current.intro, pickA: current.pickA, pickB: current.pickB, status: current.status };
    const input = { ...changes, pickA: changes.pickA === undefined ? current.pickA : changes.pickA, pickB: changes.pickB === undefined ? current.pickB : changes.pickB };
    if ((Object.keys(before) as (keyof typeof before)[]).every((key) => before[key] === input[key])) {
      return { changed: false, version: current.version };
    }
    const version = current.version + 1;
    const publishedAt = input.status === "PUBLISHED" ? (current.publishedAt ?? new Date()) : current.publishedAt;
    await tx.comparison.update({ where: { id }, data: { ...input, publishedAt, version } });
    await recordAudit(tx, { actorId, action: "comparison.update", entityType: "Comparison", entityId: id, before: { ...before, version: current.version }, after: { ...input, version } });
    await announce(tx, { kind: "comparison", tools: [current.toolA.slug, current.toolB.slug] });
    return { changed: true, version };
  });
}
