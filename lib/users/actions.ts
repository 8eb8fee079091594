"use server";

import { refresh } from "next/cache";
import { fieldWithNul, NUL_MESSAGE } from "@/lib/http/form";
import { requireAdmin } from "@/lib/auth/guards";
import { RoleChangeError, setStaffRole } from "./writes";
import { roleChangeSchema } from "./schema";

export type RoleFormState = { ok?: string; error?: string };

/** ADMIN only: grant or revoke STAFF. */
export async function setRoleAction(_state: RoleFormState, formData: FormData): Promise<RoleFormState> {
  const actor = await requireAdmin("/admin/users");
  // Every entry, files included (a file where a field belongs fails validation).
  const fields = Object.fromEntries(formData);
  if (fieldWithNul(fields)) return { error: NUL_MESSAGE };
  const parsed = roleChangeSchema.safeParse(fields);
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Invalid request." };
  try {
    const changed = await setStaffRole(parsed.data.userId, parsed.data.role, actor.id);
    refresh();
    return { ok: changed ? (parsed.data.role === "STAFF" ? "Staff access granted." : "Staff access revoked.") : "No change." };
  } catch (error) {
    if (error instanceof RoleChangeError) return { error: error.message };
    throw error;
  }
}
