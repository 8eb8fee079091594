import { expect, test } from "@playwright/test";

const SEED = "/compare/claude-4-sonnet-vs-smolvlm2-2b";

test.describe("the seed comparison page", () => {
  test("shows both tools, their panel figures, the split, the community and all eight verdicts", async ({ page }, testInfo) => {
    const response = await page.goto(SEED);
    expect(response?.status()).toBe(200);

    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Claude 4 Sonnet vs SmolVLM2-2B");
    await expect(page.getByText("Which one should you ship with? Here is the side-by-side panel verdict, pricing read, reviewer split, and community vote comparison.")).toBeVisible();

    const cards = page.locator("article").filter({ has: page.getByRole("heading", { level: 2 }) }).filter({ hasText: "Panel ship" });
    await expect(cards).toHaveCount(2);
    const claude = cards.filter({ hasText: "Claude 4 Sonnet" });
    const smol = cards.filter({ hasText: "SmolVLM2-2B" });
    await expect(claude).toContainText("Developer Tools");
    await expect(claude).toContainText("Anthropic's sharpest coding model yet, with better benchmarks and desktop automation");
    await expect(claude).toContainText("100%");
    await expect(claude).toContainText("4 of 4 ship");
    await expect(smol).toContainText("2B-parameter vision-language model that runs on your device, not theirs");
    await expect(smol).toContainText("75%");
    await expect(smol).toContainText("3 of 4 ship");
    for (const card of [claude, smol]) {
      await expect(card).toContainText("—");
      await expect(card).toContainText("No votes yet");
      await expect(card).toContainText("Free");
    }

    // Sections, in the seed page's order.
    const headings = await page.getByRole("heading", { level: 2 }).allTextContents();
    const order = ["What the panel says", "What it costs to start", "Where the reviewers land", "What readers say", "Reviewer scorecard", "Get the next comparison in your inbox"];
    expect(headings.filter((h) => order.includes(h))).toEqual(order);

    // Reviewer split: four reviewers, only the business reviewer differs.
    const split = page.locator("#reviewer-split table");
    await expect(split.locator("tbody tr")).toHaveCount(4);
    const differing = split.locator("tbody tr[data-differs]");
    await expect(differing).toHaveCount(1);
    await expect(differing).toContainText("Business & buyer");
    await expect(differing.locator("td").nth(0)).toHaveText(/Ship/);
    await expect(differing.locator("td").nth(1)).toHaveText(/Skip/);

    // Scorecard: eight quotes, seven ships and one skip.
    const quotes = page.locator("#scorecard blockquote");
    await expect(quotes).toHaveCount(8);
    await expect(page.locator("#scorecard article").filter({ hasText: "Skip" })).toHaveCount(1);
    await expect(quotes.last()).toContainText("Ships as a technical artifact, skips as a business foundation.");

    await expect(page.getByText("Weekly AI Tool Verdicts")).toBeVisible();
    await expect(page.getByText("New AI tools ship daily. We compare them before you waste an afternoon.")).toBeVisible();

    await testInfo.attach("comparison-page", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
  });

  test("redirects the reversed slug to the canonical page", async ({ page }) => {
    await page.goto("/compare/smolvlm2-2b-vs-claude-4-sonnet");
    await expect(page).toHaveURL(/\/compare\/claude-4-sonnet-vs-smolvlm2-2b$/);
  });

  test("reads at phone width in dark mode", async ({ browser }, testInfo) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 }, colorScheme: "dark" });
    const page = await context.newPage();
    await page.goto(SEED);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).not.toBe("rgb(255, 255, 255)");
    await testInfo.attach("comparison-360-dark", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
    await context.close();
  });
});

test.describe("tool pages and navigation", () => {
  test("a tool page shows the tool, its four verdicts and its comparisons", async ({ page }) => {
    await page.goto("/tools/smolvlm2-2b");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("SmolVLM2-2B");
    await expect(page.getByText("by Hugging Face")).toBeVisible();
    await expect(page.locator("#verdicts blockquote")).toHaveCount(4);
    await expect(page.locator("#verdicts")).toContainText("3 of 4 ship");
    await page.getByRole("link", { name: /Claude 4 Sonnet vs SmolVLM2-2B/ }).click();
    await expect(page).toHaveURL(/\/compare\/claude-4-sonnet-vs-smolvlm2-2b$/);
  });

  test("the home page lists comparisons and top tools", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("#comparisons li")).not.toHaveCount(0);
    await expect(page.locator("#top-tools li").first()).toContainText("100%");
    await page.getByRole("link", { name: "Tools", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("AI tools");
    await expect(page.getByRole("heading", { name: /^\d+ tools$/ })).toBeVisible();
  });

  for (const path of ["/tools/no-such-tool", "/no-such-page"]) {
    test(`answers ${path} with a friendly 404`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("We couldn't find that page");
      await expect(page.getByRole("link", { name: "Browse tools" })).toBeVisible();
    });
  }

  test("answers /compare/claude-4-sonnet-vs-nothing with the comparison segment's friendly 404", async ({ page }) => {
    const response = await page.goto("/compare/claude-4-sonnet-vs-nothing");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("We can't compare that pair");
    await expect(page.getByRole("link", { name: "Browse the directory" })).toBeVisible();
  });
});
