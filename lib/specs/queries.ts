import "server-only";
import { db } from "@/lib/db";
import { SPECS, type SpecKey } from "./schema";

export type SpecDue = { toolId: string; toolName: string; key: SpecKey; label: string; checkedOn: Date; sourceUrl: string | null };

/**
 * Spec facts of listed tools checked more than `days` days ago, oldest first:
 * the specs half of the pricing re-check queue (/admin/stale). Facts never
 * checked are not listed (the page shows them without a date, not as due).
 */
export async function listSpecsDue(days: number, limit = 200): Promise<SpecDue[]> {
  const cutoff = new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
  const rows = await db.$queryRaw<{ toolId: string; toolName: string; key: string; checkedOn: string; sourceUrl: string | null }[]>`
    SELECT t."id" AS "toolId", t."name" AS "toolName", fact.key, fact.value->>'checkedOn' AS "checkedOn", fact.value->>'sourceUrl' AS "sourceUrl"
    FROM "Tool" t, jsonb_each(t."specs") AS fact
    WHERE t."archivedAt" IS NULL
      AND jsonb_typeof(fact.value) = 'object'
      AND fact.value->>'checkedOn' ~ '^\\d{4}-\\d{2}-\\d{2}$'
      AND fact.value->>'checkedOn' < ${cutoff}
    ORDER BY fact.value->>'checkedOn', t."name", fact.key
    LIMIT ${limit}`;
  const labels = new Map<string, string>(SPECS.map((spec) => [spec.key, spec.label]));
  return rows
    .filter((row) => labels.has(row.key))
    .map((row) => ({ ...row, key: row.key as SpecKey, label: labels.get(row.key)!, checkedOn: new Date(`${row.checkedOn}T00:00:00Z`) }));
}
