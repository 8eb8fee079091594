import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { hideLocked } from "./hide";

/**
 * After a report: when open reports on the reason come from at least
 * `threshold` distinct established readers (accounts older than
 * `newAccountHours`), it is hidden automatically, pending a moderator's
 * review (audited with no actor: the site acted). Runs in the report's
 * transaction; answers whether it hid the reason.
 */
export async function hideIfReportedEnough(tx: Prisma.TransactionClient, reasonId: string, threshold: number, newAccountHours: number): Promise<boolean> {
  const [row] = await tx.$queryRaw<{ reporters: number; hidden: boolean }[]>`
    SELECT count(DISTINCT rr."userId")::int AS reporters, bool_or(r."hiddenAt" IS NOT NULL) AS hidden
    FROM "Reason" r
    LEFT JOIN "ReasonReport" rr ON rr."reasonId" = r.id AND rr."dismissedAt" IS NULL
    LEFT JOIN "User" u ON u.id = rr."userId" AND u."createdAt" <= now() - ${newAccountHours}::double precision * interval '1 hour'
    WHERE r.id = ${reasonId} AND (rr."userId" IS NULL OR u.id IS NOT NULL)
    GROUP BY r.id`;
  if (!row || row.hidden || row.reporters < threshold) return false;
  await hideLocked(tx, reasonId, `Hidden automatically after reports from ${row.reporters} readers, until a moderator reviews it.`, null, true);
  return true;
}
