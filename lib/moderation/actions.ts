"use server";

import { refresh } from "next/cache";
import { requireStaff } from "@/lib/auth/guards";
import { firstError, formStateAction } from "@/lib/http/action";
import { hideFormSchema, muteFormSchema, reasonFormSchema, type ModerationFormState } from "./schema";
import { dismissReports, hideReason, ModerationError, reopenReports, restoreReason, setReasonsMute } from "./writes";

const QUEUE = "/admin/moderation";

/** Runs one moderation write and answers the queue's message. */
async function moderate(work: () => Promise<string>): Promise<ModerationFormState> {
  try {
    const ok = await work();
    refresh();
    return { ok };
  } catch (error) {
    if (error instanceof ModerationError) return { error: error.message };
    throw error;
  }
}

const invalid = (refused: Parameters<typeof firstError>[0]): ModerationFormState => ({ error: firstError(refused) });

/** Staff: hide a reason from every public page, with a note for its author. */
export const hideReasonAction: (state: ModerationFormState, formData: FormData) => Promise<ModerationFormState> = formStateAction({
  schema: hideFormSchema,
  authorize: () => requireStaff(QUEUE),
  invalid,
  handle: ({ reason, note }, { user }) => moderate(async () => (await hideReason(reason, note, user.id), "Hidden from every public page.")),
});

/** Staff: put a hidden reason back. */
export const restoreReasonAction: (state: ModerationFormState, formData: FormData) => Promise<ModerationFormState> = formStateAction({
  schema: reasonFormSchema,
  authorize: () => requireStaff(QUEUE),
  invalid,
  handle: ({ reason }, { user }) => moderate(async () => (await restoreReason(reason, user.id), "Restored: it is public again.")),
});

/** Staff: dismiss a reason's open reports (nothing wrong with it). */
export const dismissReportsAction: (state: ModerationFormState, formData: FormData) => Promise<ModerationFormState> = formStateAction({
  schema: reasonFormSchema,
  authorize: () => requireStaff(QUEUE),
  invalid,
  handle: ({ reason }, { user }) => moderate(async () => `Dismissed ${await dismissReports(reason, user.id)} report(s).`),
});

/** Staff: count a reason's dismissed reports again (undoes a dismissal). */
export const reopenReportsAction: (state: ModerationFormState, formData: FormData) => Promise<ModerationFormState> = formStateAction({
  schema: reasonFormSchema,
  authorize: () => requireStaff(QUEUE),
  invalid,
  handle: ({ reason }, { user }) => moderate(async () => `Reopened ${await reopenReports(reason, user.id)} report(s).`),
});

/** Staff: mute a reader from writing reasons for some days ("0" lifts the mute). */
export const muteReaderAction: (state: ModerationFormState, formData: FormData) => Promise<ModerationFormState> = formStateAction({
  schema: muteFormSchema,
  authorize: () => requireStaff(QUEUE),
  invalid,
  handle: ({ user: readerId, days, note }, { user }) =>
    moderate(async () => {
      const until = days === "0" ? null : new Date(Date.now() + Number(days) * 86_400_000);
      const changed = await setReasonsMute(readerId, until, note ?? null, user.id);
      return until ? `Muted for ${days} day(s).` : changed ? "Mute lifted." : "That reader was not muted.";
    }),
});
