"use server";

import { headers } from "next/headers";
import { clientIp, RateLimitedError } from "@/lib/rate-limit";
import { confirmSubscription, subscribe, unsubscribe } from "./writes";
import { firstIssueMessage, subscribeBodySchema, SUBSCRIBE_ACCEPTED, type SubscribeFormState, type TokenFormState } from "./schema";

/**
 * The newsletter's forms (they work without JavaScript: plain forms posting
 * to these actions through useActionState). Public: the subscribe form is for
 * visitors, and a confirm/unsubscribe link's token is its own proof.
 */

export async function subscribeFormAction(_state: SubscribeFormState, formData: FormData): Promise<SubscribeFormState> {
  const raw = String(formData.get("email") ?? "");
  const website = String(formData.get("website") ?? "");
  const parsed = subscribeBodySchema.safeParse({ email: raw, ...(website ? { website } : {}) });
  if (!parsed.success) return { status: "invalid", error: firstIssueMessage(parsed.error, "Enter a valid email address."), email: raw };
  try {
    await subscribe(parsed.data.email, { ip: clientIp(await headers()), honeypot: parsed.data.website });
  } catch (error) {
    if (error instanceof RateLimitedError) return { status: "error", error: error.message, email: raw };
    console.error(error);
    return { status: "error", error: "We couldn't sign you up just now. Try again in a moment.", email: raw };
  }
  return { status: "accepted", message: SUBSCRIBE_ACCEPTED.message };
}

async function spendToken(spend: (token: unknown) => Promise<boolean>, formData: FormData): Promise<TokenFormState> {
  try {
    return (await spend(formData.get("token"))) ? { status: "done" } : { status: "invalid" };
  } catch (error) {
    console.error(error);
    return { status: "error", error: "Something went wrong on our side. Try the button again in a moment." };
  }
}

export async function confirmSubscriptionFormAction(_state: TokenFormState, formData: FormData): Promise<TokenFormState> {
  return spendToken(confirmSubscription, formData);
}

export async function unsubscribeFormAction(_state: TokenFormState, formData: FormData): Promise<TokenFormState> {
  return spendToken(unsubscribe, formData);
}
