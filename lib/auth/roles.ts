import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

/**
 * Emails in ADMIN_EMAILS become ADMIN when they sign in. Nobody is demoted
 * here: removing an email from the list does not take a role away (admins do).
 */
export async function promoteConfiguredAdmin(
  user: { id?: string; email?: string | null },
  adminEmails: readonly string[] = env.ADMIN_EMAILS,
): Promise<boolean> {
  if (!user.id || !user.email || !adminEmails.includes(user.email.trim().toLowerCase())) return false;
  const { count } = await db.user.updateMany({ where: { id: user.id, role: { not: "ADMIN" } }, data: { role: "ADMIN" } });
  return count > 0;
}
