import "server-only";
import { forbidden, redirect } from "next/navigation";
import type { Role } from "@/lib/generated/prisma/enums";
import { getCurrentUser, type CurrentUser } from "./session";

const STAFF_ROLES: readonly Role[] = ["STAFF", "ADMIN"];

/**
 * For pages, layouts and server actions: the signed-in user if their role is
 * allowed. Signed out → sign-in (and back to `returnTo`); wrong role → 403.
 * The role is read from the database on this request, never from the client.
 */
export async function requireRole(roles: readonly Role[], returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!roles.includes(user.role)) forbidden();
  return user;
}

export const requireStaff = (returnTo = "/admin") => requireRole(STAFF_ROLES, returnTo);
export const requireAdmin = (returnTo = "/admin") => requireRole(["ADMIN"], returnTo);
