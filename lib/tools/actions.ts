"use server";

import type { Route } from "next";
import { fieldWithNul, formFields, nulRefusal } from "@/lib/http/form";
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { requireStaff } from "@/lib/auth/guards";
import { createTool, setToolArchived, ToolConflictError, ToolWriteError, updateTool } from "./writes";
import { toolInputSchema, toolUpdateSchema, type ToolInput } from "./admin-schema";

export type ToolFormState = {
  ok?: string;
  version?: number;
  error?: string;
  fieldErrors?: Partial<Record<keyof ToolInput, string>>;
  values?: Record<string, string>;
  conflict?: { changedBy: string | null; current: Record<string, string> };
};

const asStrings = (record: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(record).map(([key, value]) => [key, value instanceof Date ? value.toISOString().slice(0, 10) : value == null ? "" : String(value)]),
  );

/** Creates (no `id`) or updates a tool. Checks the role itself. */
export async function saveToolAction(_state: ToolFormState, formData: FormData): Promise<ToolFormState> {
  const raw = formFields(formData);
  const user = await requireStaff(raw.id ? `/admin/tools/${encodeURIComponent(raw.id)}` : "/admin/tools/new");
  const nul = fieldWithNul(raw);
  if (nul) return { ...nulRefusal(nul), values: raw };
  // One parse: an edit carries the id and the version it started from.
  const update = raw.id ? toolUpdateSchema.safeParse(raw) : null;
  const create = raw.id ? null : toolInputSchema.safeParse(raw);
  const failure = update?.error ?? create?.error;
  if (failure) {
    const fieldErrors: ToolFormState["fieldErrors"] = {};
    for (const issue of failure.issues) {
      const field = issue.path[0] as keyof ToolInput | undefined;
      if (field && !fieldErrors[field]) fieldErrors[field] = issue.message;
    }
    return { error: "Fix the highlighted fields.", fieldErrors, values: raw };
  }
  let createdId: string;
  try {
    if (update?.success) {
      const { id, expectedVersion, ...input } = update.data;
      const result = await updateTool(id, expectedVersion, input, user.id);
      refresh();
      return { ok: result.changed ? `Saved as version ${result.version}.` : "Nothing changed, so nothing was saved.", version: result.version };
    }
    createdId = (await createTool(create!.data!, user.id)).id;
  } catch (error) {
    if (error instanceof ToolConflictError) {
      return { error: error.message, values: raw, conflict: { changedBy: error.changedBy, current: asStrings(error.current) } };
    }
    if (error instanceof ToolWriteError) {
      return { error: error.message, values: raw, fieldErrors: error.field ? { [error.field]: error.message } : undefined };
    }
    throw error;
  }
  redirect(`/admin/tools/${createdId}` as Route);
}

export async function archiveToolAction(formData: FormData): Promise<void> {
  const id = String(formData.get("id") ?? "");
  const archived = formData.get("archived");
  const user = await requireStaff(`/admin/tools/${encodeURIComponent(id)}`);
  if (id.includes("\u0000")) return;
  try {
    await setToolArchived(id, archived === "true", user.id);
  } catch (error) {
    // The tool is gone (or never was): nothing to archive; the refreshed page says so.
    if (!(error instanceof ToolWriteError)) throw error;
  }
  refresh();
}
