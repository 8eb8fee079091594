import { expect, test, type Page } from "@playwright/test";
import { createPrismaClient } from "@/lib/db/client";
import { promotePendingVotes } from "@/lib/votes/promote";
import { waitForMail } from "../helpers/mail-server";

/** The account signed up a day and more ago, and the promote_pending_votes job ran (what a day of waiting does). */
async function ageAndPromote(email: string) {
  const client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 1 });
  try {
    await client.user.update({ where: { email }, data: { createdAt: new Date(Date.now() - 2 * 86_400_000) } });
    expect(await promotePendingVotes(client, 24)).toBeGreaterThanOrEqual(1);
  } finally {
    await client.$disconnect();
  }
}

// Votes go to a comparison whose tools are not on the seed page, which other tests read in parallel.
const PAGE = "/compare/whisper-vs-elevenlabs";
const mailDir = process.env.MAIL_DIR;

async function signInByEmail(page: Page, email: string) {
  const after = Date.now() - 1000;
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  const mail = await waitForMail(mailDir!, email, { after });
  expect(mail.subject).toBe("Sign in to Ship or Skip");
  const link = mail.text.match(/https?:\/\/\S+\/api\/auth\/callback\/nodemailer\S+/)?.[0];
  expect(link, "the email carries a sign-in link").toBeTruthy();
  return link!;
}

test.describe("signing in and voting", () => {
  test.skip(!mailDir, "needs the SMTP server that `npm test` starts (MAIL_DIR)");

  test("a visitor votes signed out, signs in by email, and the vote lands; then changes and withdraws it", async ({ page }, testInfo) => {
    const email = `voter-${Date.now()}@example.test`;
    await page.goto(PAGE);
    const first = page.getByTestId("vote-whisper");
    const second = page.getByTestId("vote-elevenlabs");
    await expect(first.getByTestId("community-figure-large")).toContainText("—");

    // Signed out: the vote button (the same one every reader gets) leads to sign-in and back.
    await first.getByRole("button", { name: /Ship/ }).click();
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fcompare%2Fwhisper-vs-elevenlabs/);
    const link = await signInByEmail(page, email);
    await page.goto(link);
    await expect(page).toHaveURL(new RegExp(`${PAGE}$`));

    // The vote chosen before signing in is applied (the widget announces it once the server saved it:
    // the figures change optimistically before that, so a reload must wait for the announcement).
    await expect(first.getByText("You voted ship on Whisper.", { exact: false })).toBeAttached();
    await expect(first.getByRole("button", { name: /Ship/ })).toHaveAttribute("aria-pressed", "true");
    // A brand-new account's vote is saved but waits (docs/decisions/030): the widget says so, the figure does not move.
    await expect(first.getByTestId("own-vote-pending")).toBeVisible();
    await expect(first.getByTestId("pending-votes")).toContainText("+1 new-account vote pending");
    await expect(first.getByTestId("community-figure-large")).toContainText("—");
    // A day later the scheduled job counts it (here: the account aged, the job's function run now).
    await ageAndPromote(email);
    await expect
      .poll(async () => {
        await page.reload();
        return first.getByTestId("community-figure-large").textContent();
      }, { timeout: 15_000 })
      .toContain("1 vote");
    await expect(first.getByTestId("community-figure-large")).toContainText("too few votes");
    await expect(first.getByTestId("pending-votes")).toHaveCount(0);

    // A second vote on the other tool, from the page.
    await second.getByRole("button", { name: /Skip/ }).click();
    await expect(second.getByText("You voted skip on ElevenLabs.", { exact: false })).toBeAttached();
    await expect(second.getByRole("button", { name: /Skip/ })).toHaveAttribute("aria-pressed", "true");
    await expect(second.getByTestId("community-figure-large")).toContainText("1 vote");
    await testInfo.attach("vote-widget-light", { body: await page.locator("#community").screenshot(), contentType: "image/png" });

    // Reload: both kept.
    await page.reload();
    await expect(first.getByRole("button", { name: /Ship/ })).toHaveAttribute("aria-pressed", "true");
    await expect(second.getByRole("button", { name: /Skip/ })).toHaveAttribute("aria-pressed", "true");

    // Change: ship → skip keeps one vote, now a skip.
    await first.getByRole("button", { name: /Skip/ }).click();
    await expect(first.getByText("You voted skip on Whisper.", { exact: false })).toBeAttached();
    await expect(first.getByRole("button", { name: /Skip/ })).toHaveAttribute("aria-pressed", "true");
    await expect(first.getByRole("button", { name: /Ship/ })).toHaveAttribute("aria-pressed", "false");
    await expect(first.getByTestId("community-figure-large")).toContainText("0 of 1 ship");
    await expect(first.getByTestId("community-figure-large")).toContainText("1 vote");

    // The account page lists both votes.
    await page.goto("/account");
    await expect(page.getByText(email)).toBeVisible();
    await expect(page.getByTestId("account-vote-whisper")).toContainText("You said skip");
    await expect(page.getByTestId("account-vote-elevenlabs")).toContainText("You said skip");

    // Withdraw from the comparison page: back to no votes.
    await page.goto(PAGE);
    await first.getByRole("button", { name: "Withdraw my vote" }).click();
    await expect(first.getByText("Vote on Whisper withdrawn.", { exact: false })).toBeAttached();
    await expect(first.getByTestId("community-figure-large")).toContainText("No votes yet");
    await page.reload();
    await expect(first.getByRole("button", { name: /Ship/ })).toHaveAttribute("aria-pressed", "false");
    await expect(first.getByRole("button", { name: /Skip/ })).toHaveAttribute("aria-pressed", "false");

    await page.goto("/account");
    await expect(page.getByTestId("account-vote-whisper")).toHaveCount(0);
    await expect(page.getByTestId("account-vote-elevenlabs")).toBeVisible();

    // Dark mode screenshot of the widget.
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto(PAGE);
    await testInfo.attach("vote-widget-dark", { body: await page.locator("#community").screenshot(), contentType: "image/png" });
  });

  test("a sign-in link works once", async ({ page, browser }) => {
    const email = `once-${Date.now()}@example.test`;
    await page.goto("/signin");
    const link = await signInByEmail(page, email);
    await page.goto(link);
    await expect(page.getByRole("link", { name: "Account", exact: true })).toBeVisible();

    const other = await browser.newContext();
    const second = await other.newPage();
    await second.goto(link);
    await expect(second.getByText("That sign-in link has expired or was already used")).toBeVisible();
    await expect(second.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
    await other.close();
  });

  test("an invalid email gets a clear message, not an email", async ({ page }) => {
    await page.goto("/signin");
    await page.getByLabel("Email").fill("not-an-email");
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page.locator("#email-error")).toHaveText("Enter a valid email address, like you@example.com.");
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
    await expect(page).toHaveURL(/\/signin$/);
  });

  test("signing out ends the session", async ({ page }) => {
    const email = `out-${Date.now()}@example.test`;
    await page.goto("/signin");
    await page.goto(await signInByEmail(page, email));
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
    await page.goto("/account");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Faccount/);
  });
});

test.describe("when a vote cannot be saved", () => {
  test.skip(!mailDir || !process.env.DATABASE_URL, "needs `npm test` (SMTP server and database)");

  test("the optimistic figure rolls back and a message explains why", async ({ page }) => {
    const { default: pg } = await import("pg");
    const email = `rollback-${Date.now()}@example.test`;
    await page.goto("/signin?callbackUrl=%2Ftools%2Fpaligemma");
    await page.goto(await signInByEmail(page, email));
    await expect(page).toHaveURL(/\/tools\/paligemma$/);
    const widget = page.getByTestId("vote-paligemma");
    await expect(widget.getByTestId("community-figure")).toHaveText("No votes yet");

    // The tool is archived after the page was rendered: the server refuses the vote.
    const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      await db.query(`UPDATE "Tool" SET "archivedAt" = now() WHERE slug = 'paligemma'`);
      await widget.getByRole("button", { name: /Ship/ }).click();
      await expect(widget.getByRole("alert")).toHaveText("This tool is no longer open for votes.");
      await expect(widget.getByRole("button", { name: /Ship/ })).toHaveAttribute("aria-pressed", "false");
      await expect(widget.getByTestId("community-figure")).toHaveText("No votes yet");
    } finally {
      await db.query(`UPDATE "Tool" SET "archivedAt" = NULL WHERE slug = 'paligemma'`);
      await db.end();
    }
  });
});
