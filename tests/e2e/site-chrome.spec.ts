import { expect, test } from "@playwright/test";

/**
 * What every page carries: icons from the one mark (no /favicon.ico 404, no
 * console error), the web manifest, and a footer that leads to the trust
 * pages, each of which says who the panel is.
 */

/** The pixel size a PNG says it is (its IHDR chunk). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test("icons: /favicon.ico, the linked icons and the manifest's are PNGs of their stated sizes", async ({ request, page }) => {
  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toBe("image/png");
  expect(pngSize(await favicon.body())).toEqual({ width: 32, height: 32 });

  await page.goto("/");
  const icons = await page.locator('link[rel="icon"], link[rel="apple-touch-icon"]').evaluateAll((links) =>
    links.map((link) => ({ href: link.getAttribute("href")!, sizes: link.getAttribute("sizes") })),
  );
  expect(icons.length).toBeGreaterThanOrEqual(4);
  for (const icon of icons) {
    const response = await request.get(icon.href);
    expect(response.status(), icon.href).toBe(200);
    const { width, height } = pngSize(await response.body());
    expect(`${width}x${height}`).toBe(icon.sizes);
  }

  const manifestHref = await page.locator('link[rel="manifest"]').getAttribute("href");
  const manifest = (await (await request.get(manifestHref!)).json()) as { name: string; icons: { src: string; sizes: string }[] };
  expect(manifest.name).toBe("Ship or Skip");
  for (const icon of manifest.icons) {
    const { width, height } = pngSize(await (await request.get(icon.src)).body());
    expect(`${width}x${height}`).toBe(icon.sizes);
  }
});

test("a page loads with no console error and no failed request", async ({ page }) => {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  for (const path of ["/", "/compare/claude-4-sonnet-vs-smolvlm2-2b", "/tools/cursor", "/methodology"]) await page.goto(path, { waitUntil: "networkidle" });
  expect(problems).toEqual([]);
});

test("the footer leads to the trust pages, which disclose that the panel is staff personas", async ({ page }) => {
  await page.goto("/compare/claude-4-sonnet-vs-smolvlm2-2b");
  const footer = page.getByRole("navigation", { name: "Site", exact: true });
  for (const name of ["About", "Methodology", "The panel", "API", "Feed", "Newsletter", "Privacy"]) await expect(footer.getByRole("link", { name })).toBeVisible();

  await footer.getByRole("link", { name: "About" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("What Ship or Skip is");
  await expect(page.getByText("personas written and voiced by our staff")).toBeVisible();

  await page.getByRole("navigation", { name: "Site", exact: true }).getByRole("link", { name: "Methodology" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("How the verdicts and figures are made");
  await expect(page.getByLabel("panel ship equals ship verdicts divided by published verdicts")).toBeVisible();
  // The figures on the page are the code's: under 5 votes is provisional, the prior is worth 10 votes.
  await expect(page.getByRole("region", { name: "The figures" })).toContainText("Under 5 votes");
  await expect(page.getByRole("region", { name: "Keeping the community figure honest" })).toContainText("younger than a day");

  await page.getByRole("navigation", { name: "Site", exact: true }).getByRole("link", { name: "Privacy" }).click();
  await expect(page.getByText("Your email address is never shown anywhere public.", { exact: false })).toBeVisible();

  await page.goto("/reviewers/daniel-okafor");
  await expect(page.getByText("staff persona", { exact: false }).first()).toBeVisible();
});

for (const colorScheme of ["light", "dark"] as const) {
  for (const width of [1280, 390]) {
    test(`the trust pages and footer, ${width} px, ${colorScheme}`, async ({ browser }, testInfo) => {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
      const page = await context.newPage();
      for (const path of ["/about", "/methodology"]) {
        await page.goto(path);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${path} is wider than the screen`).toBeLessThanOrEqual(0);
        await testInfo.attach(`${path.slice(1)}-${width}-${colorScheme}`, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
      }
      await context.close();
    });
  }
}
