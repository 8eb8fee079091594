import "server-only";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { announce, announceReasons } from "@/lib/db-events/announce";
import { Prisma } from "@/lib/generated/prisma/client";
import { hideLocked, lockReason, ModerationError, visibility } from "./hide";

type Tx = Prisma.TransactionClient;

export { ModerationError };

/**
 * Hides a reason from every public page, with a note its author sees. The
 * pages showing it are dropped at once (content_changed, kind "reasons").
 * Audited; `restoreReason` undoes it. Hiding a hidden reason changes its note.
 */
export async function hideReason(reasonId: string, note: string, actorId: string): Promise<void> {
  await db.$transaction((tx) => hideLocked(tx, reasonId, note, actorId, false));
}

/**
 * Puts a hidden reason back on the public pages (at once). A reason hidden
 * automatically had its reports found wanting: they are dismissed with it,
 * or the next report would hide it again. Audited.
 */
export async function restoreReason(reasonId: string, actorId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const reason = await lockReason(tx, reasonId);
    if (!reason.hiddenAt) return;
    await tx.reason.update({ where: { id: reasonId }, data: { hiddenAt: null, hiddenReason: null, hiddenAuto: false } });
    const dismissed = reason.hiddenAuto ? await dismissOpen(tx, reasonId) : 0;
    await recordAudit(tx, {
      actorId,
      action: "reason.restore",
      entityType: "Reason",
      entityId: reasonId,
      before: visibility(reason),
      after: { hidden: false, hiddenReason: null, hiddenAuto: false, reportsDismissed: dismissed },
    });
    await announce(tx, { kind: "reasons", tool: reason.slug });
  });
}

async function dismissOpen(tx: Tx, reasonId: string): Promise<number> {
  return tx.$executeRaw`UPDATE "ReasonReport" SET "dismissedAt" = now() WHERE "reasonId" = ${reasonId} AND "dismissedAt" IS NULL`;
}

/**
 * Dismisses a reason's open reports (nothing wrong with it): they leave the
 * queue and stop counting against its ranking. A reason hidden automatically
 * by those reports comes back. Audited; `reopenReports` undoes it.
 */
export async function dismissReports(reasonId: string, actorId: string): Promise<number> {
  return db.$transaction(async (tx) => {
    const reason = await lockReason(tx, reasonId);
    const dismissed = await dismissOpen(tx, reasonId);
    // A flag for identical text (docs/decisions/030) is cleared the same way: nothing wrong with it.
    const unflagged = await tx.$executeRaw`UPDATE "Reason" SET "duplicateFlaggedAt" = NULL WHERE id = ${reasonId} AND "duplicateFlaggedAt" IS NOT NULL`;
    if (dismissed === 0 && !reason.hiddenAuto && unflagged === 0) return 0;
    if (reason.hiddenAuto) await tx.reason.update({ where: { id: reasonId }, data: { hiddenAt: null, hiddenReason: null, hiddenAuto: false } });
    await recordAudit(tx, {
      actorId,
      action: "reason.dismissReports",
      entityType: "Reason",
      entityId: reasonId,
      before: { ...visibility(reason), openReports: dismissed, identicalTextFlag: unflagged > 0 },
      after: { hidden: reason.hiddenAt !== null && !reason.hiddenAuto, openReports: 0, identicalTextFlag: false },
    });
    if (reason.hiddenAuto) await announce(tx, { kind: "reasons", tool: reason.slug });
    else await announceReasons(tx, [reason.slug]);
    return dismissed;
  });
}

/** Undoes a dismissal: the reason's dismissed reports are open again (and count again). Audited. */
export async function reopenReports(reasonId: string, actorId: string): Promise<number> {
  return db.$transaction(async (tx) => {
    const reason = await lockReason(tx, reasonId);
    const reopened = await tx.$executeRaw`UPDATE "ReasonReport" SET "dismissedAt" = NULL WHERE "reasonId" = ${reasonId} AND "dismissedAt" IS NOT NULL`;
    if (reopened === 0) return 0;
    await recordAudit(tx, { actorId, action: "reason.reopenReports", entityType: "Reason", entityId: reasonId, before: { reopened: 0 }, after: { reopened } });
    await announceReasons(tx, [reason.slug]);
    return reopened;
  });
}

/**
 * Mutes a reader from writing or editing reasons until `until` (null lifts
 * the mute). Their votes still count and their existing reasons stay as they
 * are (hide those one by one). Audited with the note.
 */
export async function setReasonsMute(userId: string, until: Date | null, note: string | null, actorId: string): Promise<boolean> {
  if (userId === actorId) throw new ModerationError("You cannot mute yourself.");
  return db.$transaction(async (tx) => {
    const [user] = await tx.$queryRaw<{ reasonsMutedUntil: Date | null }[]>`
      SELECT "reasonsMutedUntil" FROM "User" WHERE id = ${userId} AND "deletedAt" IS NULL FOR UPDATE`;
    if (!user) throw new ModerationError("That reader does not exist.");
    const wasMuted = user.reasonsMutedUntil !== null && user.reasonsMutedUntil > new Date();
    if (!until && !wasMuted) return false;
    await tx.user.update({ where: { id: userId }, data: { reasonsMutedUntil: until } });
    await recordAudit(tx, {
      actorId,
      action: until ? "user.muteReasons" : "user.unmuteReasons",
      entityType: "User",
      entityId: userId,
      before: { reasonsMutedUntil: wasMuted ? user.reasonsMutedUntil : null },
      after: { reasonsMutedUntil: until, ...(note ? { note } : {}) },
    });
    return true;
  });
}
