import "server-only";
import { db } from "@/lib/db";
import type { TokenPurpose } from "./schema";
import { findUsableToken } from "./tokens";

/** The address a still-usable link is for (the confirm/unsubscribe page before its button), or null. */
export async function getLinkTarget(token: unknown, purpose: TokenPurpose): Promise<{ email: string } | null> {
  const found = await findUsableToken(db, token, purpose);
  return found ? { email: found.subscriber.email } : null;
}

/** Subscriber counts by status, and the latest digests: the staff overview. */
export async function getNewsletterOverview() {
  const [groups, digests] = await Promise.all([
    db.newsletterSubscriber.groupBy({ by: ["status"], _count: { _all: true } }),
    db.digest.findMany({
      orderBy: { createdAt: "desc" },
      take: 10,
      select: { id: true, subject: true, periodStart: true, periodEnd: true, recipientCount: true, createdAt: true, completedAt: true },
    }),
  ]);
  const counts = { PENDING: 0, CONFIRMED: 0, UNSUBSCRIBED: 0 };
  for (const group of groups) counts[group.status] = group._count._all;
  return { counts, digests };
}

/** Every confirmed subscriber, oldest confirmation first (the CSV export). */
export async function listConfirmedSubscribers() {
  return db.newsletterSubscriber.findMany({
    where: { status: "CONFIRMED" },
    orderBy: [{ confirmedAt: "asc" }, { email: "asc" }],
    select: { email: true, confirmedAt: true },
  });
}
