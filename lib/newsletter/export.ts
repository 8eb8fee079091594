import "server-only";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { toCsv } from "./csv";
import { listConfirmedSubscribers } from "./queries";

/** The confirmed subscribers as CSV (email, confirmedAt). Exporting personal data is audited. */
export async function exportConfirmedSubscribersCsv(actorId: string): Promise<{ csv: string; filename: string }> {
  const subscribers = await listConfirmedSubscribers();
  await db.$transaction((tx) =>
    recordAudit(tx, { actorId, action: "newsletter.export", entityType: "NewsletterSubscriber", entityId: "confirmed", after: { count: subscribers.length } }),
  );
  return {
    csv: toCsv(["email", "confirmedAt"], subscribers.map((s) => [s.email, s.confirmedAt])),
    filename: `newsletter-subscribers-${new Date().toISOString().slice(0, 10)}.csv`,
  };
}
