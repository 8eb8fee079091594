"use server";

import { headers } from "next/headers";
import { redirect, unstable_rethrow } from "next/navigation";
import { clientIp, RateLimitedError } from "@/lib/rate-limit";
import { signIn, signOut } from "./index";
import { callbackPathSchema, emailSchema } from "./schema";
import { limitSignInRequest } from "./sign-in-limit";

export type SignInState = { error?: string; email?: string };

/** The /signin form: validate, rate-limit, then let Auth.js send the link (and redirect to "check your email"). */
export async function requestSignInLink(_state: SignInState, formData: FormData): Promise<SignInState> {
  const raw = String(formData.get("email") ?? "");
  const email = emailSchema.safeParse(raw);
  if (!email.success) return { error: email.error.issues[0]?.message ?? "Enter a valid email address.", email: raw };
  const redirectTo = callbackPathSchema.parse(formData.get("callbackUrl") ?? "/");
  try {
    await limitSignInRequest(email.data, clientIp(await headers()));
    await signIn("nodemailer", { email: email.data, redirectTo, redirect: false });
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof RateLimitedError) return { error: `Too many sign-in emails. ${error.message.replace("Too many requests. ", "")}`, email: raw };
    console.error(error);
    return { error: "We could not send the email. Try again in a moment.", email: raw };
  }
  redirect("/signin/check-email");
}

export async function signInWithGitHub(formData: FormData): Promise<void> {
  await signIn("github", { redirectTo: callbackPathSchema.parse(formData.get("callbackUrl") ?? "/") });
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
