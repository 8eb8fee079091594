import "server-only";
import { recordAudit } from "@/lib/audit";
import { announce } from "@/lib/db-events/announce";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { SPEC_FIELD_NAMES, specsFromFields, specsToFields, type SpecFieldsWithColumns } from "@/lib/specs/schema";
import { TOOL_FIELDS, type ToolInput } from "./admin-schema";

export class ToolWriteError extends Error {
  constructor(message: string, readonly field?: keyof ToolInput) {
    super(message);
  }
}

/** Someone saved the tool after the editor opened it: nothing was written. */
export class ToolConflictError extends Error {
  constructor(readonly current: ToolInput & { version: number }, readonly changedBy: string | null) {
    super(`Changed by ${changedBy ?? "someone else"} since you opened it — review and save again.`);
  }
}

const comparable = (tool: ToolInput) =>
  JSON.stringify(TOOL_FIELDS.map((field) => (tool[field] instanceof Date ? (tool[field] as Date).toISOString() : (tool[field] ?? null))));

/** A stored tool's catalogue fields: every field of the admin schema (specs flattened), so a new one is never dropped here. */
function pick(row: Record<string, unknown>): ToolInput {
  const tool = { ...row, ...specsToFields(row.specs) } as Record<string, unknown>;
  return Object.fromEntries(TOOL_FIELDS.map((field) => [field, tool[field]])) as ToolInput;
}

/** The columns to write: the flat spec fields go into `specs` as one JSON value. */
function columns(input: ToolInput) {
  const data: Record<string, unknown> = { ...input };
  for (const name of SPEC_FIELD_NAMES) delete data[name];
  return { ...(data as Omit<ToolInput, (typeof SPEC_FIELD_NAMES)[number]>), specs: specsFromFields(input as SpecFieldsWithColumns) };
}

/** A tool write's database refusal as the form's message (a taken slug, an unknown category); anything else rethrown. */
function explainToolWrite(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    throw new ToolWriteError("Another tool already uses this slug.", "slug");
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003") {
    throw new ToolWriteError("That category does not exist.", "categoryId");
  }
  throw error;
}

/** Adds a tool (with its counter row) and audits it. */
export async function createTool(input: ToolInput, actorId: string): Promise<{ id: string; slug: string }> {
  try {
    return await db.$transaction((tx) => insertTool(tx, input, actorId));
  } catch (error) {
    explainToolWrite(error);
  }
}

/**
 * Adds a tool inside the caller's transaction, with its counter row, audited.
 * `unlisted`: kept off every public page (archived) until staff list it — a
 * draft made from a reader's suggestion (lib/suggestions). A taken slug or an
 * unknown category is a ToolWriteError (the transaction is then over).
 */
export async function insertTool(tx: Prisma.TransactionClient, input: ToolInput, actorId: string, options: { unlisted?: boolean } = {}): Promise<{ id: string; slug: string }> {
  const tool = await tx.tool
    .create({
      data: { ...columns(input), ...(options.unlisted ? { archivedAt: new Date(), draft: true } : {}), stats: { create: {} } },
      select: { id: true, slug: true },
    })
    .catch(explainToolWrite);
  await recordAudit(tx, { actorId, action: "tool.create", entityType: "Tool", entityId: tool.id, after: { ...input, ...(options.unlisted ? { unlisted: true } : {}) } });
  if (!options.unlisted) await announce(tx, { kind: "tool", slugs: [tool.slug] });
  return tool;
}

/** Edits a tool's catalogue fields; refuses a stale version; a no-op writes nothing. */
export async function updateTool(id: string, expectedVersion: number, input: ToolInput, actorId: string): Promise<{ changed: boolean; version: number }> {
  try {
    return await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM "Tool" WHERE "id" = ${id} FOR UPDATE`;
      const current = await tx.tool.findUnique({ where: { id } });
      if (!current) throw new ToolWriteError("This tool no longer exists.");
      if (current.version !== expectedVersion) {
        const last = await tx.auditLog.findFirst({
          where: { entityType: "Tool", entityId: id },
          orderBy: { createdAt: "desc" },
          select: { actor: { select: { name: true, email: true } } },
        });
        throw new ToolConflictError({ ...pick(current), version: current.version }, last?.actor?.name ?? last?.actor?.email ?? null);
      }
      const before = pick(current);
      if (comparable(before) === comparable(input)) return { changed: false, version: current.version };
      const version = current.version + 1;
      await tx.tool.update({ where: { id }, data: { ...columns(input), version } });
      await recordAudit(tx, { actorId, action: "tool.update", entityType: "Tool", entityId: id, before: { ...before, version: current.version }, after: { ...input, version } });
      await announce(tx, { kind: "tool", slugs: [...new Set([current.slug, input.slug])] });
      return { changed: true, version };
    });
  } catch (error) {
    if (error instanceof ToolConflictError || error instanceof ToolWriteError) throw error;
    explainToolWrite(error);
  }
}

/**
 * Archives or restores a tool. Archived tools leave listings, pickers and
 * voting; their verdicts, votes and history stay. Nothing is deleted.
 * Restoring a draft (made from a suggestion) lists it for the first time.
 */
export async function setToolArchived(id: string, archived: boolean, actorId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const current = await tx.tool.findUnique({ where: { id }, select: { slug: true, archivedAt: true, draft: true, version: true } });
    if (!current) throw new ToolWriteError("This tool no longer exists.");
    if ((current.archivedAt !== null) === archived) return false;
    const archivedAt = archived ? new Date() : null;
    await tx.tool.update({ where: { id }, data: { archivedAt, ...(archived ? {} : { draft: false }), version: current.version + 1 } });
    await recordAudit(tx, {
      actorId,
      action: archived ? "tool.archive" : current.draft ? "tool.list" : "tool.restore",
      entityType: "Tool",
      entityId: id,
      before: { archivedAt: current.archivedAt, ...(current.draft ? { draft: true } : {}) },
      after: { archivedAt, ...(current.draft ? { draft: false } : {}) },
    });
    await announce(tx, { kind: "tool", slugs: [current.slug] });
    return true;
  });
}
