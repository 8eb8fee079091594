"use server";

import { refresh } from "next/cache";
import { fieldWithNul, NUL_MESSAGE } from "@/lib/http/form";
import { requireStaff } from "@/lib/auth/guards";
import type { Route } from "next";
import { redirect } from "next/navigation";
import { createVerdict, restoreVerdict, saveVerdict, VerdictConflictError, VerdictExistsError, VerdictNotFoundError } from "./writes";
import { verdictCreateSchema, verdictEditSchema, verdictRestoreSchema, type VerdictState } from "./schema";

export type VerdictFormState = {
  ok?: string;
  /** The verdict's version after a successful save. */
  version?: number;
  error?: string;
  fieldErrors?: Partial<Record<"decision" | "body" | "reason", string>>;
  conflict?: { changedBy: string | null; current: VerdictState & { version: number } };
  values?: { decision?: string; body?: string; published?: boolean; reason?: string };
};

/** What the editor typed, kept to refill the form when a save is refused. */
function typedValues(raw: Record<string, FormDataEntryValue>): NonNullable<VerdictFormState["values"]> {
  const text = (value: FormDataEntryValue | undefined) => (typeof value === "string" ? value : undefined);
  return { decision: text(raw.decision), body: text(raw.body), published: raw.published === "on", reason: text(raw.reason) };
}

/** A refused save: the first message for each field the form shows. */
function invalid(issues: { path: PropertyKey[]; message: string }[], values: VerdictFormState["values"], error = "Fix the highlighted fields."): VerdictFormState {
  const fieldErrors: VerdictFormState["fieldErrors"] = {};
  for (const issue of issues) {
    const field = issue.path[0];
    if ((field === "decision" || field === "body" || field === "reason") && !fieldErrors[field]) fieldErrors[field] = issue.message;
  }
  return { error, fieldErrors, values };
}

/**
 * The admin editor's save: edits a verdict, or (without `verdictId`) writes a
 * reviewer's first verdict on a tool. Checks the role itself: the layout's
 * check is not enough.
 */
export async function saveVerdictAction(_state: VerdictFormState, formData: FormData): Promise<VerdictFormState> {
  const verdictId = String(formData.get("verdictId") ?? "");
  const user = await requireStaff(verdictId ? `/admin/verdicts/${encodeURIComponent(verdictId)}` : "/admin/verdicts");
  // Every entry, files included (a file where a field belongs fails validation).
  const raw = Object.fromEntries(formData);
  const nul = fieldWithNul(raw);
  if (nul) return invalid([{ path: [nul], message: NUL_MESSAGE }], typedValues(raw), NUL_MESSAGE);
  if (!verdictId) return createVerdictFromForm(raw, user.id);
  const values = typedValues(raw);
  const parsed = verdictEditSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error.issues, values);
  try {
    const result = await saveVerdict(parsed.data, user.id);
    refresh();
    return {
      ok: result.changed ? `Saved as version ${result.version}.` : "Nothing changed, so nothing was saved.",
      version: result.version,
    };
  } catch (error) {
    if (error instanceof VerdictConflictError) {
      return { error: error.message, conflict: { changedBy: error.changedBy, current: error.current }, values };
    }
    if (error instanceof VerdictNotFoundError) return { error: "This verdict no longer exists." };
    throw error;
  }
}

async function createVerdictFromForm(raw: Record<string, FormDataEntryValue>, actorId: string): Promise<VerdictFormState> {
  const parsed = verdictCreateSchema.safeParse(raw);
  const values = typedValues(raw);
  if (!parsed.success) return invalid(parsed.error.issues, values);
  let id: string;
  try {
    id = (await createVerdict(parsed.data, actorId)).id;
  } catch (error) {
    if (error instanceof VerdictExistsError || error instanceof VerdictNotFoundError) return { error: error.message, values };
    throw error;
  }
  redirect(`/admin/verdicts/${id}` as Route);
}

export async function restoreVerdictAction(_state: VerdictFormState, formData: FormData): Promise<VerdictFormState> {
  const verdictId = String(formData.get("verdictId") ?? "");
  const user = await requireStaff(`/admin/verdicts/${encodeURIComponent(verdictId)}`);
  const fields = Object.fromEntries(formData);
  const parsed = fieldWithNul(fields) ? null : verdictRestoreSchema.safeParse(fields);
  if (!parsed) return { error: NUL_MESSAGE };
  if (!parsed.success) return { error: "That restore request is not valid." };
  try {
    const result = await restoreVerdict(parsed.data, user.id);
    refresh();
    return { ok: result.changed ? `Restored version ${parsed.data.version} as version ${result.version}.` : "That version is what is live already." };
  } catch (error) {
    if (error instanceof VerdictConflictError) return { error: error.message };
    if (error instanceof VerdictNotFoundError) return { error: "That version no longer exists." };
    throw error;
  }
}
