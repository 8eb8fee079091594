/**
 * npm run digest                           build this week's digest and send it to confirmed subscribers
 *                                          (or finish the latest digest an earlier run left incomplete)
 * npm run digest -- --dry-run              write it to .data/digest/digest.html and .txt: nothing sent or recorded
 * npm run digest -- --dry-run=<path>       write <path>.html and <path>.txt
 * Exits 1 when some emails could not be sent (run again to retry them).
 */
import { createPrismaClient } from "../lib/db/client";
import { emailMode, sendEmail } from "../lib/email/send";
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
  const result = await runDigest(client, { dryRun, send: sendEmail, log: (line) => console.log(line) });
  switch (result.kind) {
    case "dry-run":
      console.log(`Dry run: "${result.subject}"\n  ${result.files.html}\n  ${result.files.text}\nNothing was sent or recorded.`);
      break;
    case "empty":
      console.log("Nothing new in the last 7 days: no digest sent.");
      break;
    case "sent":
      console.log(
        `${result.resumed ? "Resumed" : "Sent"} "${result.subject}": ${result.sent} email(s) sent${result.failed ? `, ${result.failed} failed — run again to retry them` : ""}.${result.completed ? " Digest complete." : ""}`,
      );
      process.exitCode = result.failed ? 1 : 0;
  }
} finally {
  await client.$disconnect();
}
