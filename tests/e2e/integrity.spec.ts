import { expect, test, type Browser } from "@playwright/test";
import { SESSION_COOKIE, createSignedInSession } from "../helpers/auth";
import { newTool } from "../helpers/e2e";

/**
 * A figure a vote ring cannot swing (docs/decisions/030), over HTTP against
 * the production build: a new account's vote waits (the widget says so, the
 * page shows it pending, the figure does not move); staff see a ring in the
 * integrity view, void it and restore it. And the tool page's trend chart,
 * looked at in both themes and widths.
 */

test.beforeAll(() => {
  test.skip(!process.env.DATABASE_URL, "needs `npm test` (the database)");
});

async function signedIn(browser: Browser, baseURL: string, options: { role?: "USER" | "STAFF"; newAccount?: boolean } = {}) {
  const { sessionToken } = await createSignedInSession(options);
  const context = await browser.newContext();
  await context.addCookies([{ name: SESSION_COOKIE, value: sessionToken, url: baseURL }]);
  return context;
}

test("a new account's vote is saved but waits: the widget says so, every reader sees it pending, the figure does not move", async ({ browser, baseURL, page }) => {
  const tool = await newTool();
  const context = await signedIn(browser, baseURL!, { newAccount: true });
  const reader = await context.newPage();
  await reader.goto(`/tools/${tool.slug}`);
  const widget = reader.getByTestId(`vote-${tool.slug}`);
  await widget.getByRole("button", { name: /Ship/ }).click();
  await expect(widget.getByTestId("own-vote-pending")).toContainText("votes from new accounts count once the account is no longer new");
  await expect(widget.getByTestId("pending-votes")).toContainText("+1 new-account vote pending");
  await expect(widget.getByTestId("community-figure")).toContainText("No votes yet");
  await expect(widget.getByRole("button", { name: /Ship/ })).toHaveAttribute("aria-pressed", "true");

  // A signed-out reader (the cached page, refreshed like after a vote) sees the same.
  await expect
    .poll(async () => {
      await page.goto(`/tools/${tool.slug}`);
      return page.getByTestId(`vote-${tool.slug}`).getByTestId("pending-votes").textContent();
    }, { timeout: 15_000 })
    .toContain("+1 new-account vote pending");
  await expect(page.getByTestId(`vote-${tool.slug}`).getByTestId("community-figure")).toContainText("No votes yet");
  const api = (await (await page.request.get(`/api/tools/${tool.slug}`)).json()) as { data: { scores: { community: { total: number; pending: number } } } };
  expect(api.data.scores.community).toMatchObject({ total: 0, pending: 1 });
  await context.close();
});

test("staff see a vote ring in the integrity view, void its votes and restore them, and the figures follow", async ({ browser, baseURL, request }, testInfo) => {
  const tool = await newTool();
  // 25 fresh accounts vote ship within a minute, over the API as a script would.
  for (let i = 0; i < 25; i++) {
    const { sessionToken } = await createSignedInSession({ newAccount: true });
    const response = await request.put(`/api/tools/${tool.slug}/vote`, { headers: { cookie: `${SESSION_COOKIE}=${sessionToken}`, origin: baseURL! }, data: { decision: "ship" } });
    expect(response.status()).toBe(200);
    expect(((await response.json()) as { data: { pending: boolean } }).data.pending).toBe(true);
  }
  const figures = async () => ((await (await request.get(`/api/tools/${tool.slug}`)).json()) as { data: { scores: { community: { total: number; pending: number } } } }).data.scores.community;
  expect(await figures()).toMatchObject({ total: 0, pending: 25 });

  const context = await signedIn(browser, baseURL!, { role: "STAFF" });
  const staff = await context.newPage();
  await staff.goto("/admin/integrity");
  const row = staff.getByTestId("integrity-row").filter({ hasText: tool.name });
  await expect(row).toContainText("Far above its baseline");
  await expect(row).toContainText("25 (100 %)");
  await testInfo.attach("integrity-view", { body: await staff.screenshot({ fullPage: true }), contentType: "image/png" });

  await row.getByPlaceholder("Why (kept in the audit log)").fill("Ring of fresh accounts in one minute.");
  await row.getByRole("button", { name: /Void/ }).click();
  await expect(row.getByRole("status")).toContainText("Voided 25 votes cast in the last hour.");
  expect(await figures()).toMatchObject({ total: 0, pending: 0 });

  const voided = staff.getByTestId("void-row").filter({ hasText: tool.name });
  await expect(voided).toContainText("Ring of fresh accounts in one minute.");
  await voided.getByRole("button", { name: "Restore these votes" }).click();
  await expect(staff.getByTestId("void-row").filter({ hasText: tool.name })).toContainText("restored");
  expect(await figures()).toMatchObject({ total: 0, pending: 25 });
  await context.close();
});

for (const colorScheme of ["light", "dark"] as const) {
  for (const width of [1280, 390]) {
    test(`the trend chart on a tool page, ${width} px, ${colorScheme}`, async ({ browser }, testInfo) => {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
      const page = await context.newPage();
      await page.goto("/tools/claude-4-sonnet");
      const section = page.locator("#trend");
      await expect(section.getByRole("img", { name: /Chart of/ }).filter({ visible: true })).toHaveCount(1);
      await expect(section).toContainText("sample");
      await section.getByText("Data table").click();
      await expect(section.getByRole("table")).toBeVisible();
      expect(await section.getByRole("row").count()).toBeGreaterThan(10);
      await section.scrollIntoViewIfNeeded();
      await testInfo.attach(`trend-${width}-${colorScheme}`, { body: await section.screenshot(), contentType: "image/png" });
      await context.close();
    });
  }
}
