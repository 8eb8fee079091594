"use server";

import { z } from "zod";
import { cookies, headers } from "next/headers";
import { db } from "@/lib/db";
import { redirect, unstable_rethrow } from "next/navigation";
import { anyone, argumentsAction, firstError, formAction, formStateAction, logActionError } from "@/lib/http/action";
import { clientIp, RateLimitedError } from "@/lib/rate-limit";
import { SESSION_COOKIES } from "./cookies";
import { signIn, signOut } from "./index";
import { signInCallbackSchema } from "./schema";
import { signInRequestSchema } from "./sign-in-email";
import { limitSignInRequest } from "./sign-in-limit";

export type SignInState = { error?: string; email?: string };

/** The /signin form: validate, rate-limit, then let Auth.js send the link (and redirect to "check your email"). */
export const requestSignInLink: (state: SignInState, formData: FormData) => Promise<SignInState> = formStateAction({
  schema: signInRequestSchema,
  authorize: anyone,
  // The form shows one message, under the email field.
  invalid: (refusal): SignInState => ({ error: refusal.fieldErrors.email ?? firstError(refusal), email: refusal.values.email ?? "" }),
  async handle({ email, callbackUrl }, { values }): Promise<SignInState> {
    try {
      await limitSignInRequest(email, clientIp(await headers()));
      await signIn("nodemailer", { email, redirectTo: callbackUrl, redirect: false });
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof RateLimitedError) return { error: `Too many sign-in emails. ${error.message.replace("Too many requests. ", "")}`, email: values.email };
      await logActionError(error, "sign-in email request failed");
      return { error: "We could not send the email. Try again in a moment.", email: values.email };
    }
    redirect("/signin/check-email");
  },
});

export const signInWithGitHub: (formData: FormData) => Promise<void> = formAction({
  schema: signInCallbackSchema,
  authorize: anyone,
  handle: async ({ callbackUrl }) => {
    await signIn("github", { redirectTo: callbackUrl });
  },
});

/** Takes no input (whatever a crafted request sends is ignored). */
function decodes(value: string): boolean {
  try {
    decodeURIComponent(value);
    return true;
  } catch {
    return false;
  }
}

export const signOutAction: () => Promise<void> = argumentsAction({
  schema: z.tuple([]),
  authorize: anyone,
  invalid: () => undefined,
  handle: async () => {
    const jar = await cookies();
    // Auth.js redirects to `undefined` (a 500) when its callback-url cookie does not decode: end such a session here.
    // Read from the header as sent: Next's cookie jar leaves out a value it cannot decode, Auth.js does not.
    const sent = ((await headers()).get("cookie") ?? "").split(";").map((part) => part.trim());
    const unreadable = sent.some((part) => part.split("=")[0]!.endsWith("authjs.callback-url") && !decodes(part.slice(part.indexOf("=") + 1)));
    if (!unreadable) {
      await signOut({ redirectTo: "/" });
      return;
    }
    const tokens = SESSION_COOKIES.map((name) => jar.get(name)?.value).filter((token): token is string => !!token);
    if (tokens.length) await db.session.deleteMany({ where: { sessionToken: { in: tokens } } });
    for (const cookie of jar.getAll()) if (cookie.name.includes("authjs.")) jar.delete(cookie.name);
    redirect("/");
  },
});
