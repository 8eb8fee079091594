import { AlreadySubscribedEmail, ConfirmSubscriptionEmail } from "@/lib/email/templates/subscription-email";
import { DigestEmail } from "@/lib/email/templates/digest-email";
import { renderEmailHtml } from "@/lib/email/render";
import type { Email } from "@/lib/email/send";
import { site } from "@/lib/site/config";
import { digestSubject, digestText, type DigestContent } from "./digest-content";
import { newsletterLinks } from "./tokens";

/**
 * The newsletter's emails: HTML rendered from React components, and a text
 * version from the same data. Every one carries a fresh single-use
 * unsubscribe link; the digest also the RFC 8058 one-click headers.
 */

export async function confirmationEmail(to: string, tokens: { confirm: string; unsubscribe: string }): Promise<Email> {
  const confirmUrl = newsletterLinks.confirm(tokens.confirm);
  const unsubscribeUrl = newsletterLinks.unsubscribe(tokens.unsubscribe);
  return {
    to,
    subject: `Confirm your subscription to ${site.newsletter.name}`,
    text: [
      `Confirm that ${to} should get ${site.newsletter.name} from ${site.name}, once a week:`,
      "",
      confirmUrl,
      "",
      "The link works once and expires in 48 hours. If you did not ask for this, ignore this email: nothing is sent until the address is confirmed.",
      "",
      `Never email this address again: ${unsubscribeUrl}`,
    ].join("\n"),
    html: await renderEmailHtml(<ConfirmSubscriptionEmail email={to} confirmUrl={confirmUrl} unsubscribeUrl={unsubscribeUrl} />),
  };
}

export async function alreadySubscribedEmail(to: string, tokens: { unsubscribe: string }): Promise<Email> {
  const unsubscribeUrl = newsletterLinks.unsubscribe(tokens.unsubscribe);
  return {
    to,
    subject: `You're already subscribed to ${site.newsletter.name}`,
    text: [
      `${to} already gets ${site.newsletter.name}. Nothing changed and you don't need to do anything.`,
      "",
      `Didn't ask for this, or want fewer emails? Unsubscribe: ${unsubscribeUrl}`,
    ].join("\n"),
    html: await renderEmailHtml(<AlreadySubscribedEmail email={to} unsubscribeUrl={unsubscribeUrl} />),
  };
}

export async function digestEmail(to: string, content: DigestContent, unsubscribeToken: string): Promise<Email> {
  const unsubscribeUrl = newsletterLinks.unsubscribe(unsubscribeToken);
  const siteUrl = newsletterLinks.page("/");
  const subject = digestSubject(content, site.newsletter.name);
  return {
    to,
    subject,
    text: digestText(content, { name: site.newsletter.name, siteUrl, unsubscribeUrl }),
    html: await renderEmailHtml(<DigestEmail content={content} subject={subject} siteUrl={siteUrl} unsubscribeUrl={unsubscribeUrl} />),
    headers: {
      "List-Unsubscribe": `<${newsletterLinks.oneClickUnsubscribe(unsubscribeToken)}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}
