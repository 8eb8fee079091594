import { expect, test, type Page } from "@playwright/test";
import { toolCombobox } from "../helpers/e2e";

// Seeded tools (as in discovery.spec.ts): Whisper, Cursor, Aider, Midjourney, GitHub Copilot.

/** Presses Tab until the element with this id has focus, as a keyboard user gets there. */
async function tabTo(page: Page, id: string) {
  for (let presses = 0; presses < 80; presses++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((target) => document.activeElement?.id === target, id)) return;
  }
  throw new Error(`Tab never reached #${id}`);
}

test.describe("the compare-with combobox", () => {
  test("is used by keyboard only: Tab to it, type part of a name (a typo too), arrows, Enter, submit", async ({ page }) => {
    await page.goto("/tools/whisper");
    const combobox = toolCombobox(page, "Compare Whisper with…");
    await expect(combobox).toBeVisible();
    await tabTo(page, "compare-b");
    await expect(combobox).toBeFocused();
    await expect(combobox).toHaveAttribute("aria-expanded", "false");

    // Screen-reader semantics: an input combobox controlling a listbox, and the highlight told by aria-activedescendant.
    await page.keyboard.type("c");
    await expect(combobox).toHaveAttribute("aria-expanded", "true");
    const listbox = page.getByRole("listbox", { name: "Compare Whisper with…", exact: true });
    await expect(listbox).toBeVisible();
    expect(await combobox.getAttribute("aria-controls")).toBe(await listbox.getAttribute("id"));
    await expect(combobox).toHaveAttribute("aria-autocomplete", "list");
    const options = listbox.getByRole("option");
    const ids = await options.evaluateAll((nodes) => nodes.map((node) => node.id));
    expect(ids.length).toBeGreaterThan(2);
    await expect(listbox.getByRole("option", { name: /^Whisper/ })).toHaveCount(0); // the page's own tool is not offered
    await expect(combobox).toHaveAttribute("aria-activedescendant", ids[0]!);
    await page.keyboard.press("ArrowDown");
    await expect(combobox).toHaveAttribute("aria-activedescendant", ids[1]!);
    await expect(page.locator(`#${ids[1]}`)).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("End");
    await expect(combobox).toHaveAttribute("aria-activedescendant", ids.at(-1)!);
    await page.keyboard.press("Home");
    await expect(combobox).toHaveAttribute("aria-activedescendant", ids[0]!);
    await page.keyboard.press("ArrowUp");
    await expect(combobox).toHaveAttribute("aria-activedescendant", ids.at(-1)!);
    await expect(combobox).toBeFocused(); // focus never leaves the input

    // Typo-tolerant filtering, announced politely.
    await page.keyboard.press("Backspace");
    await page.keyboard.type("CURSR");
    await expect(options).toHaveText([/^Cursor/]);
    await expect(page.getByRole("status").filter({ hasText: "1 tool matches “CURSR”." })).toBeAttached();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(combobox).toHaveValue("Cursor");
    await expect(combobox).toHaveAttribute("aria-expanded", "false");
    await expect(page.locator("input[type=hidden][name=b]")).toHaveValue("cursor");

    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Compare", exact: true })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/compare\/cursor-vs-whisper$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cursor vs Whisper");
  });

  test("Escape closes the list, then clears the text; text naming no tool is refused on submit", async ({ page }) => {
    await page.goto("/compare");
    const first = toolCombobox(page, "First tool");
    await first.fill("mid");
    await expect(first).toHaveAttribute("aria-expanded", "true");
    await expect(page.getByRole("listbox", { name: "First tool" }).getByRole("option")).toHaveText([/^Midjourney/]);
    await page.keyboard.press("Escape");
    await expect(first).toHaveAttribute("aria-expanded", "false");
    await expect(page.getByRole("listbox", { name: "First tool" })).toBeHidden();
    await expect(first).toHaveValue("mid");
    await page.keyboard.press("Escape");
    await expect(first).toHaveValue("");

    await first.fill("no such tool here");
    await expect(page.getByText("No tool matches “no such tool here”.")).toBeVisible();
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Compare", exact: true }).click();
    await expect(page).toHaveURL(/\/compare$/);
    expect(await first.evaluate((input: HTMLInputElement) => input.validationMessage)).toBe("Choose a tool from the list.");
  });

  test("works with the mouse, searching by vendor, and a whole name typed counts as picked", async ({ page }) => {
    await page.goto("/compare");
    const first = toolCombobox(page, "First tool");
    await page.getByRole("button", { name: "Show all tools" }).first().click();
    await expect(first).toHaveAttribute("aria-expanded", "true");
    await page.getByRole("option", { name: /^Midjourney/ }).click();
    await expect(first).toHaveValue("Midjourney");

    const second = toolCombobox(page, "Second tool");
    await second.fill("aider");
    await second.blur();
    await expect(page.locator("input[type=hidden][name=b]")).toHaveValue("aider");
    await page.getByRole("button", { name: "Compare", exact: true }).click();
    await expect(page).toHaveURL(/\/compare\/aider-vs-midjourney$/);
  });

  test("without JavaScript the pickers are plain selects that submit to /compare", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/tools/whisper");
    const select = page.getByRole("combobox", { name: "Compare Whisper with…", exact: true });
    await expect(select).toHaveJSProperty("tagName", "SELECT");
    await select.selectOption("cursor");
    await page.getByRole("button", { name: "Compare", exact: true }).click();
    await expect(page).toHaveURL(/\/compare\/cursor-vs-whisper$/);

    await page.goto("/compare");
    await page.getByRole("combobox", { name: "First tool", exact: true }).selectOption("midjourney");
    await page.getByRole("combobox", { name: "Second tool", exact: true }).selectOption("aider");
    await page.getByRole("button", { name: "Compare", exact: true }).click();
    await expect(page).toHaveURL(/\/compare\/aider-vs-midjourney$/);
    await context.close();
  });
});

test.describe("the directory's compare ticks", () => {
  test("ticking two builds the pair's link; a third is refused with a message; Clear unticks", async ({ page }) => {
    const coding = "/tools?category=coding-assistants";
    await page.goto(coding);
    const tick = (name: string) => page.getByRole("checkbox", { name: `Compare ${name}`, exact: true });
    const bar = page.getByRole("form", { name: "Compare ticked tools" });
    await expect(bar.getByRole("status")).toHaveText("Tick “Compare” on two tools to set them side by side.");
    // Hydrated (the no-script submit button is gone): a tick before then is the plain form's, not the bar's.
    await expect(bar.getByRole("button", { name: "Compare ticked tools" })).toHaveCount(0);

    await tick("Cursor").check();
    await expect(bar.getByRole("status")).toHaveText("Cursor is ticked: tick one more tool to compare.");
    await tick("Aider").check();
    const link = bar.getByRole("link", { name: "Compare Aider vs Cursor" });
    await expect(link).toHaveAttribute("href", "/compare/aider-vs-cursor");
    await expect(bar.getByRole("status")).toHaveText("Aider and Cursor are ready to compare.");

    // Picks are kept across the directory's pages and searches.
    await page.goto("/tools?q=whisper");
    await expect(bar.getByRole("link", { name: "Compare Aider vs Cursor" })).toBeVisible();
    await tick("Whisper").click();
    await expect(tick("Whisper")).not.toBeChecked();
    await expect(bar.getByRole("status")).toHaveText("Two tools at a time: untick Cursor or Aider to compare Whisper.");
    await page.goto(coding);
    await expect(tick("Cursor")).toBeChecked();
    await expect(tick("Aider")).toBeChecked();

    // The picks are the browser's own: they survive a reload, and the served HTML has none ticked.
    await page.reload();
    await expect(tick("Aider")).toBeChecked();
    const html = await (await page.request.get(coding)).text();
    expect(html).toContain('value="aider"');
    expect(html).not.toMatch(/<input[^>]*type="checkbox"[^>]*checked/);

    await bar.getByRole("button", { name: "Clear" }).click();
    await expect(tick("Cursor")).not.toBeChecked();
    await expect(tick("Aider")).not.toBeChecked();
    await expect(bar.getByRole("link")).toHaveCount(0);

    // A curated pair is linked at the editors' slug.
    await tick("GitHub Copilot").check();
    await tick("Cursor").check();
    await expect(bar.getByRole("link", { name: /^Compare/ })).toHaveAttribute("href", "/compare/github-copilot-vs-cursor");
    await tick("GitHub Copilot").uncheck();
    await tick("Aider").check();
    await bar.getByRole("link", { name: "Compare Aider vs Cursor" }).click();
    await expect(page).toHaveURL(/\/compare\/aider-vs-cursor$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Aider vs Cursor");
  });

  test("without JavaScript the ticks submit to /compare: two open the comparison, three are refused", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/tools?category=coding-assistants");
    const tick = (name: string) => page.getByRole("checkbox", { name: `Compare ${name}`, exact: true });
    await tick("Cursor").check();
    await tick("Aider").check();
    await page.getByRole("button", { name: "Compare ticked tools" }).click();
    await expect(page).toHaveURL(/\/compare\/aider-vs-cursor$/);

    await page.goto("/tools?category=coding-assistants");
    for (const name of ["Cursor", "Aider", "GitHub Copilot"]) await tick(name).check();
    await page.getByRole("button", { name: "Compare ticked tools" }).click();
    await expect(page).toHaveURL(/\/compare\?tools=/);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Tick exactly two tools in the directory to compare them.");

    await page.goto("/compare?tools=aider&tools=aider");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("A tool can't be compared with itself: choose two different tools.");
    await context.close();
  });
});
