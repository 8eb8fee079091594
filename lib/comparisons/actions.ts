"use server";

import type { Route } from "next";
import { fieldWithNul, formFields, nulRefusal } from "@/lib/http/form";
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { requireStaff } from "@/lib/auth/guards";
import { ComparisonWriteError, createComparison, updateComparison } from "./writes";
import { comparisonInputSchema, comparisonUpdateSchema } from "./admin-schema";

export type ComparisonFormState = { ok?: string; version?: number; error?: string; fieldErrors?: Record<string, string>; values?: Record<string, string> };


function fieldErrors(issues: { path: PropertyKey[]; message: string }[]) {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return errors;
}

/** Creates a comparison (no `id`) or edits one. Checks the role itself. */
export async function saveComparisonAction(_state: ComparisonFormState, formData: FormData): Promise<ComparisonFormState> {
  const raw = formFields(formData);
  const user = await requireStaff(raw.id ? `/admin/comparisons/${encodeURIComponent(raw.id)}` : "/admin/comparisons/new");
  const nul = fieldWithNul(raw);
  if (nul) return { ...nulRefusal(nul), values: raw };
  if (raw.id) {
    const target = comparisonUpdateSchema.safeParse(raw);
    const fields = comparisonInputSchema.safeParse({ ...raw, toolAId: "a", toolBId: "b" });
    if (!target.success || !fields.success) {
      return { error: "Fix the highlighted fields.", fieldErrors: fieldErrors([...(target.error?.issues ?? []), ...(fields.error?.issues ?? [])]), values: raw };
    }
    try {
      const { headline, intro, status } = fields.data;
      const result = await updateComparison(target.data.id, target.data.expectedVersion, { headline, intro, status }, user.id);
      refresh();
      return { ok: result.changed ? `Saved as version ${result.version}.` : "Nothing changed, so nothing was saved.", version: result.version };
    } catch (error) {
      if (error instanceof ComparisonWriteError) return { error: error.message, values: raw };
      throw error;
    }
  }
  const parsed = comparisonInputSchema.safeParse(raw);
  if (!parsed.success) return { error: "Fix the highlighted fields.", fieldErrors: fieldErrors(parsed.error.issues), values: raw };
  let id: string;
  try {
    id = (await createComparison(parsed.data, user.id)).id;
  } catch (error) {
    if (error instanceof ComparisonWriteError) {
      return { error: error.message, values: raw, fieldErrors: error.field ? { [error.field]: error.message } : undefined };
    }
    throw error;
  }
  redirect(`/admin/comparisons/${id}` as Route);
}
