import { createHash, createHmac, randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";

/**
 * Every public page, generated from the files under app/(site) and app/(auth),
 * with a sample URL for each. A new page without an entry fails the first test.
 */
const SAMPLES: Record<string, string[]> = {
  "/": ["/"],
  "/about": ["/about"],
  "/methodology": ["/methodology"],
  "/privacy": ["/privacy"],
  "/account": ["/account"],
  "/account/deleted": ["/account/deleted", "/account/deleted?newsletter=kept"],
  "/compare": ["/compare", "/compare?a=aider&b=aider"],
  "/compare/[slug]": ["/compare/claude-4-sonnet-vs-smolvlm2-2b", "/compare/cursor-vs-whisper", "/compare/cursor-vs-cursor"],
  "/newsletter/confirm": ["/newsletter/confirm?token=CONFIRM_TOKEN", "/newsletter/confirm?token=used-or-unknown-token-000000000000000000000"],
  "/newsletter/unsubscribe": ["/newsletter/unsubscribe?token=UNSUBSCRIBE_TOKEN"],
  "/follows/unfollow": ["/follows/unfollow?UNFOLLOW_LINK", "/follows/unfollow?done=tool"],
  "/reviewers": ["/reviewers"],
  "/reviewers/[slug]": ["/reviewers/daniel-okafor"],
  "/signin": ["/signin"],
  "/signin/check-email": ["/signin/check-email"],
  "/tools": ["/tools", "/tools?q=cursr", "/tools?q=qzxwvjk"],
  "/tools/[slug]": ["/tools/claude-4-sonnet"],
  "/tools/[slug]/history/[reviewer]": ["/tools/smolvlm2-2b/history/daniel-okafor"],
  "/tools/[slug]/alternatives": ["/tools/claude-4-sonnet/alternatives"],
  "/tools/[slug]/reasons": ["/tools/claude-4-sonnet/reasons", "/tools/claude-4-sonnet/reasons?decision=skip&sort=newest"],
  // Signed out (a sign-in prompt) and signed in (the form): "#signed-in" samples are opened with a session.
  "/suggest": ["/suggest", "/suggest#signed-in"],
  "/tools/[slug]/report": ["/tools/claude-4-sonnet/report", "/tools/claude-4-sonnet/report#signed-in"],
};
const EXTRA = ["/no-such-page"];

function publicPages(dir: string, prefix = ""): string[] {
  const pages: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) pages.push(...publicPages(path.join(dir, entry.name), `${prefix}/${entry.name}`));
    else if (entry.name === "page.tsx") pages.push(prefix || "/");
  }
  return pages;
}

const appDir = path.resolve(import.meta.dirname, "../../app");
let sessionToken = "";
// Real single-use newsletter links (only their hashes are stored), so the pages render their forms.
const linkTokens = { CONFIRM_TOKEN: randomBytes(32).toString("base64url"), UNSUBSCRIBE_TOKEN: randomBytes(32).toString("base64url"), UNFOLLOW_LINK: "" };

test.beforeAll(async () => {
  test.skip(!process.env.DATABASE_URL, "needs `npm test` (the database)");
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    const id = `a11y_${randomBytes(6).toString("hex")}`;
    sessionToken = randomBytes(32).toString("hex");
    await db.query(`INSERT INTO "User" (id, email, role, "updatedAt") VALUES ($1, $2, 'USER', now())`, [id, `${id}@a11y.test`]);
    await db.query(`INSERT INTO "Session" ("sessionToken", "userId", expires, "updatedAt") VALUES ($1, $2, now() + interval '1 day', now())`, [sessionToken, id]);
    await db.query(`INSERT INTO "NewsletterSubscriber" (id, email, status, "updatedAt") VALUES ($1, $2, 'PENDING', now())`, [id, `${id}@a11y.test`]);
    for (const [purpose, token] of [["CONFIRM", linkTokens.CONFIRM_TOKEN], ["UNSUBSCRIBE", linkTokens.UNSUBSCRIBE_TOKEN]] as const) {
      await db.query(
        `INSERT INTO "NewsletterToken" (id, "subscriberId", purpose, "tokenHash", "expiresAt") VALUES ($1, $2, $3, $4, now() + interval '1 day')`,
        [`${id}_${purpose}`, id, purpose, createHash("sha256").update(token).digest("hex")],
      );
    }
    // A follow and its signed unfollow link (docs/decisions/037: HMAC-SHA256 of "unfollow:<slug>" under the reader's key), so the page renders its form.
    const followKey = randomBytes(32).toString("base64url");
    await db.query(`UPDATE "User" SET "followKey" = $1 WHERE id = $2`, [followKey, id]);
    await db.query(`INSERT INTO "Follow" ("userId", "toolId") SELECT $1, t.id FROM "Tool" t WHERE t.slug = 'claude-4-sonnet'`, [id]);
    const sig = createHmac("sha256", followKey).update("unfollow:claude-4-sonnet").digest("base64url");
    linkTokens.UNFOLLOW_LINK = new URLSearchParams({ u: id, tool: "claude-4-sonnet", sig }).toString();
  } finally {
    await db.end();
  }
});

test("every public page has a sample URL to check", () => {
  const pages = [...publicPages(path.join(appDir, "(site)")), ...publicPages(path.join(appDir, "(auth)"))].map((page) => page.replace(/\/\([^)]+\)/g, ""));
  expect(pages.sort()).toEqual(Object.keys(SAMPLES).sort());
});

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(" ")).slice(0, 3).join(", ")}`);
}

for (const url of [...Object.values(SAMPLES).flat(), ...EXTRA]) {
  test(`${url} has no serious or critical axe violations, light and dark`, async ({ browser, baseURL }) => {
    // Two full axe runs (light and dark) on two shared cores: allow for a busy CI machine.
    test.setTimeout(90_000);
    for (const colorScheme of ["light", "dark"] as const) {
      const context = await browser.newContext({ colorScheme });
      if (url === "/account" || url.endsWith("#signed-in")) await context.addCookies([{ name: "authjs.session-token", value: sessionToken, url: baseURL! }]);
      const page = await context.newPage();
      const response = await page.goto(url.replace(/CONFIRM_TOKEN|UNSUBSCRIBE_TOKEN|UNFOLLOW_LINK/, (name) => linkTokens[name as keyof typeof linkTokens]));
      if (url.includes("UNFOLLOW_LINK")) expect(response?.status(), "the signed link opens its form").toBe(200);
      if (url === "/account") await expect(page).toHaveURL(/\/account$/);
      expect(await seriousViolations(page), `${url} in ${colorScheme}`).toEqual([]);
      await context.close();
    }
  });
}

// Two "moderate" rules the filter above lets through, run in full where they once failed (issue 17): two
// vote regions with one name on a comparison, a heading level skipped on the tool page.
for (const url of ["/compare/claude-4-sonnet-vs-smolvlm2-2b", "/tools/claude-4-sonnet"]) {
  test(`${url}: every landmark has its own name and headings do not skip a level (axe, any impact)`, async ({ page }) => {
    await page.goto(url);
    const results = await new AxeBuilder({ page }).withRules(["landmark-unique", "heading-order"]).analyze();
    const violations = results.violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(" ")).slice(0, 3).join(", ")}`);
    expect(violations).toEqual([]);
    // The rules ran: each checked something on the page.
    expect(results.passes.map((rule) => rule.id).sort()).toEqual(["heading-order", "landmark-unique"]);
  });
}

test.describe("keyboard alone", () => {
  test("skip link first, visible focus, and the directory search works without a mouse", async ({ page }) => {
    await page.goto("/tools");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#main$/);

    const search = page.getByLabel("Search by name, vendor or description");
    for (let i = 0; i < 15 && !(await search.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
    await expect(search).toBeFocused();
    const outline = await search.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe("none");
    await page.keyboard.type("transcripton");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/q=transcripton/);
    await expect(page.locator("main ol > li").first()).toContainText("Whisper");
  });

  test("every focusable control on a comparison page shows a focus ring", async ({ page }) => {
    await page.goto("/compare/claude-4-sonnet-vs-smolvlm2-2b");
    const seen = new Set<string>();
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press("Tab");
      const focus = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        return { key: `${el.tagName}:${el.textContent?.trim().slice(0, 30)}`, outline: style.outlineStyle, shadow: style.boxShadow };
      });
      if (!focus) continue;
      seen.add(focus.key);
      expect(focus.outline !== "none" || focus.shadow !== "none", `focus ring on ${focus.key}`).toBe(true);
    }
    expect(seen.size).toBeGreaterThan(5);
  });
});
