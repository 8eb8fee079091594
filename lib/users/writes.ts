import "server-only";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";

export class RoleChangeError extends Error {}

/**
 * Grants or revokes STAFF. Admins cannot be changed here (ADMIN comes from
 * ADMIN_EMAILS) and nobody changes their own role. Audited; a no-op writes
 * nothing. Takes effect on the user's next request (sessions re-read roles).
 */
export async function setStaffRole(userId: string, role: "USER" | "STAFF", actorId: string): Promise<boolean> {
  if (userId === actorId) throw new RoleChangeError("You cannot change your own role.");
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true, email: true } });
    if (!user) throw new RoleChangeError("That user does not exist.");
    if (user.role === "ADMIN") throw new RoleChangeError("Admins are set by ADMIN_EMAILS, not here.");
    if (user.role === role) return false;
    await tx.user.update({ where: { id: userId }, data: { role } });
    await recordAudit(tx, { actorId, action: "user.role", entityType: "User", entityId: userId, before: { role: user.role }, after: { role } });
    return true;
  });
}
