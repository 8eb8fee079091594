import { z } from "zod";

export const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email({ error: "Enter a valid email address, like you@example.com." }))
  .transform((email) => email.toLowerCase());

/** Only same-site paths may be returned to after sign-in. */
export const callbackPathSchema = z
  .string()
  .max(2000)
  .regex(/^\/(?![/\\])[^\s]*$/, "Only a path on this site")
  .catch("/");

/** The "Continue with GitHub" form. */
export const signInCallbackSchema = z.object({ callbackUrl: callbackPathSchema });
