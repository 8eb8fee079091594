import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { createPrismaClient } from "@/lib/db/client";
import { SESSION_COOKIE, createSignedInSession } from "../helpers/auth";
import { newTool } from "../helpers/e2e";

/**
 * A comparison that decides (issue 17): the bottom line first — staff's
 * "Pick A if … / Pick B if …" or a generated line marked as such — each
 * reviewer's call as chips, the split in counts, a sticky in-page nav, specs
 * side by side with their sources, cases folded on phones without script.
 * Over HTTP against the production build.
 */

const SEED = "/compare/claude-4-sonnet-vs-smolvlm2-2b";

test.beforeAll(() => {
  test.skip(!process.env.DATABASE_URL, "needs `npm test` (the database)");
});

async function staffContext(browser: Browser, baseURL: string) {
  const { sessionToken } = await createSignedInSession({ role: "STAFF" });
  const context = await browser.newContext();
  await context.addCookies([{ name: SESSION_COOKIE, value: sessionToken, url: baseURL }]);
  return context;
}

test("the seed comparison leads with its bottom line, each reviewer's call and the split in counts", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(SEED);
  const bottomLine = page.getByRole("region", { name: "The bottom line" });
  await expect(bottomLine).toContainText("Pick Claude 4 Sonnet if you do heavy code generation or agentic desktop automation");
  await expect(bottomLine).toContainText("Pick SmolVLM2-2B if you need OCR and document understanding on your own hardware");
  await expect(bottomLine).not.toContainText("Generated from the figures");
  await expect(bottomLine).toContainText("4 of 4 ship · 100%");
  await expect(bottomLine).toContainText("3 of 4 ship · 75%");
  await expect(bottomLine).toContainText("Reviewers split on 1 of 4");
  for (const [tool, ships] of [["Claude 4 Sonnet", 4], ["SmolVLM2-2B", 3]] as const) {
    const chips = bottomLine.getByRole("list", { name: `Each reviewer's call on ${tool}` }).getByRole("listitem");
    await expect(chips).toHaveCount(4);
    await expect(chips.filter({ hasText: ": ship" })).toHaveCount(ships);
    await expect(chips.filter({ hasText: "splits on this pair" })).toHaveCount(1);
  }
  // The seed page's own words are still there, under the bottom line.
  await expect(page.locator("header").filter({ hasText: "Which one should you ship with?" })).toBeVisible();

  // The in-page nav stays under the site header while the page scrolls, and takes the reader to a section.
  const nav = page.getByRole("navigation", { name: "On this page" });
  await nav.getByRole("link", { name: "Specs" }).click();
  await expect(page).toHaveURL(/#specs$/);
  await expect(page.getByRole("heading", { name: "Side by side" })).toBeInViewport();
  const [header, bar] = await Promise.all([page.locator("body header").first().boundingBox(), nav.boundingBox()]);
  expect(bar!.y, "the nav sits right under the sticky header").toBeGreaterThanOrEqual(header!.y + header!.height - 2);
  expect(bar!.y).toBeLessThan(header!.y + header!.height + 4);
  const heading = await page.getByRole("heading", { name: "Side by side" }).boundingBox();
  expect(heading!.y, "the section's heading is not hidden under the nav").toBeGreaterThan(bar!.y + bar!.height);
});

test("specs sit side by side: aligned rows, sources and check dates, — for what is not known", async ({ page }) => {
  await page.goto("/compare/gpt-4o-vs-mistral-large");
  const table = page.getByRole("table", { name: "Specs of GPT-4o and Mistral Large side by side" });
  const row = (name: string) => table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${name}`) }) });
  await expect(row("Context window").getByRole("cell")).toHaveText(["—not known", "128K tokens"]);
  await expect(row("Input price").getByRole("cell").first()).toContainText("$2.50");
  await expect(row("Input price").getByRole("cell").first().getByRole("link", { name: "source" })).toHaveAttribute("href", "https://openai.com/api/pricing/");
  await expect(row("Input price").getByRole("cell").first()).toContainText("checked 1 Jun 2025");
  await expect(row("Output price").getByRole("cell")).toContainText(["$10.00", "$6.00"]);
  await expect(row("Input types").getByRole("cell").first()).toHaveText("Text, image, audio");
  await expect(row("Licence").getByRole("cell")).toHaveText(["Proprietary", "Mistral Research License"]);
  // A pair no editor wrote up: the bottom line is generated from the figures, and says so.
  const bottomLine = page.getByRole("region", { name: "The bottom line" });
  await expect(bottomLine).toContainText("Generated from the figures below");
  await expect(bottomLine).toContainText(/The panel (leans|rates them alike)/);
  await expect(bottomLine).not.toContainText("Pick ");
});

test("on a phone each case is folded behind “Read the case”, and opens without JavaScript; from md up every case is open", async ({ browser }) => {
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
  const page = await phone.newPage();
  await page.goto(SEED);
  const first = page.locator("#scorecard article").first();
  await expect(first.locator("blockquote")).toBeHidden();
  await first.getByText("Read the case").click();
  await expect(first.locator("blockquote")).toBeVisible();
  await expect(first.locator("blockquote")).toContainText("The primitive here is a frontier language model");
  await phone.close();

  const desktop = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const wide = await desktop.newPage();
  await wide.goto(SEED);
  const cases = wide.locator("#scorecard blockquote");
  await expect(cases).toHaveCount(8);
  for (const quote of await cases.all()) await expect(quote).toBeVisible();
  for (const summary of await wide.locator("#scorecard summary").all()) await expect(summary).toBeHidden();
  await desktop.close();
});

test("staff write a comparison's bottom line and a tool's specs in the admin; the page shows them and every edit is kept", async ({ browser, baseURL }) => {
  const [a, b] = [await newTool(), await newTool()];
  const context = await staffContext(browser, baseURL!);
  const admin = await context.newPage();
  await admin.goto("/admin/comparisons/new");
  await admin.getByLabel("Tool A", { exact: true }).selectOption(a.id);
  await admin.getByLabel("Tool B", { exact: true }).selectOption(b.id);
  await admin.getByLabel("Pick tool A if…").fill("you want the first one.");
  await admin.getByRole("radio", { name: "Published" }).check();
  await admin.getByRole("button", { name: "Create comparison" }).click();
  // Half a bottom line is refused, with what was typed kept.
  await expect(admin.getByText("Write both halves of the bottom line, or leave both empty.")).toBeVisible();
  await expect(admin.getByLabel("Pick tool A if…")).toHaveValue("you want the first one.");
  await admin.getByLabel("Pick tool B if…").fill("you want the second one.");
  await admin.getByRole("button", { name: "Create comparison" }).click();
  await expect(admin).toHaveURL(/\/admin\/comparisons\/(?!new$)[^/]+$/);
  await expect(admin.getByLabel(`Pick ${a.name} if…`)).toHaveValue("you want the first one.");
  await admin.getByLabel(`Pick ${a.name} if…`).fill("you want the first one, revised.");
  await admin.getByRole("button", { name: "Save comparison" }).click();
  await expect(admin.getByText("Saved as version 2.")).toBeVisible();

  const reader = await browser.newPage();
  const slug = `${a.slug}-vs-${b.slug}`;
  await expect
    .poll(async () => {
      await reader.goto(`/compare/${slug}`);
      return reader.getByRole("region", { name: "The bottom line" }).textContent();
    }, { timeout: 15_000 })
    .toContain(`Pick ${a.name} if you want the first one, revised.`);
  await expect(reader.getByRole("region", { name: "The bottom line" })).toContainText(`Pick ${b.name} if you want the second one.`);

  // A spec, with its source and check date, from the tool form to the comparison.
  await admin.goto(`/admin/tools/${a.id}`);
  await admin.getByLabel(/^Context window/).fill("200k");
  await admin.locator("#contextWindowSource").fill("https://example.com/models");
  await admin.locator("#contextWindowChecked").fill("2026-11-30");
  await admin.getByLabel("Self-hostable", { exact: true }).selectOption("no");
  await admin.getByRole("button", { name: "Save tool" }).click();
  await expect(admin.getByText(/Saved as version \d+\./)).toBeVisible();
  await expect
    .poll(async () => {
      await reader.goto(`/compare/${slug}`);
      return reader.getByRole("table", { name: /Specs of/ }).textContent();
    }, { timeout: 15_000 })
    .toContain("200K tokens");
  const cell = reader.getByRole("row").filter({ has: reader.getByRole("rowheader", { name: /^Context window/ }) }).getByRole("cell").first();
  await expect(cell.getByRole("link", { name: "source" })).toHaveAttribute("href", "https://example.com/models");
  await expect(cell).toContainText("checked 30 Nov 2026");

  // Every edit is kept: the audit log holds each version of the bottom line and the spec, before and after.
  const client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 1 });
  try {
    const comparison = await client.comparison.findUniqueOrThrow({ where: { slug } });
    const edits = await client.auditLog.findMany({ where: { entityType: "Comparison", entityId: comparison.id }, orderBy: { createdAt: "asc" } });
    expect(edits.map((edit) => edit.action)).toEqual(["comparison.create", "comparison.update"]);
    expect(edits[1]!.before).toMatchObject({ pickA: "you want the first one.", pickB: "you want the second one." });
    expect(edits[1]!.after).toMatchObject({ pickA: "you want the first one, revised." });
    const toolEdit = await client.auditLog.findFirstOrThrow({ where: { entityType: "Tool", entityId: a.id, action: "tool.update" } });
    expect(toolEdit.before).toMatchObject({ contextWindow: null, selfHostable: null });
    expect(toolEdit.after).toMatchObject({ contextWindow: 200000, contextWindowSource: "https://example.com/models", selfHostable: "no" });
  } finally {
    await client.$disconnect();
  }
  await context.close();
});

/** An element as the page lays it out, with nothing sticky drawn over it: the page at its top, the element clipped from a full-page capture. */
async function screenshotOf(page: Page, element: Locator) {
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: "instant" }));
  return page.screenshot({ fullPage: true, clip: (await element.boundingBox())! });
}

for (const colorScheme of ["light", "dark"] as const) {
  for (const width of [1280, 390]) {
    test(`the comparison's hero and specs, ${width} px, ${colorScheme}: no sideways scrolling, the section nav in reach`, async ({ browser }, testInfo) => {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
      const page = await context.newPage();
      await page.goto(SEED);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, "the page is wider than the screen").toBeLessThanOrEqual(0);
      const hero = page.locator("header").filter({ has: page.getByRole("heading", { level: 1 }) });
      await expect(hero.getByRole("region", { name: "The bottom line" })).toBeVisible();
      await testInfo.attach(`comparison-hero-${width}-${colorScheme}`, { body: await screenshotOf(page, hero), contentType: "image/png" });

      // The sticky nav: on screen, inside the screen's width, and it takes the reader to the specs.
      const nav = page.getByRole("navigation", { name: "On this page" });
      await nav.getByRole("link", { name: "Specs" }).click();
      await expect(page).toHaveURL(/#specs$/);
      await expect(nav).toBeInViewport();
      const bar = (await nav.boundingBox())!;
      expect(bar.x).toBeGreaterThanOrEqual(0);
      expect(bar.x + bar.width).toBeLessThanOrEqual(width);
      const heading = page.getByRole("heading", { name: "Side by side" });
      await expect(heading).toBeInViewport();
      expect((await heading.boundingBox())!.y, "the specs' heading is not under the nav").toBeGreaterThanOrEqual(bar.y + bar.height);
      // Its last link too (scrolled into reach on a phone) works.
      await nav.getByRole("link", { name: "Scorecard" }).click();
      await expect(page).toHaveURL(/#scorecard$/);
      await expect(nav).toBeInViewport();
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

      // Nothing in the specs table is cut off at its cell's edge (a "re-check due" that could not wrap was, at 390 px).
      const clipped = await page.locator("#specs th, #specs td").evaluateAll((cells) =>
        cells.filter((cell) => cell.scrollWidth > cell.clientWidth + 1).map((cell) => cell.textContent?.trim()),
      );
      expect(clipped, "cells whose content runs past their edge").toEqual([]);
      await testInfo.attach(`comparison-specs-${width}-${colorScheme}`, { body: await screenshotOf(page, page.locator("#specs")), contentType: "image/png" });
      await context.close();
    });
  }
}
