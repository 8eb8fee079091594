import "server-only";
import { recordAudit } from "@/lib/audit";
import { announce } from "@/lib/db-events/announce";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

export class ModerationError extends Error {}

export type LockedReason = { id: string; slug: string; hiddenAt: Date | null; hiddenReason: string | null; hiddenAuto: boolean; userId: string };

export async function lockReason(tx: Tx, reasonId: string): Promise<LockedReason> {
  const [reason] = await tx.$queryRaw<LockedReason[]>`
    SELECT r.id, t.slug, r."hiddenAt", r."hiddenReason", r."hiddenAuto", r."userId"
    FROM "Reason" r JOIN "Tool" t ON t.id = r."toolId" WHERE r.id = ${reasonId} FOR UPDATE OF r`;
  if (!reason) throw new ModerationError("That reason no longer exists (its author changed or withdrew the vote).");
  return reason;
}

export const visibility = (reason: Pick<LockedReason, "hiddenAt" | "hiddenReason" | "hiddenAuto">) => ({
  hidden: reason.hiddenAt !== null,
  hiddenReason: reason.hiddenReason,
  hiddenAuto: reason.hiddenAuto,
});

/** Hides a locked-for-update reason inside the caller's transaction (lib/moderation/writes.ts, auto-hide.ts). */
export async function hideLocked(tx: Tx, reasonId: string, note: string, actorId: string | null, auto: boolean): Promise<void> {
  const reason = await lockReason(tx, reasonId);
  const after = { hiddenAt: reason.hiddenAt ?? new Date(), hiddenReason: note, hiddenAuto: auto };
  if (reason.hiddenAt && reason.hiddenReason === note && reason.hiddenAuto === auto) return;
  await tx.reason.update({ where: { id: reasonId }, data: after });
  await recordAudit(tx, { actorId, action: auto ? "reason.autoHide" : "reason.hide", entityType: "Reason", entityId: reasonId, before: visibility(reason), after: visibility(after) });
  if (!reason.hiddenAt) await announce(tx, { kind: "reasons", tool: reason.slug });
}

