"use server";

import type { Route } from "next";
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { requireStaff } from "@/lib/auth/guards";
import { formAction, formStateAction, type FieldErrors, type FormValues } from "@/lib/http/action";
import { createTool, setToolArchived, ToolConflictError, ToolWriteError, updateTool } from "./writes";
import { toolArchiveSchema, toolFormSchema } from "./admin-schema";

export type ToolFormState = {
  ok?: string;
  version?: number;
  error?: string;
  fieldErrors?: FieldErrors;
  /** What was typed, to refill the form when a save is refused. */
  values?: FormValues;
  conflict?: { changedBy: string | null; current: Record<string, string> };
};

const asStrings = (record: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(record).map(([key, value]) => [key, value instanceof Date ? value.toISOString().slice(0, 10) : value == null ? "" : String(value)]),
  );

/** Creates (no `id`) or updates a tool. Checks the role itself. */
export const saveToolAction: (state: ToolFormState, formData: FormData) => Promise<ToolFormState> = formStateAction({
  schema: toolFormSchema,
  authorize: (tool) => requireStaff(tool?.mode === "edit" ? `/admin/tools/${encodeURIComponent(tool.id)}` : tool ? "/admin/tools/new" : "/admin/tools"),
  async handle(tool, { user, values }): Promise<ToolFormState> {
    let createdId: string;
    try {
      if (tool.mode === "edit") {
        const { mode: _, id, expectedVersion, ...input } = tool;
        const result = await updateTool(id, expectedVersion, input, user.id);
        refresh();
        return { ok: result.changed ? `Saved as version ${result.version}.` : "Nothing changed, so nothing was saved.", version: result.version };
      }
      const { mode: _, ...input } = tool;
      createdId = (await createTool(input, user.id)).id;
    } catch (error) {
      if (error instanceof ToolConflictError) {
        return { error: error.message, values, conflict: { changedBy: error.changedBy, current: asStrings(error.current) } };
      }
      if (error instanceof ToolWriteError) {
        return { error: error.message, values, fieldErrors: error.field ? { [error.field]: error.message } : undefined };
      }
      throw error;
    }
    redirect(`/admin/tools/${createdId}` as Route);
  },
});

/** Archives (`archived` "true") or restores ("false") a tool. */
export const archiveToolAction: (formData: FormData) => Promise<void> = formAction({
  schema: toolArchiveSchema,
  authorize: (tool) => requireStaff(tool ? `/admin/tools/${encodeURIComponent(tool.id)}` : "/admin/tools"),
  async handle({ id, archived }, { user }) {
    try {
      await setToolArchived(id, archived, user.id);
    } catch (error) {
      // The tool is gone (or never was): nothing to archive; the refreshed page says so.
      if (!(error instanceof ToolWriteError)) throw error;
    }
    refresh();
  },
});
