"use server";

import type { Route } from "next";
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { requireStaff } from "@/lib/auth/guards";
import { formStateAction, type FieldErrors, type FormValues } from "@/lib/http/action";
import { ComparisonWriteError, createComparison, updateComparison } from "./writes";
import { comparisonFormSchema } from "./admin-schema";

export type ComparisonFormState = { ok?: string; version?: number; error?: string; fieldErrors?: FieldErrors; values?: FormValues };

/** Creates a comparison (no `id`) or edits one. Checks the role itself. */
export const saveComparisonAction: (state: ComparisonFormState, formData: FormData) => Promise<ComparisonFormState> = formStateAction({
  schema: comparisonFormSchema,
  authorize: (comparison) =>
    requireStaff(comparison?.mode === "edit" ? `/admin/comparisons/${encodeURIComponent(comparison.id)}` : comparison ? "/admin/comparisons/new" : "/admin/comparisons"),
  async handle(comparison, { user, values }): Promise<ComparisonFormState> {
    if (comparison.mode === "edit") {
      try {
        const { id, expectedVersion, headline, intro, pickA, pickB, status } = comparison;
        const result = await updateComparison(id, expectedVersion, { headline, intro, pickA, pickB, status }, user.id);
        refresh();
        return { ok: result.changed ? `Saved as version ${result.version}.` : "Nothing changed, so nothing was saved.", version: result.version };
      } catch (error) {
        if (error instanceof ComparisonWriteError) return { error: error.message, values };
        throw error;
      }
    }
    const { mode: _, ...input } = comparison;
    let id: string;
    try {
      id = (await createComparison(input, user.id)).id;
    } catch (error) {
      if (error instanceof ComparisonWriteError) {
        return { error: error.message, values, fieldErrors: error.field ? { [error.field]: error.message } : undefined };
      }
      throw error;
    }
    redirect(`/admin/comparisons/${id}` as Route);
  },
});
