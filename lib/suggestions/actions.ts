"use server";

import type { Route } from "next";
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { requireStaff } from "@/lib/auth/guards";
import { getCurrentUser } from "@/lib/auth/session";
import { firstError, formStateAction, logActionError, type FormRefusal } from "@/lib/http/action";
import { consume, RateLimitedError } from "@/lib/rate-limit";
import { ToolWriteError } from "@/lib/tools/writes";
import { acceptFormSchema } from "./accept-schema";
import { declineFormSchema, mergeFormSchema, reportProblemSchema, resolveFormSchema, suggestToolSchema, type SuggestionFormState, type TriageFormState } from "./schema";
import {
  acceptSuggestion,
  declineSuggestion,
  DuplicateSuggestionError,
  mergeSuggestion,
  reportProblem,
  resolveProblem,
  SuggesterGoneError,
  SuggestionToolNotFoundError,
  suggestTool,
  TriageError,
  UnknownCategoryError,
} from "./writes";

const QUEUE = "/admin/suggestions";

const refused = (refusal: FormRefusal): SuggestionFormState => ({ error: refusal.error, fieldErrors: refusal.fieldErrors, values: refusal.values });

/** A reader's sending failed for a reason they can act on: the message; anything else is logged. */
async function sendingFailed(error: unknown, values: Record<string, string>): Promise<SuggestionFormState> {
  if (error instanceof DuplicateSuggestionError) return { error: error.message, duplicate: error.match, values };
  if (error instanceof RateLimitedError) return { error: error.message, values };
  if (error instanceof UnknownCategoryError) return { error: "Fix the highlighted fields.", fieldErrors: { category: error.message }, values };
  if (error instanceof SuggestionToolNotFoundError) return { error: "This tool is no longer listed.", values };
  if (error instanceof SuggesterGoneError) redirect("/signin");
  await logActionError(error, "suggestion failed");
  return { error: "That did not go through. Try again in a moment.", values };
}

/** /suggest: a signed-in reader suggests a tool (signed out: to sign-in, and back). */
export const suggestToolAction: (state: SuggestionFormState, formData: FormData) => Promise<SuggestionFormState> = formStateAction({
  schema: suggestToolSchema,
  authorize: async () => (await getCurrentUser()) ?? redirect("/signin?callbackUrl=%2Fsuggest"),
  invalid: refused,
  async handle(input, { user, values }) {
    try {
      await consume("suggestion", user.id);
      await suggestTool(user.id, input);
    } catch (error) {
      return sendingFailed(error, values);
    }
    refresh();
    return { ok: `Thanks — ${input.name} is in our queue. You will find its status on your account page, and we will email you when it changes.` };
  },
});

/** /tools/:slug/report: a signed-in reader reports a problem with a listed tool. */
export const reportProblemAction: (state: SuggestionFormState, formData: FormData) => Promise<SuggestionFormState> = formStateAction({
  schema: reportProblemSchema,
  authorize: async (input) => (await getCurrentUser()) ?? redirect(`/signin?callbackUrl=${encodeURIComponent(input ? `/tools/${input.tool}/report` : "/tools")}` as Route),
  invalid: refused,
  async handle(input, { user, values }) {
    try {
      await consume("suggestion", user.id);
      await reportProblem(user.id, input);
    } catch (error) {
      return sendingFailed(error, values);
    }
    refresh();
    return { ok: "Thanks — the editors will look at it. You will find its status on your account page." };
  },
});

/**
 * Runs one triage decision; done, back to the queue saying what was decided
 * (`?done=<id>`: the banner reads the decision from the database, so it is the
 * same with or without JavaScript, and the decided item has left the list).
 */
async function triage(id: string, work: () => Promise<unknown>): Promise<TriageFormState> {
  try {
    await work();
  } catch (error) {
    if (error instanceof TriageError) return { error: error.message };
    throw error;
  }
  redirect(`${QUEUE}?done=${encodeURIComponent(id)}` as Route);
}

const triageRefused = (refusal: FormRefusal): TriageFormState => ({ error: firstError(refusal), fieldErrors: refusal.fieldErrors, values: refusal.values });

/** Staff: accept a suggested tool as a draft tool (unlisted), completed in the triage form. */
export const acceptSuggestionAction: (state: TriageFormState, formData: FormData) => Promise<TriageFormState> = formStateAction({
  schema: acceptFormSchema,
  authorize: () => requireStaff(QUEUE),
  invalid: (refusal) => ({ error: "Fix the highlighted fields.", fieldErrors: refusal.fieldErrors, values: refusal.values }),
  async handle({ suggestion, note, ...tool }, { user, values }): Promise<TriageFormState> {
    try {
      await acceptSuggestion(suggestion, tool, note, user.id);
    } catch (error) {
      if (error instanceof TriageError) return { error: error.message, values };
      if (error instanceof ToolWriteError) return { error: "Fix the highlighted fields.", fieldErrors: error.field ? { [error.field]: error.message } : {}, values };
      throw error;
    }
    redirect(`${QUEUE}?done=${encodeURIComponent(suggestion)}` as Route);
  },
});

/** Staff: fold a suggested tool into a listed one. */
export const mergeSuggestionAction: (state: TriageFormState, formData: FormData) => Promise<TriageFormState> = formStateAction({
  schema: mergeFormSchema,
  authorize: () => requireStaff(QUEUE),
  invalid: triageRefused,
  handle: ({ suggestion, tool, note }, { user }) => triage(suggestion, () => mergeSuggestion(suggestion, tool, note, user.id)),
});

/** Staff: decline a suggestion or report, with the reason the reader sees. */
export const declineSuggestionAction: (state: TriageFormState, formData: FormData) => Promise<TriageFormState> = formStateAction({
  schema: declineFormSchema,
  authorize: () => requireStaff(QUEUE),
  invalid: triageRefused,
  handle: ({ suggestion, note }, { user }) => triage(suggestion, () => declineSuggestion(suggestion, note, user.id)),
});

/** Staff: a reported problem is fixed. */
export const resolveProblemAction: (state: TriageFormState, formData: FormData) => Promise<TriageFormState> = formStateAction({
  schema: resolveFormSchema,
  authorize: () => requireStaff(QUEUE),
  invalid: triageRefused,
  handle: ({ suggestion, note }, { user }) => triage(suggestion, () => resolveProblem(suggestion, note, user.id)),
});
