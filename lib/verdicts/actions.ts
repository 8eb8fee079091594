"use server";

import type { Route } from "next";
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { requireStaff } from "@/lib/auth/guards";
import { formStateAction, type FieldErrors, type FormValues } from "@/lib/http/action";
import { NUL_MESSAGE } from "@/lib/http/form";
import { createVerdict, restoreVerdict, saveVerdict, VerdictConflictError, VerdictExistsError, VerdictNotFoundError } from "./writes";
import { verdictFormSchema, verdictRestoreSchema, type VerdictState } from "./schema";

export type VerdictFormState = {
  ok?: string;
  /** The verdict's version after a successful save. */
  version?: number;
  error?: string;
  fieldErrors?: FieldErrors;
  conflict?: { changedBy: string | null; current: VerdictState & { version: number } };
  /** What the editor typed, to refill the form when a save is refused. */
  values?: FormValues;
};

/**
 * The admin editor's save: edits a verdict, or (without `verdictId`) writes a
 * reviewer's first verdict on a tool. Checks the role itself: the layout's
 * check is not enough.
 */
export const saveVerdictAction: (state: VerdictFormState, formData: FormData) => Promise<VerdictFormState> = formStateAction({
  schema: verdictFormSchema,
  authorize: (form) => requireStaff(form?.mode === "edit" ? `/admin/verdicts/${encodeURIComponent(form.verdictId)}` : "/admin/verdicts"),
  async handle(form, { user, values }): Promise<VerdictFormState> {
    if (form.mode === "create") {
      const { mode: _, ...input } = form;
      let id: string;
      try {
        id = (await createVerdict(input, user.id)).id;
      } catch (error) {
        if (error instanceof VerdictExistsError || error instanceof VerdictNotFoundError) return { error: error.message, values };
        throw error;
      }
      redirect(`/admin/verdicts/${id}` as Route);
    }
    const { mode: _, ...edit } = form;
    try {
      const result = await saveVerdict(edit, user.id);
      refresh();
      return {
        ok: result.changed ? `Saved as version ${result.version}.` : "Nothing changed, so nothing was saved.",
        version: result.version,
      };
    } catch (error) {
      if (error instanceof VerdictConflictError) {
        return { error: error.message, conflict: { changedBy: error.changedBy, current: error.current }, values };
      }
      if (error instanceof VerdictNotFoundError) return { error: "This verdict no longer exists.", values };
      throw error;
    }
  },
});

/** The history's "Restore version n" button (hidden fields only: one message, no field errors). */
export const restoreVerdictAction: (state: VerdictFormState, formData: FormData) => Promise<VerdictFormState> = formStateAction({
  schema: verdictRestoreSchema,
  authorize: (restore) => requireStaff(restore ? `/admin/verdicts/${encodeURIComponent(restore.verdictId)}` : "/admin/verdicts"),
  invalid: (refusal) => ({ error: Object.values(refusal.fieldErrors).includes(NUL_MESSAGE) ? NUL_MESSAGE : "That restore request is not valid." }),
  async handle(restore, { user }): Promise<VerdictFormState> {
    try {
      const result = await restoreVerdict(restore, user.id);
      refresh();
      return { ok: result.changed ? `Restored version ${restore.version} as version ${result.version}.` : "That version is what is live already." };
    } catch (error) {
      if (error instanceof VerdictConflictError) return { error: error.message };
      if (error instanceof VerdictNotFoundError) return { error: "That version no longer exists." };
      throw error;
    }
  },
});
