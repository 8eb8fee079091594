import { expect, test, type Page } from "@playwright/test";
import { waitForMail } from "../helpers/mail-server";

const mailDir = process.env.MAIL_DIR;

async function subscribe(page: Page, email: string) {
  const box = page.locator("#newsletter");
  await box.getByLabel("Email address").fill(email);
  await box.getByRole("button", { name: "Subscribe" }).click();
  await expect(box.getByRole("status")).toHaveText(/^Check your inbox/);
}

const link = (text: string, kind: "confirm" | "unsubscribe") => {
  const found = text.match(new RegExp(`https?://\\S+/newsletter/${kind}\\?token=[A-Za-z0-9_-]+`))?.[0];
  expect(found, `the email carries a ${kind} link`).toBeTruthy();
  return found!;
};

test.describe("the newsletter", () => {
  test.skip(!mailDir, "needs the SMTP server that `npm test` starts (MAIL_DIR)");

  test("subscribe on the home page, confirm from the email, unsubscribe signed out; a used link explains itself", async ({ page, browser }, testInfo) => {
    const email = `reader-${Date.now()}@example.test`;
    const after = Date.now() - 1000;
    await page.goto("/");
    await subscribe(page, email);
    await testInfo.attach("newsletter-box-subscribed", { body: await page.locator("#newsletter").screenshot(), contentType: "image/png" });

    const mail = await waitForMail(mailDir!, email, { after });
    expect(mail.subject).toBe("Confirm your subscription to Weekly AI Tool Verdicts");

    // Opening the link (as a mail scanner would) changes nothing; the button confirms.
    const confirmUrl = link(mail.text, "confirm");
    await page.goto(confirmUrl);
    await page.reload();
    await expect(page.getByRole("heading", { name: "Confirm your subscription" })).toBeVisible();
    await expect(page.getByText(email)).toBeVisible();
    await page.getByRole("button", { name: "Confirm my subscription" }).click();
    await expect(page.getByRole("heading", { name: "You're subscribed" })).toBeVisible();

    // The unsubscribe link from the same email, in a fresh, signed-out browser.
    const unsubscribeUrl = link(mail.text, "unsubscribe");
    const other = await browser.newContext();
    const stranger = await other.newPage();
    await stranger.goto(unsubscribeUrl);
    await expect(stranger.getByRole("heading", { name: "Unsubscribe" })).toBeVisible();
    await stranger.getByRole("button", { name: "Unsubscribe" }).click();
    await expect(stranger.getByRole("heading", { name: "You're unsubscribed" })).toBeVisible();

    // The same link again: used, said so, with a 404 and a way back in.
    const again = await stranger.goto(unsubscribeUrl);
    expect(again?.status()).toBe(404);
    await expect(stranger.getByRole("heading", { name: "This link has expired or was already used" })).toBeVisible();
    await expect(stranger.getByRole("link", { name: "Subscribe again" })).toHaveAttribute("href", "/#newsletter");
    // And the confirm link, already used, too.
    expect((await stranger.goto(confirmUrl))?.status()).toBe(404);
    await other.close();
  });

  test("an invalid email gets an inline message and no email", async ({ page }) => {
    await page.goto("/");
    const box = page.locator("#newsletter");
    await box.getByLabel("Email address").fill("not-an-email");
    await box.getByRole("button", { name: "Subscribe" }).click();
    await expect(box.getByRole("alert")).toHaveText("Enter a valid email address, like you@example.com.");
    await expect(box.getByLabel("Email address")).toHaveAttribute("aria-invalid", "true");
    await expect(box.getByLabel("Email address")).toHaveValue("not-an-email");
    await expect(box.getByRole("status")).toHaveText("");
  });

  test("the form works without JavaScript, on a comparison page", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const email = `nojs-${Date.now()}@example.test`;
    const after = Date.now() - 1000;
    await page.goto("/compare/claude-4-sonnet-vs-smolvlm2-2b");
    await subscribe(page, email);
    await waitForMail(mailDir!, email, { after });
    await context.close();
  });

  test("looks right in light and dark, wide and at 360 px", async ({ page }, testInfo) => {
    for (const colorScheme of ["light", "dark"] as const) {
      for (const width of [1280, 360]) {
        await page.emulateMedia({ colorScheme });
        await page.setViewportSize({ width, height: 900 });
        await page.goto("/");
        const box = page.locator("#newsletter");
        await box.getByLabel("Email address").focus();
        const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
        expect(scrollWidth, "no sideways scrolling").toBeLessThanOrEqual(clientWidth);
        await testInfo.attach(`newsletter-box-${colorScheme}-${width}`, { body: await box.screenshot(), contentType: "image/png" });
      }
    }
  });
});
