import { expect, test } from "@playwright/test";
import { newTool, signedInContext } from "../helpers/e2e";

/**
 * Following a tool (docs/decisions/037): the Follow button is the same on the
 * cached page for everyone; the reader's own state arrives with GET /api/me.
 * Each test follows a tool of its own.
 */

test.skip(!process.env.DATABASE_URL, "needs `npm test` (the database)");

test("a signed-in reader follows from the tool page, the state survives a reload of the cached page, /account lists it, and unfollows", async ({ browser, baseURL }, testInfo) => {
  const tool = await newTool();
  const reader = await signedInContext(browser, baseURL!);
  const page = await reader.context.newPage();
  const response = await page.goto(`/tools/${tool.slug}`);
  expect(response?.headers()["x-page-cache"], "the page is the shared cached one").toMatch(/hit|miss|stale/);
  const button = page.getByTestId(`follow-${tool.slug}`).getByRole("button");
  await expect(button).toHaveAttribute("aria-pressed", "false");
  await button.click();
  await expect(button).toHaveAttribute("aria-pressed", "true");
  await expect(button).toContainText("Following");
  await expect.poll(async () => ((await (await reader.context.request.get("/api/me")).json()) as { data: { follows: string[] } }).data.follows).toContain(tool.slug);
  await testInfo.attach("follow-button", { body: await page.getByTestId(`follow-${tool.slug}`).screenshot(), contentType: "image/png" });

  // The shared HTML holds nothing personal: a reload shows the state from /api/me again.
  const reloaded = await page.reload();
  expect(reloaded?.headers()["x-page-cache"]).toMatch(/hit|miss|stale/);
  await expect(button).toHaveAttribute("aria-pressed", "true");

  await page.goto("/account");
  const row = page.getByTestId(`account-follow-${tool.slug}`);
  await expect(row).toContainText(tool.name);
  await row.getByRole("button", { name: /Unfollow/ }).click();
  await expect(row).toHaveCount(0);

  await page.goto(`/tools/${tool.slug}`);
  await expect(button).toHaveAttribute("aria-pressed", "false");
  await expect(button).toContainText("Follow");
  await reader.context.close();
});

test("signed out, the Follow button leads to sign-in and back to the page", async ({ page }) => {
  const tool = await newTool();
  await page.goto(`/tools/${tool.slug}`);
  await page.getByTestId(`follow-${tool.slug}`).getByRole("button").click();
  await expect(page).toHaveURL(new RegExp(`/signin\\?callbackUrl=%2Ftools%2F${tool.slug}`));
});

test("without JavaScript a signed-in reader still follows from the cached page", async ({ browser, baseURL }) => {
  const tool = await newTool();
  const reader = await signedInContext(browser, baseURL!, { javaScriptEnabled: false });
  const page = await reader.context.newPage();
  await page.goto(`/tools/${tool.slug}`);
  await page.getByTestId(`follow-${tool.slug}`).getByRole("button").click();
  await page.waitForLoadState("load");
  await expect.poll(async () => ((await (await reader.context.request.get("/api/me")).json()) as { data: { follows: string[] } }).data.follows).toContain(tool.slug);
  await reader.context.close();
});
