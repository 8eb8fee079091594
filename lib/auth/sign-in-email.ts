import "server-only";
import MailChecker from "mailchecker";
import { z } from "zod";
import { callbackPathSchema, emailSchema } from "./schema";

/**
 * Sign-in refuses disposable (throwaway) mailboxes: an account a vote ring can
 * make by the hundred costs a real mailbox (issue 16). The list is mailchecker's
 * (FGRibreau/mailchecker, ~56,000 domains, updated upstream and pulled in with
 * `npm update`; docs/decisions/028): a domain on it, or any subdomain of one, is refused.
 * Server only: the list is a megabyte, and no browser needs it.
 */
const disposable = MailChecker.blacklist();

export function isDisposableEmail(email: string): boolean {
  let domain = email.slice(email.lastIndexOf("@") + 1).toLowerCase();
  for (;;) {
    if (disposable.has(domain)) return true;
    const dot = domain.indexOf(".");
    if (dot === -1) return false;
    domain = domain.slice(dot + 1);
  }
}

export const DISPOSABLE_MESSAGE = "That address is from a throwaway email service. Use an address you keep, so you can sign in again later.";

/** An address the site will send a sign-in link to. */
export const signInEmailSchema = emailSchema.refine((email) => !isDisposableEmail(email), { error: DISPOSABLE_MESSAGE });

/** The /signin email form. */
export const signInRequestSchema = z.object({ email: signInEmailSchema, callbackUrl: callbackPathSchema });
