"use server";

import { refresh } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { requireAdmin } from "@/lib/auth/guards";
import { getCurrentUser } from "@/lib/auth/session";
import { firstError, FIX_FIELDS_MESSAGE, formStateAction, logActionError } from "@/lib/http/action";
import { displayNameFormSchema, generatedName } from "./display-name";
import { clearSessionCookies } from "./session-cookies";
import { deleteUser, DisplayNameError, RoleChangeError, setDisplayName, setStaffRole, type DeletedUser } from "./writes";
import { CONFIRM_MISMATCH_MESSAGE, confirmsAccount, deleteAccountFormSchema, roleChangeSchema, type DeleteAccountState, type DisplayNameState } from "./schema";

export type RoleFormState = { ok?: string; error?: string };

/** ADMIN only: grant or revoke STAFF. The form is a button (hidden fields): one message. */
export const setRoleAction: (state: RoleFormState, formData: FormData) => Promise<RoleFormState> = formStateAction({
  schema: roleChangeSchema,
  authorize: () => requireAdmin("/admin/users"),
  invalid: (refusal): RoleFormState => ({ error: firstError(refusal) }),
  async handle({ userId, role }, { user }): Promise<RoleFormState> {
    try {
      const changed = await setStaffRole(userId, role, user.id);
      refresh();
      return { ok: changed ? (role === "STAFF" ? "Staff access granted." : "Staff access revoked.") : "No change." };
    } catch (error) {
      if (error instanceof RoleChangeError) return { error: error.message };
      throw error;
    }
  },
});

/**
 * /account's "Your public name" (works without JavaScript): the signed-in
 * reader sets the name shown with their reasons; empty goes back to the
 * generated one. A refused name answers as that field's error, with what was typed.
 */
export const displayNameAction: (state: DisplayNameState, formData: FormData) => Promise<DisplayNameState> = formStateAction({
  schema: displayNameFormSchema,
  authorize: async () => (await getCurrentUser()) ?? redirect("/signin?callbackUrl=%2Faccount"),
  async handle({ displayName }, { user, values }): Promise<DisplayNameState> {
    try {
      const changed = await setDisplayName(user.id, displayName);
      if (!changed) return { ok: "No change: that is already your public name." };
      refresh();
      return { ok: displayName ? `Saved. Your reasons now show “${displayName}”.` : `Reset. Your reasons now show “${generatedName(user.id)}”.` };
    } catch (error) {
      if (error instanceof DisplayNameError) return { error: FIX_FIELDS_MESSAGE, fieldErrors: { displayName: error.message }, values };
      throw error;
    }
  },
});

/**
 * The danger zone of /account (works without JavaScript): the signed-in
 * reader deletes their own account after typing its email address. Their
 * votes are withdrawn through the counter path, every session ends, and the
 * browser's session cookie is dropped; then the confirmation page.
 */
export const deleteAccountAction: (state: DeleteAccountState, formData: FormData) => Promise<DeleteAccountState> = formStateAction({
  schema: deleteAccountFormSchema,
  authorize: async () => (await getCurrentUser()) ?? redirect("/signin?callbackUrl=%2Faccount"),
  async handle({ confirm, keepNewsletter }, { user, values }): Promise<DeleteAccountState> {
    if (!confirmsAccount(confirm, user.email)) return { error: FIX_FIELDS_MESSAGE, fieldErrors: { confirm: CONFIRM_MISMATCH_MESSAGE }, values };
    let deleted: DeletedUser | null;
    try {
      deleted = await deleteUser(user.id, { keepNewsletter: keepNewsletter === "on" });
    } catch (error) {
      await logActionError(error, "account deletion failed");
      return { error: "Your account could not be deleted just now. Nothing was changed: try again in a moment.", fieldErrors: {}, values };
    }
    // Null: already deleted (a second tab, a double submit) — the same end.
    clearSessionCookies(await cookies());
    redirect(deleted?.newsletter === "kept" ? "/account/deleted?newsletter=kept" : "/account/deleted");
  },
});
