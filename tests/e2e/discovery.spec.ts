import { expect, test, type Page } from "@playwright/test";
import { toolCombobox } from "../helpers/e2e";

const rows = (page: Page) => page.locator("main ol > li");
const rowNames = (page: Page) => rows(page).locator("a[href^='/tools/']").allTextContents();

test.describe("the directory", () => {
  test("finds a tool from a misspelt search, and the URL reproduces the view", async ({ page }) => {
    await page.goto("/tools");
    await page.getByLabel("Search by name, vendor or description").fill("cursr");
    await page.getByRole("button", { name: "Show tools" }).click();
    await expect(page).toHaveURL(/\/tools\?q=cursr$/);
    await expect(page.getByRole("heading", { name: /1 tool for “cursr”/ })).toBeVisible();
    expect(await rowNames(page)).toEqual(["Cursor"]);

    await page.goto("/tools?q=cursr&category=&sort=relevance");
    await expect(page).toHaveURL(/\/tools\?q=cursr$/);
    expect(await rowNames(page)).toEqual(["Cursor"]);
    await page.getByRole("link", { name: /“cursr”.*remove this filter/ }).click();
    await expect(page).toHaveURL(/\/tools$/);
    await expect(page.getByRole("heading", { name: "17 tools" })).toBeVisible();
  });

  test("filters and sorts combine in the URL; a clear empty state when nothing matches", async ({ page }) => {
    await page.goto("/tools");
    await page.getByLabel("Category").selectOption("image-generation");
    await page.getByLabel("Pricing").selectOption("open-weights");
    await page.getByLabel("Sort by").selectOption("panel");
    await page.getByRole("button", { name: "Show tools" }).click();
    await expect(page).toHaveURL(/category=image-generation&pricing=open-weights&sort=panel/);
    expect(await rowNames(page)).toEqual(["FLUX.1", "Stable Diffusion 3.5"]);

    await page.goto("/tools?q=qzxwvjk");
    await expect(page.getByRole("heading", { name: /No tools found/ })).toBeVisible();
    await expect(page.getByText("Nothing matches these filters.")).toBeVisible();
    await page.getByRole("link", { name: "Show every tool" }).click();
    await expect(page).toHaveURL(/\/tools$/);
  });

  test("pages through the catalogue without repeating a tool", async ({ page }) => {
    await page.goto("/tools?sort=name");
    const first = await rowNames(page);
    expect(first).toHaveLength(12);
    await page.getByRole("navigation", { name: "Pagination" }).getByRole("link", { name: "Next" }).click();
    await expect(page).toHaveURL(/sort=name&page=2/);
    const second = await rowNames(page);
    expect(second).toHaveLength(5);
    expect(second.filter((name) => first.includes(name))).toEqual([]);
    await expect(page.locator("main ol")).toHaveAttribute("start", "13");
  });
});

test.describe("any-pair comparisons", () => {
  test("the compare-with picker on a tool page opens a generated comparison at the canonical slug", async ({ page }) => {
    await page.goto("/tools/whisper");
    await toolCombobox(page, "Compare Whisper with…").fill("cursor");
    await page.getByRole("option", { name: /^Cursor/ }).click();
    await page.getByRole("button", { name: "Compare" }).click();
    await expect(page).toHaveURL(/\/compare\/cursor-vs-whisper$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cursor vs Whisper");
    await expect(page.getByText("Generated comparison")).toBeVisible();
    await expect(page.getByText(/No editor has written this pair up yet/)).toBeVisible();
    await expect(page.locator("#reviewer-split table tbody tr")).toHaveCount(4);
  });

  test("the picker on /tools, the canonical redirect, and refusals with a friendly 404", async ({ page }) => {
    await page.goto("/tools");
    await toolCombobox(page, "First tool").fill("midjourney");
    await page.getByRole("option", { name: /^Midjourney/ }).click();
    await toolCombobox(page, "Second tool").fill("aider");
    await page.getByRole("option", { name: /^Aider/ }).click();
    await page.getByRole("button", { name: "Compare", exact: true }).click();
    await expect(page).toHaveURL(/\/compare\/aider-vs-midjourney$/);

    await page.goto("/compare/midjourney-vs-aider");
    await expect(page).toHaveURL(/\/compare\/aider-vs-midjourney$/);

    for (const path of ["/compare/aider-vs-aider", "/compare/aider-vs-no-such-tool", "/compare/nonsense"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("We can't compare that pair");
    }

    await page.goto("/compare?a=aider&b=aider");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("A tool can't be compared with itself: choose two different tools.");
  });
});

test.describe("reviewers", () => {
  test("the panel page leads to a reviewer's lens, bio, lists, figures and verdicts newest first", async ({ page }) => {
    await page.goto("/reviewers");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("The panel");
    await expect(page.locator("main article")).toHaveCount(4);
    await page.getByRole("link", { name: "Daniel Okafor" }).click();
    await expect(page).toHaveURL(/\/reviewers\/daniel-okafor$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Daniel Okafor");
    await expect(page.getByText("Business & buyer", { exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Excited by" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Tired of" })).toBeVisible();
    await expect(page.getByText("Ship rate")).toBeVisible();
    await expect(page.getByText("Agrees with panel")).toBeVisible();
    const dates = await page.locator("#verdicts time").evaluateAll((nodes) => nodes.map((node) => node.getAttribute("datetime") ?? ""));
    expect(dates.length).toBeGreaterThan(10);
    expect(dates).toEqual([...dates].sort().reverse());
  });
});

test.describe("screenshots at 1280 and 360 px", () => {
  for (const width of [1280, 360]) {
    for (const [name, path] of [
      ["directory", "/tools"],
      ["reviewer", "/reviewers/priya-raman"],
      ["ad-hoc-comparison", "/compare/cursor-vs-whisper"],
    ] as const) {
      test(`${name} at ${width} px has no horizontal overflow`, async ({ browser }, testInfo) => {
        const context = await browser.newContext({ viewport: { width, height: 900 } });
        const page = await context.newPage();
        await page.goto(path);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await testInfo.attach(`${name}-${width}`, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
        await context.close();
      });
    }
  }
});
