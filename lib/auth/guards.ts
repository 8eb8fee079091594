import "server-only";
import type { Route } from "next";
import { forbidden, redirect } from "next/navigation";
import type { Role } from "@/lib/generated/prisma/enums";
import { postedWithoutScript } from "@/lib/http/form-post";
import { getCurrentUser, type CurrentUser } from "./session";

const STAFF_ROLES: readonly Role[] = ["STAFF", "ADMIN"];

/**
 * For pages, layouts and server actions: the signed-in user if their role is
 * allowed. Signed out → sign-in (and back to `returnTo`); wrong role → 403
 * (in a server action posted by a plain form: a redirect to `returnTo`, whose
 * own guard answers the 403 with the whole page — see lib/http/form-post).
 * The role is read from the database on this request, never from the client.
 */
export async function requireRole(roles: readonly Role[], returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!roles.includes(user.role)) {
    if (await postedWithoutScript()) redirect(returnTo as Route);
    forbidden();
  }
  return user;
}

export const requireStaff = (returnTo = "/admin") => requireRole(STAFF_ROLES, returnTo);
export const requireAdmin = (returnTo = "/admin") => requireRole(["ADMIN"], returnTo);
