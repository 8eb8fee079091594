import { expect, test, type Page } from "@playwright/test";
import { waitForMail } from "../helpers/mail-server";

// Runs after the other specs (a project dependency): it changes the seed comparison's figures.
const mailDir = process.env.MAIL_DIR;
const SEED = "/compare/claude-4-sonnet-vs-smolvlm2-2b";

async function signIn(page: Page, email: string, callbackPath: string) {
  const after = Date.now() - 1000;
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackPath)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  const mail = await waitForMail(mailDir!, email, { after });
  await page.goto(mail.text.match(/https?:\/\/\S+\/api\/auth\/callback\/nodemailer\S+/)![0]);
}

test.describe("the admin area", () => {
  test.skip(!mailDir, "needs the SMTP server that `npm test` starts (MAIL_DIR)");

  test("signed out, /admin leads to sign-in", async ({ page }) => {
    await page.goto("/admin/verdicts");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fadmin/);
  });

  test("a signed-in reader gets a 403 page", async ({ page }) => {
    await signIn(page, `reader-${Date.now()}@example.test`, "/");
    const response = await page.goto("/admin/verdicts");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This area is for staff");
  });

  test("staff change a verdict from ship to skip, the public figure drops to 75 %, the diff shows, and a restore brings it back", async ({ page, browser }, testInfo) => {
    await signIn(page, "admin@example.test", "/admin/verdicts?tool=claude-4-sonnet");
    await expect(page).toHaveURL(/\/admin\/verdicts\?tool=claude-4-sonnet/);
    await page.getByRole("row", { name: /Daniel Okafor/ }).getByRole("link", { name: "Claude 4 Sonnet" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Daniel Okafor on Claude 4 Sonnet");

    // Bad input first: an empty reason is refused with a message on the field, nothing saved.
    await page.getByLabel("Skip").check();
    await page.getByRole("button", { name: "Save verdict" }).click();
    await expect(page.locator("#reason-error")).toContainText("Say why you are changing it");

    // A reader has the comparison open: the staff change reaches it live, without a reload.
    const reader = await browser.newContext();
    const open = await reader.newPage();
    await open.goto(SEED);
    await expect(open.locator('[data-live-connection="open"]')).toBeAttached();
    const readerClaude = open.locator("article").filter({ hasText: "Claude 4 Sonnet" }).filter({ hasText: "Panel ship" });
    await expect(readerClaude).toContainText("100%");

    await page.getByLabel("Skip").check();
    await page.getByLabel(/Reason for the change/).fill("The token price war has started");
    await page.getByRole("button", { name: "Save verdict" }).click();
    await expect(page.getByRole("status").first()).toHaveText("Saved as version 2.");
    await expect(readerClaude).toContainText("3 of 4 ship", { timeout: 1_000 });
    await expect(open.locator("#panel-verdict")).toContainText("75%");
    await testInfo.attach("admin-verdict-editor", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

    await page.goto(SEED);
    const claude = page.locator("article").filter({ hasText: "Claude 4 Sonnet" }).filter({ hasText: "Panel ship" });
    await expect(claude).toContainText("75%");
    await expect(claude).toContainText("3 of 4 ship");

    // The public history shows what changed and why, the same page for everyone (it is cached and shared,
    // ADR 022): who changed it is on the admin's verdict page, for staff.
    const history = "/tools/claude-4-sonnet/history/daniel-okafor";
    await page.goto(history);
    await expect(page.getByText("Why: The token price war has started")).toBeVisible();
    await expect(page.getByText("admin@example.test")).toHaveCount(0);
    const visitor = await browser.newContext();
    const anonymous = await visitor.newPage();
    await anonymous.goto(history);
    await expect(anonymous.getByText("Why: The token price war has started")).toBeVisible();
    await expect(anonymous.getByText("admin@example.test")).toHaveCount(0);
    await visitor.close();

    // Restore version 1, from the admin's verdict page, which names who made each version.
    await page.goto("/admin/verdicts?tool=claude-4-sonnet");
    await page.getByRole("row", { name: /Daniel Okafor/ }).getByRole("link", { name: "Claude 4 Sonnet" }).click();
    await expect(page.getByText(/Version 2 · .* · admin@example\.test · published/)).toBeVisible();
    // Asked first: the summary opens the question, which names what stays in the history.
    await page.getByText("Restore version 1", { exact: true }).click();
    await expect(page.getByText("Make version 1 the current verdict? Version 2 stays in the history.")).toBeVisible();
    await page.getByRole("button", { name: "Yes, restore it" }).click();
    await expect(page.getByText("Restored version 1 as version 3.")).toBeVisible();
    await expect(readerClaude).toContainText("4 of 4 ship", { timeout: 1_000 });
    await reader.close();
    await page.goto(SEED);
    await expect(claude).toContainText("100%");
    await expect(claude).toContainText("4 of 4 ship");
  });

  test("unticking Published takes a verdict out of the panel figure, and ticking it puts it back", async ({ page, browser }) => {
    // A browser leaves an unticked box out of the form entirely: that must save as unpublished.
    const reader = await (await browser.newContext()).newPage();
    const panel = async () => {
      await reader.goto("/tools/flux-1");
      return (await reader.getByText(/^\d+ of \d+ ship$/).first().textContent()) ?? "";
    };
    const before = await panel();
    const total = Number(/of (\d+) ship/.exec(before)?.[1]);
    expect(total).toBeGreaterThan(1);

    await signIn(page, "admin@example.test", "/admin/verdicts?tool=flux-1");
    await expect(page).toHaveURL(/\/admin\/verdicts\?tool=flux-1/);
    await page.getByRole("row").nth(1).getByRole("link").first().click();
    const published = page.getByLabel("Published");
    await expect(published).toBeChecked();

    await published.uncheck();
    await page.getByLabel(/Reason for the change/).fill("Held back while we test it again");
    await page.getByRole("button", { name: "Save verdict" }).click();
    await expect(page.getByRole("status").first()).toContainText("Saved as version");
    await expect(published).not.toBeChecked();
    await expect.poll(panel, { timeout: 15_000 }).toContain(`of ${total - 1} ship`);

    await published.check();
    await page.getByLabel(/Reason for the change/).fill("Tested again: back in the panel");
    await page.getByRole("button", { name: "Save verdict" }).click();
    await expect(page.getByRole("status").first()).toContainText("Saved as version");
    await expect.poll(panel, { timeout: 15_000 }).toBe(before);
    await reader.context().close();
  });
});
