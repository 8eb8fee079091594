import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { SITE_CONTENT_CHANNEL } from "@/lib/live/channels";

type Tx = Prisma.TransactionClient;

/** Entity types whose edits change what public pages show (the page cache drops its pages on them). */
const PUBLIC_CONTENT = new Set(["Tool", "Reviewer", "Verdict", "Comparison", "Category"]);

/**
 * Appends one staff action to the audit log, inside the caller's transaction.
 * An edit of public content also announces itself on SITE_CONTENT_CHANNEL in
 * the same transaction: delivered on commit, never for a rollback.
 */
export async function recordAudit(
  tx: Tx,
  entry: { actorId: string; action: string; entityType: string; entityId: string; before?: unknown; after?: unknown },
): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before === undefined ? undefined : (JSON.parse(JSON.stringify(entry.before)) as Prisma.InputJsonValue),
      after: entry.after === undefined ? undefined : (JSON.parse(JSON.stringify(entry.after)) as Prisma.InputJsonValue),
    },
  });
  if (PUBLIC_CONTENT.has(entry.entityType)) {
    await tx.$executeRaw`SELECT pg_notify(${SITE_CONTENT_CHANNEL}, ${entry.entityType})`;
  }
}
