import { expect, test, type Page } from "@playwright/test";
import { SESSION_COOKIE } from "../helpers/auth";
import { newTool, signedInContext } from "../helpers/e2e";

/**
 * Signed-in readers get the shared cached page (docs/decisions/022): the
 * header and the vote widget are right from the first paint, their own vote
 * arrives with GET /api/me, and voting works with and without JavaScript.
 * Each test votes on a tool of its own.
 */

test.skip(!process.env.DATABASE_URL, "needs `npm test` (the database)");

const header = (page: Page) => page.getByRole("navigation", { name: "Main" });

test("a signed-in reader's page comes from the cache, shows their header at first paint, and their vote once /api/me answers", async ({ browser, baseURL }) => {
  const tool = await newTool();
  const reader = await signedInContext(browser, baseURL!);
  const api = reader.context.request;
  expect((await api.put(`/api/tools/${tool.slug}/vote`, { headers: { origin: baseURL! }, data: { decision: "skip" } })).status()).toBe(200);

  const page = await reader.context.newPage();
  // Hold /api/me back: what shows before it answers is the first paint, from the shared HTML alone.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/api/me", async (route) => {
    await held;
    await route.continue();
  });
  const response = await page.goto(`/tools/${tool.slug}`);
  expect(response?.headers()["x-page-cache"], "the signed-in reader is answered from the page cache").toMatch(/hit|miss|stale/);
  await expect(page.getByRole("link", { name: "Account", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(header(page).getByRole("link", { name: "Sign in", exact: true })).toBeHidden();
  const widget = page.getByTestId(`vote-${tool.slug}`);
  await expect(widget.getByRole("heading", { name: "Your vote" })).toBeVisible();
  const box = await widget.boundingBox();

  release();
  await expect(widget.getByRole("button", { name: /Skip/ })).toHaveAttribute("aria-pressed", "true");
  await expect(widget.getByRole("button", { name: "Withdraw my vote" })).toBeVisible();
  // Nothing moved when the reader's own part arrived.
  expect(await widget.boundingBox()).toEqual(box);

  await widget.getByRole("button", { name: /Ship/ }).click();
  await expect(widget.getByRole("button", { name: /Ship/ })).toHaveAttribute("aria-pressed", "true");
  await expect.poll(async () => ((await (await api.get("/api/me")).json()) as { data: { votes: Record<string, string> } }).data.votes[tool.slug]).toBe("ship");
  await reader.context.close();
});

test("the reader's own part comes from the viewer cache, and their own write shows on the very next read", async ({ browser, baseURL }) => {
  const tool = await newTool();
  const reader = await signedInContext(browser, baseURL!);
  const api = reader.context.request;
  const me = async () => {
    const response = await api.get("/api/me");
    return { how: response.headers()["x-viewer-cache"], vote: ((await response.json()) as { data: { votes: Record<string, string> } }).data.votes[tool.slug] };
  };
  // Once the node hears the database's events, a second read is a hit.
  await expect.poll(async () => (await me()).how, { timeout: 15_000 }).toBe("hit");
  expect(await me()).toEqual({ how: "hit", vote: undefined });

  // A vote gives the browser a new personal-write mark: the next read is fresh at once — no waiting for the announcement.
  for (const decision of ["ship", "skip"] as const) {
    const cast = await api.put(`/api/tools/${tool.slug}/vote`, { headers: { origin: baseURL! }, data: { decision } });
    expect(cast.status()).toBe(200);
    expect(cast.headersArray().filter((header) => header.name.toLowerCase() === "set-cookie").map((header) => header.value.split("=")[0])).toContain("sos.pw");
    expect(await me()).toEqual({ how: "miss", vote: decision });
    // …and that answer is kept. Not always by the very next read: the vote's own announcement may still be on
    // its way and drop it once more, as may any other write that clears every reader (docs/decisions/044).
    await expect.poll(me, { timeout: 5_000 }).toEqual({ how: "hit", vote: decision });
  }
  // A signed-out reader's answer is never kept.
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(`${baseURL}/api/me`)).headers()["x-viewer-cache"]).toBeUndefined();
  await anonymous.close();
  await reader.context.close();
});

test("without JavaScript a signed-in reader still votes from the cached page, and a signed-out one is sent to sign in", async ({ browser, baseURL }) => {
  const tool = await newTool();
  const reader = await signedInContext(browser, baseURL!, { javaScriptEnabled: false });
  const page = await reader.context.newPage();
  await page.goto(`/tools/${tool.slug}`);
  await expect(page.getByRole("link", { name: "Account", exact: true })).toBeVisible();
  await page.getByTestId(`vote-${tool.slug}`).getByRole("button", { name: /Ship/ }).click();
  await page.waitForLoadState("load");
  await expect.poll(async () => ((await (await reader.context.request.get("/api/me")).json()) as { data: { votes: Record<string, string> } }).data.votes[tool.slug]).toBe("ship");
  await reader.context.close();

  const visitor = await browser.newContext({ javaScriptEnabled: false });
  const signedOut = await visitor.newPage();
  await signedOut.goto(`/tools/${tool.slug}`);
  await expect(header(signedOut).getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
  await signedOut.getByTestId(`vote-${tool.slug}`).getByRole("button", { name: /Ship/ }).click();
  await expect(signedOut).toHaveURL(/\/signin/);
  await visitor.close();
});

test("an expired session's cookie shows the signed-in header only until /api/me says otherwise", async ({ browser, baseURL }) => {
  const tool = await newTool();
  const context = await browser.newContext();
  await context.addCookies([{ name: SESSION_COOKIE, value: "a".repeat(64), url: baseURL! }]);
  const page = await context.newPage();
  await page.goto(`/tools/${tool.slug}`);
  await expect(header(page).getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Account", exact: true })).toBeHidden();
  // A vote then leads to sign-in, as for any signed-out reader.
  await page.getByTestId(`vote-${tool.slug}`).getByRole("button", { name: /Ship/ }).click();
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await context.close();
});
