import type { PrismaClient } from "@/lib/db/client";

// No `server-only`: the job queue's worker (lib/jobs) runs this outside Next.

/** A UTC calendar day, "YYYY-MM-DD". */
export type Day = string;

export function utcDay(at: Date): Day {
  return at.toISOString().slice(0, 10);
}

/**
 * Writes `day`'s snapshot of every listed tool's panel and community figures
 * (the counters as they are now), once: a second run for the same day — a
 * second node, a retry, a backfill — writes nothing (the primary key is
 * tool × day, ON CONFLICT DO NOTHING), so concurrent runs cannot double it.
 * Run by the snapshot_tool_figures job at the end of each UTC day (lib/jobs).
 * Answers how many rows this run wrote.
 */
export async function writeDailySnapshot(client: PrismaClient, day: Day): Promise<number> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`Not a day: ${day}`);
  return client.$executeRaw`
    INSERT INTO "ToolSnapshot" ("toolId", "day", "panelShip", "panelTotal", "communityShip", "communityTotal")
    SELECT s."toolId", ${day}::date, s."panelShip", s."panelTotal", s."communityShip", s."communityTotal"
    FROM "ToolStats" s JOIN "Tool" t ON t."id" = s."toolId"
    WHERE t."archivedAt" IS NULL
    ON CONFLICT ("toolId", "day") DO NOTHING`;
}
