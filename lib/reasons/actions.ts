"use server";

import { getCurrentUser } from "@/lib/auth/session";
import { answer, firstError, formStateAction, logActionError } from "@/lib/http/action";
import { consume, RateLimitedError } from "@/lib/rate-limit";
import { helpfulFormSchema, reportFormSchema, type HelpfulFormState, type ReportFormState } from "./schema";
import { AlreadyReportedError, OwnReasonError, ReasonNotFoundError, reportReason, setHelpful } from "./writes";

/** What a refused mark or report says, for the errors a reader can meet. */
async function refusal(error: unknown): Promise<string> {
  if (error instanceof RateLimitedError || error instanceof ReasonNotFoundError || error instanceof OwnReasonError || error instanceof AlreadyReportedError) {
    return error.message;
  }
  await logActionError(error, "reason mark or report failed");
  return "That did not go through. Try again.";
}

/** The reasons page's helpful button (works without JavaScript): fields `reason`, `helpful` ("on" or "off"). */
export const helpfulFormAction: (state: HelpfulFormState, formData: FormData) => Promise<HelpfulFormState> = formStateAction({
  schema: helpfulFormSchema,
  authorize: async () => (await getCurrentUser()) ?? answer<HelpfulFormState>({ error: "Sign in to mark reasons helpful.", signIn: true }),
  invalid: (refused): HelpfulFormState => ({ error: firstError(refused) }),
  async handle({ reason, helpful }, { user }): Promise<HelpfulFormState> {
    try {
      await consume("vote", user.id);
      return await setHelpful(user.id, reason, helpful === "on");
    } catch (error) {
      return { error: await refusal(error) };
    }
  },
});

/** The reasons page's report form (works without JavaScript): fields `reason`, `category`, `note`. */
export const reportFormAction: (state: ReportFormState, formData: FormData) => Promise<ReportFormState> = formStateAction({
  schema: reportFormSchema,
  authorize: async () => (await getCurrentUser()) ?? answer<ReportFormState>({ error: "Sign in to report a reason.", signIn: true }),
  invalid: (refused): ReportFormState => ({ error: firstError(refused), values: refused.values }),
  async handle({ reason, category, note }, { user, values }): Promise<ReportFormState> {
    try {
      await consume("report", user.id);
      await reportReason(user.id, reason, { category, note });
      return { ok: "Reported. Thank you: the moderators will look at it." };
    } catch (error) {
      return { error: await refusal(error), values };
    }
  },
});
