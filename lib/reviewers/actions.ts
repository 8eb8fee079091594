"use server";

import type { Route } from "next";
import { fieldWithNul, formFields, nulRefusal } from "@/lib/http/form";
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { requireStaff } from "@/lib/auth/guards";
import { createReviewer, moveReviewer, ReviewerWriteError, updateReviewer } from "./writes";
import { reviewerInputSchema } from "./admin-schema";

export type ReviewerFormState = { ok?: string; error?: string; fieldErrors?: Record<string, string>; values?: Record<string, string> };

export async function saveReviewerAction(_state: ReviewerFormState, formData: FormData): Promise<ReviewerFormState> {
  const raw = formFields(formData);
  const user = await requireStaff(raw.id ? `/admin/reviewers/${encodeURIComponent(raw.id)}` : "/admin/reviewers/new");
  const nul = fieldWithNul(raw);
  if (nul) return { ...nulRefusal(nul), values: raw };
  const parsed = reviewerInputSchema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    return { error: "Fix the highlighted fields.", fieldErrors, values: raw };
  }
  let createdId: string | null = null;
  try {
    if (raw.id) {
      const changed = await updateReviewer(raw.id, parsed.data, user.id);
      refresh();
      return { ok: changed ? "Saved." : "Nothing changed, so nothing was saved." };
    }
    createdId = (await createReviewer(parsed.data, user.id)).id;
  } catch (error) {
    if (error instanceof ReviewerWriteError) return { error: error.message, values: raw, fieldErrors: error.field ? { [error.field]: error.message } : undefined };
    throw error;
  }
  redirect(`/admin/reviewers/${createdId}` as Route);
}

export async function moveReviewerAction(formData: FormData): Promise<void> {
  const user = await requireStaff("/admin/reviewers");
  const direction = formData.get("direction") === "up" ? "up" : "down";
  const id = String(formData.get("id") ?? "");
  if (id.includes("\u0000")) return;
  await moveReviewer(id, direction, user.id);
  refresh();
}
