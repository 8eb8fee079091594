import { expect, test, type Browser } from "@playwright/test";
import { createPrismaClient } from "@/lib/db/client";
import { monogram } from "@/lib/logos/monogram";
import { SESSION_COOKIE, createSignedInSession } from "../helpers/auth";
import { newTool } from "../helpers/e2e";
import { pngBytes, SIMPLE_SVG } from "../helpers/images";

/**
 * Tool logos (docs/decisions/033-logos.md) over HTTP against the production
 * build: staff upload a PNG and an SVG on the tool's admin page; the logo shows
 * on the tool page and in the directory at its content-addressed /logos/ URL,
 * served with its exact type and a year's immutable cache; the SVG is served
 * sanitised and sandboxed; a 300 KB file is refused with a message and nothing
 * saved; a signed-in reader who is not staff cannot use the action. A
 * comparison shows the logo in its bottom line, its tool cards and its card on
 * /compare, and a tool without one its monogram.
 */

test.beforeAll(() => {
  test.skip(!process.env.DATABASE_URL, "needs `npm test` (the database)");
});

async function signedIn(browser: Browser, baseURL: string, role: "USER" | "STAFF") {
  const { sessionToken } = await createSignedInSession({ role });
  const context = await browser.newContext();
  await context.addCookies([{ name: SESSION_COOKIE, value: sessionToken, url: baseURL }]);
  return context;
}

async function storedLogo(toolId: string) {
  const client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 1 });
  try {
    const [logo, audit] = await Promise.all([
      client.toolLogo.findUnique({ where: { toolId }, select: { hash: true, contentType: true } }),
      client.auditLog.count({ where: { entityId: toolId, action: { startsWith: "tool.logo" } } }),
    ]);
    return { logo, audit };
  } finally {
    await client.$disconnect();
  }
}

const EDITOR_SVG = SIMPLE_SVG.replace("<rect", '<sodipodi:namedview xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" pagecolor="#fff"/><rect');

test("staff upload a PNG and an SVG; the logo shows on the tool page and the directory at its immutable /logos/ URL; a reader cannot upload", async ({ browser, baseURL, page }, testInfo) => {
  test.setTimeout(120_000);
  const tool = await newTool();
  const staffContext = await signedIn(browser, baseURL!, "STAFF");
  const staff = await staffContext.newPage();
  await staff.goto(`/admin/tools/${tool.id}`);
  const section = staff.locator("section", { has: staff.getByRole("heading", { name: "Logo" }) });
  await expect(section.getByRole("img", { name: `Monogram of ${tool.name}` })).toBeVisible();

  // A PNG: the upload request is kept to replay as a reader below.
  const uploadRequest = staff.waitForRequest((request) => request.method() === "POST" && request.headers()["next-action"] !== undefined);
  await section.getByLabel(/Upload a logo/).setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: pngBytes(48, 48) });
  await section.getByRole("button", { name: "Upload logo" }).click();
  const pngUpload = await uploadRequest;
  await expect(section.getByRole("status")).toContainText("Logo saved.");
  const png = await storedLogo(tool.id);
  expect(png.logo?.contentType).toBe("image/png");
  const pngUrl = `/logos/${png.logo!.hash.slice(0, 20)}.png`;
  await expect(section.getByRole("img", { name: `Current logo of ${tool.name}` })).toHaveAttribute("src", pngUrl);

  const pngResponse = await page.request.get(pngUrl);
  expect(pngResponse.status()).toBe(200);
  expect(pngResponse.headers()["content-type"]).toBe("image/png");
  expect(pngResponse.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect(pngResponse.headers()["x-content-type-options"]).toBe("nosniff");
  expect(Buffer.compare(await pngResponse.body(), pngBytes(48, 48))).toBe(0);

  // The tool page (its header) and the directory show it, once the page cache has heard of the change.
  await expect
    .poll(async () => {
      await page.goto(`/tools/${tool.slug}`);
      return page.locator("header img[data-tool-logo]").getAttribute("src");
    }, { timeout: 10_000 })
    .toBe(pngUrl);
  expect(await page.locator("header img[data-tool-logo]").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(48);
  await expect
    .poll(async () => {
      await page.goto(`/tools?q=${encodeURIComponent(tool.name)}`);
      return page.locator("li", { hasText: tool.name }).locator("img[data-tool-logo]").getAttribute("src");
    }, { timeout: 10_000 })
    .toBe(pngUrl);
  await testInfo.attach("directory-with-logo", { body: await page.screenshot(), contentType: "image/png" });

  // An SVG from a drawing program: its editor leftovers dropped, served sandboxed under a new address.
  await section.getByLabel(/Upload a logo/).setInputFiles({ name: "logo.svg", mimeType: "image/svg+xml", buffer: Buffer.from(EDITOR_SVG) });
  await section.getByRole("button", { name: "Upload logo" }).click();
  await expect(section.getByRole("img", { name: `Current logo of ${tool.name}` })).toHaveAttribute("src", /^\/logos\/[0-9a-f]{20}\.svg$/);
  const svg = await storedLogo(tool.id);
  expect(svg.logo?.contentType).toBe("image/svg+xml");
  expect(svg.audit).toBe(2);
  const svgUrl = `/logos/${svg.logo!.hash.slice(0, 20)}.svg`;
  const svgResponse = await page.request.get(svgUrl);
  expect(svgResponse.headers()["content-type"]).toBe("image/svg+xml");
  expect(svgResponse.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect(svgResponse.headers()["content-security-policy"]).toBe("default-src 'none'; style-src 'unsafe-inline'; sandbox");
  const served = await svgResponse.text();
  expect(served).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  expect(served).not.toContain("sodipodi");
  expect((await page.request.get(pngUrl)).status()).toBe(404);
  await expect
    .poll(async () => {
      await page.goto(`/tools/${tool.slug}`);
      return page.locator("header img[data-tool-logo]").getAttribute("src");
    }, { timeout: 10_000 })
    .toBe(svgUrl);

  // 300 KB: refused with a message on the form, nothing saved.
  await section.getByLabel(/Upload a logo/).setInputFiles({ name: "huge.png", mimeType: "image/png", buffer: pngBytes(8, 8, { padding: 300 * 1024 }) });
  await section.getByRole("button", { name: "Upload logo" }).click();
  await expect(section.getByRole("alert")).toContainText("Logos may be at most 200 KB");
  await testInfo.attach("admin-logo-too-big", { body: await staff.screenshot({ fullPage: true }), contentType: "image/png" });
  expect(await storedLogo(tool.id)).toEqual(svg);

  // A signed-in reader sending the upload action as the browser does (its id from the staff's request) is refused; the SVG stays.
  const readerContext = await signedIn(browser, baseURL!, "USER");
  const replay = await readerContext.request.post(`/admin/tools/${tool.id}`, {
    headers: { "next-action": pngUpload.headers()["next-action"]!, origin: new URL(baseURL!).origin, accept: "text/x-component" },
    multipart: { "_1_toolId": tool.id, "_1_logo": { name: "logo.png", mimeType: "image/png", buffer: pngBytes(48, 48) }, "0": '[{},"$K1"]' },
    maxRedirects: 0,
    timeout: 20_000,
  });
  expect(replay.status(), await replay.text()).toBe(403);
  expect(await storedLogo(tool.id)).toEqual(svg);

  // Removal: audited, the monogram is back.
  await section.getByRole("button", { name: "Remove logo" }).click();
  await expect(section.getByRole("img", { name: `Monogram of ${tool.name}` })).toBeVisible();
  expect(await storedLogo(tool.id)).toEqual({ logo: null, audit: 3 });
  await staff.goto("/admin/audit");
  await expect(staff.getByText("tool.logo.remove").first()).toBeVisible();

  await readerContext.close();
  await staffContext.close();
});

test("a comparison shows the logo in its bottom line, its tool card and its /compare card; a tool without one shows its monogram", async ({ browser, baseURL, page }, testInfo) => {
  test.setTimeout(90_000);
  const [withLogo, without] = [await newTool(), await newTool()];
  const staffContext = await signedIn(browser, baseURL!, "STAFF");
  const staff = await staffContext.newPage();
  // The comparison, published through the admin (so every node's page cache hears of it).
  await staff.goto("/admin/comparisons/new");
  await staff.getByLabel("Tool A", { exact: true }).selectOption(withLogo.id);
  await staff.getByLabel("Tool B", { exact: true }).selectOption(without.id);
  await staff.getByRole("radio", { name: "Published" }).check();
  await staff.getByRole("button", { name: "Create comparison" }).click();
  await expect(staff).toHaveURL(/\/admin\/comparisons\/(?!new$)[^/]+$/);
  // Tool A's logo.
  await staff.goto(`/admin/tools/${withLogo.id}`);
  const section = staff.locator("section", { has: staff.getByRole("heading", { name: "Logo" }) });
  await section.getByLabel(/Upload a logo/).setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: pngBytes(48, 48, { rgb: [22, 163, 74] }) });
  await section.getByRole("button", { name: "Upload logo" }).click();
  await expect(section.getByRole("status")).toContainText("Logo saved.");
  const { logo } = await storedLogo(withLogo.id);
  const logoUrl = `/logos/${logo!.hash.slice(0, 20)}.png`;

  const slug = `${withLogo.slug}-vs-${without.slug}`;
  const bottomLine = page.getByRole("region", { name: "The bottom line" });
  await expect
    .poll(async () => {
      await page.goto(`/compare/${slug}`);
      return bottomLine.locator("img[data-tool-logo]").getAttribute("src", { timeout: 1_000 }).catch(() => null);
    }, { timeout: 10_000 })
    .toBe(logoUrl);
  await expect(bottomLine.locator("img[data-tool-logo]")).toHaveCount(1);
  // The other tool, without a logo: its monogram, on its own colour.
  await expect(bottomLine.locator("[data-tool-monogram]")).toHaveText(monogram(without.name));
  await expect(bottomLine.locator("[data-tool-monogram]")).toBeVisible();

  const card = (name: string) => page.locator("article").filter({ has: page.getByRole("heading", { level: 2, name }) });
  await expect(card(withLogo.name).locator("img[data-tool-logo]")).toHaveAttribute("src", logoUrl);
  await expect(card(withLogo.name).locator("[data-tool-monogram]")).toHaveCount(0);
  await expect(card(without.name).locator("img[data-tool-logo]")).toHaveCount(0);
  await expect(card(without.name).locator("[data-tool-monogram]")).toHaveText(monogram(without.name));
  expect(await card(withLogo.name).locator("img[data-tool-logo]").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(48);

  // The /compare index: the pair's card, A's logo and B's monogram beside their names.
  const indexCard = page.locator("main article").filter({ hasText: `${withLogo.name} vs ${without.name}` });
  await expect
    .poll(async () => {
      await page.goto("/compare");
      return indexCard.locator("img[data-tool-logo]").getAttribute("src", { timeout: 1_000 }).catch(() => null);
    }, { timeout: 10_000 })
    .toBe(logoUrl);
  await expect(indexCard.locator("[data-tool-monogram]")).toHaveText(monogram(without.name));
  await testInfo.attach("compare-index-with-logo", { body: await indexCard.screenshot(), contentType: "image/png" });
  await staffContext.close();
});
