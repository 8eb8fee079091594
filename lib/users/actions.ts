"use server";

import { refresh } from "next/cache";
import { requireAdmin } from "@/lib/auth/guards";
import { firstError, formStateAction } from "@/lib/http/action";
import { RoleChangeError, setStaffRole } from "./writes";
import { roleChangeSchema } from "./schema";

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
