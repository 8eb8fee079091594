"use server";

import type { Route } from "next";
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { requireStaff } from "@/lib/auth/guards";
import { formAction, formStateAction, type FieldErrors, type FormValues } from "@/lib/http/action";
import { createReviewer, moveReviewer, ReviewerWriteError, updateReviewer } from "./writes";
import { reviewerFormSchema, reviewerMoveSchema } from "./admin-schema";

export type ReviewerFormState = { ok?: string; error?: string; fieldErrors?: FieldErrors; values?: FormValues };

/** Creates (no `id`) or updates a reviewer persona. Checks the role itself. */
export const saveReviewerAction: (state: ReviewerFormState, formData: FormData) => Promise<ReviewerFormState> = formStateAction({
  schema: reviewerFormSchema,
  authorize: (reviewer) =>
    requireStaff(reviewer?.mode === "edit" ? `/admin/reviewers/${encodeURIComponent(reviewer.id)}` : reviewer ? "/admin/reviewers/new" : "/admin/reviewers"),
  async handle(reviewer, { user, values }): Promise<ReviewerFormState> {
    let createdId: string;
    try {
      if (reviewer.mode === "edit") {
        const { mode: _, id, ...input } = reviewer;
        const changed = await updateReviewer(id, input, user.id);
        refresh();
        return { ok: changed ? "Saved." : "Nothing changed, so nothing was saved." };
      }
      const { mode: _, ...input } = reviewer;
      createdId = (await createReviewer(input, user.id)).id;
    } catch (error) {
      if (error instanceof ReviewerWriteError) return { error: error.message, values, fieldErrors: error.field ? { [error.field]: error.message } : undefined };
      throw error;
    }
    redirect(`/admin/reviewers/${createdId}` as Route);
  },
});

/** Moves a persona one place up or down in the panel order. */
export const moveReviewerAction: (formData: FormData) => Promise<void> = formAction({
  schema: reviewerMoveSchema,
  authorize: () => requireStaff("/admin/reviewers"),
  async handle({ id, direction }, { user }) {
    await moveReviewer(id, direction, user.id);
    refresh();
  },
});
