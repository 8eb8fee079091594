"use server";

import { headers } from "next/headers";
import { anyone, firstError, formStateAction, logActionError } from "@/lib/http/action";
import { clientIp, RateLimitedError } from "@/lib/rate-limit";
import { confirmSubscription, subscribe, unsubscribe } from "./writes";
import { SUBSCRIBE_ACCEPTED, subscribeFormSchema, tokenFormSchema, type SubscribeFormState, type TokenFormState } from "./schema";

/**
 * The newsletter's forms (they work without JavaScript: plain forms posting
 * to these actions through useActionState). Public: the subscribe form is for
 * visitors, and a confirm/unsubscribe link's token is its own proof.
 */

export const subscribeFormAction: (state: SubscribeFormState, formData: FormData) => Promise<SubscribeFormState> = formStateAction({
  schema: subscribeFormSchema,
  authorize: anyone,
  // The form shows one message, under the email field.
  invalid: (refusal): SubscribeFormState => ({ status: "invalid", error: refusal.fieldErrors.email ?? firstError(refusal), email: refusal.values.email ?? "" }),
  async handle({ email, website }, { values }): Promise<SubscribeFormState> {
    try {
      await subscribe(email, { ip: clientIp(await headers()), honeypot: website });
    } catch (error) {
      if (error instanceof RateLimitedError) return { status: "error", error: error.message, email: values.email ?? "" };
      await logActionError(error, "newsletter subscribe failed");
      return { status: "error", error: "We couldn't sign you up just now. Try again in a moment.", email: values.email ?? "" };
    }
    return { status: "accepted", message: SUBSCRIBE_ACCEPTED.message };
  },
});

/** The button of a confirm or unsubscribe page: spends the link's single-use token. */
const spendToken = (spend: (token: string) => Promise<boolean>) =>
  formStateAction({
    schema: tokenFormSchema,
    authorize: anyone,
    invalid: (): TokenFormState => ({ status: "invalid" }),
    async handle({ token }): Promise<TokenFormState> {
      try {
        return (await spend(token)) ? { status: "done" } : { status: "invalid" };
      } catch (error) {
        await logActionError(error, "newsletter link failed");
        return { status: "error", error: "Something went wrong on our side. Try the button again in a moment." };
      }
    },
  });

export const confirmSubscriptionFormAction: (state: TokenFormState, formData: FormData) => Promise<TokenFormState> = spendToken(confirmSubscription);

export const unsubscribeFormAction: (state: TokenFormState, formData: FormData) => Promise<TokenFormState> = spendToken(unsubscribe);
