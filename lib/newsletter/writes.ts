import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { enqueueEmail } from "@/lib/jobs/enqueue";
import { consume, emailKey, TOTAL_KEY } from "@/lib/rate-limit";
import { alreadySubscribedEmail, confirmationEmail } from "./emails";
import { newsletterEmailSchema } from "./schema";
import { consumeToken, issueToken } from "./tokens";

/**
 * Newsletter subscriptions with double opt-in.
 *
 * `subscribe` answers the same way whatever the address's state, so nobody
 * learns whether an address is subscribed: the caller always says "check your
 * inbox", and the email (a job on the queue, added in the subscriber's own
 * transaction: docs/decisions/035) is what differs — and only the owner of the
 * address reads it:
 *   new or pending → a confirmation email (a fresh CONFIRM token; still one row)
 *   unsubscribed   → back to pending, with a confirmation email
 *   confirmed      → a harmless "you're already subscribed" email
 */

export async function subscribe(email: string, options: { ip: string; honeypot?: string | null }): Promise<void> {
  await consume("newsletterIp", options.ip);
  // A filled honeypot is a bot: the caller answers as for anyone, and nothing is stored or sent.
  if (options.honeypot) return;
  const address = newsletterEmailSchema.parse(email);
  // Per mailbox (`+tags` and Gmail dots folded), then the total over everyone; the address itself is stored as given.
  await consume("newsletterEmail", emailKey(address));
  await consume("newsletterTotal", TOTAL_KEY);

  await db.$transaction(async (tx) => {
    await tx.$executeRaw`
      INSERT INTO "NewsletterSubscriber" ("id", "email", "updatedAt") VALUES (${randomUUID()}, ${address}, now())
      ON CONFLICT ("email") DO NOTHING`;
    const [subscriber] = await tx.$queryRaw<{ id: string; status: "PENDING" | "CONFIRMED" | "UNSUBSCRIBED" }[]>`
      SELECT "id", "status"::text AS "status" FROM "NewsletterSubscriber" WHERE "email" = ${address} FOR UPDATE`;
    if (!subscriber) throw new Error("The subscriber row vanished inside its transaction");
    const unsubscribe = await issueToken(tx, subscriber.id, "UNSUBSCRIBE");
    if (subscriber.status === "CONFIRMED") return enqueueEmail(tx, "newsletter", await alreadySubscribedEmail(address, { unsubscribe }));
    if (subscriber.status === "UNSUBSCRIBED") {
      await tx.newsletterSubscriber.update({ where: { id: subscriber.id }, data: { status: "PENDING" } });
    }
    const confirm = await issueToken(tx, subscriber.id, "CONFIRM");
    await enqueueEmail(tx, "newsletter", await confirmationEmail(address, { confirm, unsubscribe }));
  });
}

/** Uses a CONFIRM token: the subscriber is CONFIRMED. False for an unknown, used or expired token. */
export async function confirmSubscription(token: unknown): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const now = new Date();
    const subscriberId = await consumeToken(tx, token, "CONFIRM", now);
    if (!subscriberId) return false;
    const subscriber = await tx.newsletterSubscriber.findUniqueOrThrow({ where: { id: subscriberId }, select: { status: true, confirmedAt: true } });
    if (subscriber.status !== "CONFIRMED") {
      await tx.newsletterSubscriber.update({
        where: { id: subscriberId },
        data: { status: "CONFIRMED", confirmedAt: now, unsubscribedAt: null },
      });
    }
    return true;
  });
}

/**
 * Uses an UNSUBSCRIBE token: the subscriber is UNSUBSCRIBED, and any
 * confirmation link still in their inbox stops working. No sign-in needed:
 * the token is the proof. False for an unknown, used or expired token.
 */
export async function unsubscribe(token: unknown): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const now = new Date();
    const subscriberId = await consumeToken(tx, token, "UNSUBSCRIBE", now);
    if (!subscriberId) return false;
    await tx.newsletterSubscriber.update({ where: { id: subscriberId }, data: { status: "UNSUBSCRIBED", unsubscribedAt: now } });
    await tx.newsletterToken.updateMany({ where: { subscriberId, purpose: "CONFIRM", usedAt: null }, data: { usedAt: now } });
    return true;
  });
}
