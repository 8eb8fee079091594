import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { newTool, signedInContext } from "../helpers/e2e";

/**
 * Readers grow the catalogue (docs/decisions/041): suggest a tool (a listed one
 * is answered with its page), see it on /account, staff accept it as an
 * unlisted draft and list it; report a problem from a tool page; both forms
 * work without JavaScript.
 */

test.skip(!process.env.DATABASE_URL, "needs `npm test` (the database)");

/** A name and host nobody has suggested (random letters: unlike any other name). */
const fresh = () => {
  const word = randomBytes(9).toString("base64url").replace(/[^a-zA-Z]/g, "q");
  return { name: `${word[0]!.toUpperCase()}${word.slice(1, 10).toLowerCase()}`, site: `${word.toLowerCase()}.example` };
};

test("suggest → duplicate answered with the listed tool → received → on /account → staff accept as an unlisted draft → list it → public", async ({ browser, baseURL }, testInfo) => {
  const reader = await signedInContext(browser, baseURL!);
  const page = await reader.context.newPage();
  await page.goto("/suggest");
  const form = page.getByTestId("suggest-form");
  const fill = async (name: string, website: string, pitch: string) => {
    await form.getByLabel("Name", { exact: true }).fill(name);
    await form.getByLabel("Website").fill(website);
    await form.getByLabel("Category").selectOption({ index: 1 });
    await form.getByLabel("What it does, in one line").fill(pitch);
  };

  // A tool that is listed: the answer names it and links its page; nothing is stored.
  await fill("Cursor", "https://www.cursor.com", "An AI code editor.");
  await form.getByRole("button", { name: "Send suggestion" }).click();
  const duplicate = page.getByTestId("suggestion-duplicate");
  await expect(duplicate).toContainText("Already listed");
  await expect(duplicate.getByRole("link", { name: "Cursor" })).toHaveAttribute("href", "/tools/cursor");

  const { name, site } = fresh();
  await fill(name, site, "Reviews pull requests and writes the missing tests before merge.");
  await form.getByLabel("Who makes it").fill("Acme Labs");
  await form.getByRole("button", { name: "Send suggestion" }).click();
  await expect(page.getByTestId("suggestion-received")).toContainText(`${name} is in our queue`);
  await testInfo.attach("suggestion-received", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

  await page.goto("/account#suggestions");
  const mine = page.getByTestId("account-suggestion").filter({ hasText: name });
  await expect(mine).toContainText("Received");

  // Staff accept it from the queue: a draft tool, unlisted.
  const staff = await signedInContext(browser, baseURL!, { role: "STAFF" });
  const admin = await staff.context.newPage();
  await admin.goto("/admin/suggestions");
  const item = admin.getByTestId("suggestion-item").filter({ hasText: name });
  await expect(item).toContainText("Acme Labs");
  await item.getByText("Accept as a draft tool…").click();
  const accept = item.getByTestId("accept-form");
  await expect(accept.getByLabel("Vendor")).toHaveValue("Acme Labs");
  await accept.getByLabel("Pricing model").selectOption("FREEMIUM");
  await accept.getByRole("button", { name: "Accept as an unlisted draft" }).click();
  const done = admin.getByTestId("triage-done");
  await expect(done).toContainText(`Accepted ${name} as a draft tool`);
  await expect(item, "a decided item leaves the waiting list").toHaveCount(0);
  const slug = (await done.textContent())!.match(/\(\/([a-z0-9-]+)\)/)![1]!;
  expect((await reader.context.request.get(`/tools/${slug}`)).status(), "a draft is on no public page").toBe(404);

  await done.getByRole("link", { name: "Open the draft" }).click();
  await expect(admin.getByText("Draft from a")).toBeVisible();
  await admin.getByRole("button", { name: "List it" }).click();
  await expect(admin.getByRole("button", { name: "Archive" })).toBeVisible();
  await expect.poll(async () => (await reader.context.request.get(`/tools/${slug}`)).status()).toBe(200);

  // A new load (the same address with its #fragment would not reload the page).
  await page.goto("/account");
  await expect(mine).toContainText("Accepted");
  await expect(mine.getByRole("link", { name })).toHaveAttribute("href", `/tools/${slug}`);
  await reader.context.close();
  await staff.context.close();
});

test("report a problem from a tool page; staff mark it fixed; the reader sees it on /account", async ({ browser, baseURL }) => {
  const tool = await newTool();
  const reader = await signedInContext(browser, baseURL!);
  const page = await reader.context.newPage();
  await page.goto(`/tools/${tool.slug}`);
  await page.getByRole("link", { name: "Report a problem" }).click();
  await expect(page).toHaveURL(new RegExp(`/tools/${tool.slug}/report$`));
  await page.getByLabel("The price is wrong").check();
  await page.getByLabel("Details").fill("The Pro plan costs $30 a month since June; their pricing page says so.");
  await page.getByRole("button", { name: "Send report" }).click();
  await expect(page.getByTestId("problem-received")).toBeVisible();

  const staff = await signedInContext(browser, baseURL!, { role: "STAFF" });
  const admin = await staff.context.newPage();
  await admin.goto("/admin/suggestions");
  const item = admin.getByTestId("suggestion-item").filter({ hasText: "The Pro plan costs $30" });
  await expect(item).toContainText(`Problem on ${tool.name}`);
  await item.getByPlaceholder("What you changed (optional)").fill("Price updated.");
  await item.getByRole("button", { name: "Mark fixed" }).click();
  await expect(admin.getByTestId("triage-done")).toContainText(`Marked the report on ${tool.name} fixed`);
  await admin.goto("/admin/suggestions?view=decided");
  await expect(admin.getByTestId("suggestion-item").filter({ hasText: "The Pro plan costs $30" })).toContainText("Note to the reader: “Price updated.”");

  await page.goto("/account#suggestions");
  const mine = page.getByTestId("account-suggestion").filter({ hasText: tool.name });
  await expect(mine).toContainText("Fixed");
  await expect(mine).toContainText("“Price updated.” — the editors");
  await reader.context.close();
  await staff.context.close();
});

test("without JavaScript: the suggestion and the report are plain forms that work; signed out, the pages ask to sign in", async ({ browser, baseURL }) => {
  const anonymous = await browser.newContext({ javaScriptEnabled: false });
  const visitor = await anonymous.newPage();
  await visitor.goto("/suggest");
  await expect(visitor.getByTestId("suggest-sign-in").getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/signin?callbackUrl=%2Fsuggest");
  await visitor.goto("/tools/cursor/report");
  await expect(visitor.getByTestId("report-sign-in")).toBeVisible();
  expect((await visitor.goto("/tools/no-such-tool/report"))?.status()).toBe(404);
  await anonymous.close();

  const reader = await signedInContext(browser, baseURL!, { javaScriptEnabled: false });
  const page = await reader.context.newPage();
  await page.goto("/suggest");
  const { name, site } = fresh();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Website").fill(site);
  await page.getByLabel("Category").selectOption({ index: 1 });
  await page.getByLabel("What it does, in one line").fill("Turns meeting notes into tickets.");
  await page.getByRole("button", { name: "Send suggestion" }).click();
  await expect(page.getByTestId("suggestion-received")).toBeVisible();

  // A refused form keeps what was typed (an empty pitch).
  await page.goto("/suggest");
  await page.getByLabel("Name", { exact: true }).fill("Half typed");
  await page.getByRole("button", { name: "Send suggestion" }).click();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Half typed");
  await expect(page.getByText("Say in one line what it does.")).toBeVisible();
  await reader.context.close();
});
