/**
 * npm run digest                           build this week's digest now and queue one email per confirmed subscriber
 *                                          (or finish queueing the latest digest an earlier run left incomplete);
 *                                          the job queue's workers send them (`npm start` or `npm run worker`)
 * npm run digest -- --dry-run              write it to .data/digest/digest.html and .txt: nothing queued or recorded
 * npm run digest -- --dry-run=<path>       write <path>.html and <path>.txt
 * The queue also runs the digest itself every Monday at 08:00 UTC (lib/jobs/tasks.ts): no outside cron is needed.
 */
import { createPrismaClient } from "../lib/db/client";
import { emailMode } from "../lib/email/send";
import { runDigest } from "../lib/newsletter/digest";

const args = process.argv.slice(2);
const dryRunArg = args.find((arg) => arg === "--dry-run" || arg.startsWith("--dry-run="));
const unknown = args.filter((arg) => arg !== dryRunArg && arg !== "--resume");
if (unknown.length) {
  console.error(`✖ Unknown option ${unknown.join(" ")}. Use --dry-run[=<path>].`);
  process.exit(2);
}
const dryRun = dryRunArg ? dryRunArg.slice("--dry-run=".length) : undefined;

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("✖ DATABASE_URL is not set: point it at the database to send the digest from.");
  process.exit(1);
}
if (dryRun === undefined && emailMode() === "disabled") {
  console.error("✖ Email is not configured: set EMAIL_SERVER (or run with --dry-run).");
  process.exit(1);
}

const client = createPrismaClient(url, { poolSize: 2 });
try {
  const result = await runDigest(client, { dryRun, log: (line) => console.log(line) });
  switch (result.kind) {
    case "dry-run":
      console.log(`Dry run: "${result.subject}"\n  ${result.files.html}\n  ${result.files.text}\nNothing was sent or recorded.`);
      break;
    case "empty":
      console.log("Nothing new in the last 7 days: no digest sent.");
      break;
    case "recent":
      console.log(`The last digest, "${result.subject}", was built ${result.createdAt.toISOString()}: less than 6 days ago, so nothing was queued.`);
      break;
    case "queued":
      console.log(
        `${result.resumed ? "Resumed" : "Built"} "${result.subject}": ${result.queued} email(s) queued. The job queue's workers send them; failures show in /admin/jobs.`,
      );
  }
} finally {
  await client.$disconnect();
}
