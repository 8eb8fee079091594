/**
 * npm run reconcile         report tools whose counters differ from their rows
 * npm run reconcile -- --fix  and repair them
 * Exits 1 when drift was found and not fixed.
 */
import { createPrismaClient } from "../lib/db/client";
import { reconcileCounters } from "../lib/stats/reconcile";

const fix = process.argv.includes("--fix");
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("✖ DATABASE_URL is not set: point it at the database to check.");
  process.exit(1);
}
const client = createPrismaClient(url, { poolSize: 2 });
try {
  const { drift, fixed } = await reconcileCounters(client, { fix });
  if (drift.length === 0) {
    console.log("Counters match the rows: no drift.");
  } else {
    for (const item of drift) {
      const stored = item.stored
        ? `panel ${item.stored.panelShip}/${item.stored.panelTotal}, community ${item.stored.communityShip}/${item.stored.communityTotal}`
        : "no counters";
      const expected = `panel ${item.expected.panelShip}/${item.expected.panelTotal}, community ${item.expected.communityShip}/${item.expected.communityTotal}`;
      const pending = item.pending.stored === item.pending.expected ? "" : `; pending votes stored ${item.pending.stored ?? "none"}, rows say ${item.pending.expected}`;
      console.log(`${item.slug}: stored ${stored}; rows say ${expected}${pending}`);
    }
    console.log(fix ? `Fixed ${fixed} tool(s).` : `${drift.length} tool(s) drifted. Run with --fix to repair.`);
  }
  process.exitCode = drift.length > 0 && !fix ? 1 : 0;
} finally {
  await client.$disconnect();
}
