import { expect, test, type Browser } from "@playwright/test";
import pg from "pg";
import { SESSION_COOKIE, createSignedInSession } from "../helpers/auth";
import { waitForMail } from "../helpers/mail-server";

/**
 * Every email through the job queue (docs/decisions/035), over HTTP against
 * the production build, whose workers run in-process: the newsletter's
 * confirmation arrives through the queue; staff see /admin/jobs (counts, a
 * failed job with its error and masked recipient) and retry or discard it
 * from the page; a reader gets 403.
 */

const mailDir = process.env.MAIL_DIR;

test.beforeAll(() => {
  test.skip(!process.env.DATABASE_URL, "needs `npm test` (the database)");
});

async function signedIn(browser: Browser, baseURL: string, role: "USER" | "STAFF") {
  const { sessionToken } = await createSignedInSession({ role });
  const context = await browser.newContext();
  await context.addCookies([{ name: SESSION_COOKIE, value: sessionToken, url: baseURL }]);
  return context;
}

/** A send_email job that has run out of attempts (added for later, then marked failed, so no worker takes it first). */
async function failedEmailJob(to: string): Promise<string> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const payload = { kind: "newsletter", email: { to, subject: "Queued in a test", text: "The body, with a secret link https://x.test/?t=SECRET", html: "<p>SECRET</p>" } };
    const { rows } = await client.query<{ id: string }>(
      `SELECT id::text FROM graphile_worker.add_job('send_email', $1::json, run_at => now() + interval '1 hour', max_attempts => 3)`,
      [JSON.stringify(payload)],
    );
    const id = rows[0]!.id;
    await client.query(`UPDATE graphile_worker._private_jobs SET attempts = 3, last_error = $2 WHERE id = $1::bigint`, [
      id,
      `Error: Can't send mail - all recipients were rejected: 451 <${to}> try again later\n    at SMTPConnection._formatError (x.js:1:1)`,
    ]);
    return id;
  } finally {
    await client.end();
  }
}

test("the newsletter's confirmation arrives through the job queue", async ({ page }) => {
  test.skip(!mailDir, "needs the SMTP server that `npm test` starts (MAIL_DIR)");
  const email = `queued-${Date.now()}@example.test`;
  const after = Date.now() - 1000;
  await page.goto("/");
  const box = page.locator("#newsletter");
  await box.getByLabel("Email address").fill(email);
  await box.getByRole("button", { name: "Subscribe" }).click();
  await expect(box.getByRole("status")).toHaveText(/^Check your inbox/);
  const mail = await waitForMail(mailDir!, email, { after, timeoutMs: 5_000 });
  expect(mail.subject).toBe("Confirm your subscription to Weekly AI Tool Verdicts");
});

test("staff see the queue and a failed job, and retry or discard it from the page; a reader gets 403", async ({ browser, baseURL }, testInfo) => {
  const stamp = Date.now();
  const retried = `retried-${stamp}@example.test`;
  const discarded = `discarded-${stamp}@example.test`;
  const retryId = await failedEmailJob(retried);
  const discardId = await failedEmailJob(discarded);

  const readerContext = await signedIn(browser, baseURL!, "USER");
  const response = await (await readerContext.newPage()).goto("/admin/jobs");
  expect(response?.status()).toBe(403);
  await readerContext.close();

  const context = await signedIn(browser, baseURL!, "STAFF");
  const page = await context.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/admin/jobs");
  await expect(page.getByRole("heading", { name: "Jobs", level: 1 })).toBeVisible();
  await expect(page.getByTestId("job-counts").locator('tr[data-task="send_email"]')).toBeVisible();
  const failed = page.getByRole("list", { name: "Failed jobs" });
  const retryRow = failed.getByTestId("failed-job").filter({ hasText: `Job ${retryId}` });
  await expect(retryRow).toContainText(`to r•••@example.test`);
  await expect(retryRow).toContainText("3 of 3 attempts");
  await expect(retryRow).toContainText("451 <r•••@example.test> try again later");
  await expect(page.locator("body")).not.toContainText("SECRET");
  await expect(page.locator("body")).not.toContainText(retried);
  // Nothing wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await testInfo.attach("admin-jobs-390", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

  const after = Date.now() - 1000;
  await retryRow.getByRole("button", { name: /^Retry/ }).click();
  await expect(failed.getByTestId("failed-job").filter({ hasText: `Job ${retryId}` })).toHaveCount(0);
  if (mailDir) await waitForMail(mailDir, retried, { after, timeoutMs: 5_000 });

  const discardRow = page.getByTestId("failed-job").filter({ hasText: `Job ${discardId}` });
  await discardRow.getByRole("button", { name: /^Discard/ }).click();
  await expect(page.getByTestId("failed-job").filter({ hasText: `Job ${discardId}` })).toHaveCount(0);

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/admin/audit");
  await expect(page.locator("body")).toContainText("job.retry");
  await expect(page.locator("body")).toContainText("job.discard");
  await context.close();
});
