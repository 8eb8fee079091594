import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { SESSION_COOKIE } from "../helpers/auth";
import { newTool, signedInContext } from "../helpers/e2e";

/**
 * Accounts end cleanly (docs/decisions/019): a reader downloads their data,
 * deletes their account from /account, is signed out, and the figures of the
 * tool they voted on drop — on an open page at once, and on the next load.
 * Each test signs in its own new readers and votes on a tool of its own, so
 * nothing here depends on the seed or on another spec.
 */

test.skip(!process.env.DATABASE_URL, "needs `npm test` (the database)");

test("a reader downloads their data, deletes the account, is signed out, and the figures drop", async ({ browser, baseURL, request }, testInfo) => {
  test.setTimeout(90_000);
  const tool = await newTool();
  const toolPage = `/tools/${tool.slug}`;

  // Another reader's vote first, so the figure drops from two votes to one rather than to none.
  const other = await signedInContext(browser, baseURL!);
  const otherPage = await other.context.newPage();
  await otherPage.goto(toolPage);
  await otherPage.getByTestId(`vote-${tool.slug}`).getByRole("button", { name: /Ship/ }).click();
  await expect(otherPage.getByText(`You voted ship on ${tool.name}.`, { exact: false })).toBeAttached();
  await other.context.close();

  const reader = await signedInContext(browser, baseURL!);
  const page = await reader.context.newPage();
  await page.goto(toolPage);
  await page.getByTestId(`vote-${tool.slug}`).getByRole("button", { name: /Skip/ }).click();
  await expect(page.getByText(`You voted skip on ${tool.name}.`, { exact: false })).toBeAttached();

  // A signed-out visitor keeps the tool page open: its live figures must follow the deletion.
  const watcher = await browser.newContext();
  const watching = await watcher.newPage();
  await watching.goto(toolPage);
  await expect(watching.locator('[data-live-connection="open"]')).toBeAttached();
  await expect(watching.getByTestId(`vote-${tool.slug}`)).toContainText("2 votes");

  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expect(page.getByText(reader.email)).toBeVisible();
  await expect(page.getByTestId(`account-vote-${tool.slug}`)).toContainText("You said skip");
  await expect(page.getByTestId("account-data-summary")).toContainText("1 vote");

  // Download the data: the reader's own, as a JSON attachment, without the session token.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /Download my data/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/^account-data-\d{4}-\d{2}-\d{2}\.json$/);
  const text = await readFile((await download.path())!, "utf8");
  const data = JSON.parse(text) as { profile: { id: string; email: string }; votes: { tool: { slug: string }; decision: string }[] };
  expect(data.profile).toMatchObject({ id: reader.user.id, email: reader.email });
  expect(data.votes.map((vote) => `${vote.tool.slug} ${vote.decision}`)).toEqual([`${tool.slug} skip`]);
  expect(text).not.toContain(reader.sessionToken);

  // The danger zone, apart from the rest.
  const danger = page.locator("#danger-zone");
  await expect(danger.getByRole("heading", { name: "Delete your account" })).toBeVisible();
  await testInfo.attach("account-page", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

  // The wrong address is refused, and nothing happens.
  const confirm = danger.getByLabel("Type your email address to confirm");
  await confirm.fill("someone-else@example.test");
  await danger.getByRole("button", { name: "Delete my account" }).click();
  await expect(danger.getByRole("alert")).toContainText("not the email address of this account");
  await expect(page).toHaveURL(/\/account$/);
  await testInfo.attach("account-delete-refused", { body: await danger.screenshot(), contentType: "image/png" });

  // The right one deletes the account and lands on the confirmation, signed out.
  await confirm.fill(reader.email);
  await danger.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/account\/deleted$/);
  await expect(page.getByRole("heading", { name: "Your account is deleted" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
  await testInfo.attach("account-deleted", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

  // The open page drops to one vote by itself; a fresh load agrees.
  await expect(watching.getByTestId(`vote-${tool.slug}`)).toContainText("1 vote", { timeout: 15_000 });
  await expect(watching.getByTestId(`vote-${tool.slug}`)).not.toContainText("2 votes");
  await page.goto(toolPage);
  await expect(page.getByTestId(`vote-${tool.slug}`)).toContainText("1 vote");

  // Signed out for good: /account asks to sign in, and the old session token opens nothing.
  await page.goto("/account");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Faccount/);
  const old = await request.get("/api/account/export", { headers: { cookie: `${SESSION_COOKIE}=${reader.sessionToken}` } });
  expect(old.status()).toBe(401);

  await watcher.close();
  await reader.context.close();
});

test("deleting the account works without JavaScript", async ({ browser, baseURL }) => {
  const reader = await signedInContext(browser, baseURL!, { javaScriptEnabled: false });
  const page = await reader.context.newPage();
  await page.goto("/account");
  await page.getByLabel("Type your email address to confirm").fill(reader.email);
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/account\/deleted$/);
  await expect(page.getByRole("heading", { name: "Your account is deleted" })).toBeVisible();
  await page.goto("/account");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Faccount/);
  await reader.context.close();
});
