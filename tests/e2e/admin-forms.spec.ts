import { expect, test, type Locator, type Page } from "@playwright/test";
import { createPrismaClient } from "@/lib/db/client";
import { COMPARISON_LIMITS } from "@/lib/comparisons/admin-schema";
import { REVIEWER_LIMITS } from "@/lib/reviewers/admin-schema";
import { SPEC_LIMITS, SPEC_TEXT_LIMITS, SPECS } from "@/lib/specs/schema";
import { TOOL_LIMITS } from "@/lib/tools/admin-schema";
import { VERDICT_LIMITS } from "@/lib/verdicts/schema";
import { signedInContext } from "../helpers/e2e";

/**
 * The admin forms (issue 17): every text field stops where its schema's limit is (the
 * same constants the schemas use), and a refused save takes the editor to what went
 * wrong — the error summary gets the focus and scrolls into view. Refused saves write
 * nothing, so this runs with the public specs.
 */

test.beforeAll(() => {
  test.skip(!process.env.DATABASE_URL, "needs `npm test` (the database)");
});

/** The tool form's text fields: the catalogue's, each spec's typed value (by kind) and its source. */
const TOOL_FORM_LIMITS: Record<string, number> = {
  ...TOOL_LIMITS,
  ...Object.fromEntries(
    SPECS.flatMap((spec) => [
      ...(spec.kind in SPEC_TEXT_LIMITS ? [[spec.key, SPEC_TEXT_LIMITS[spec.kind as keyof typeof SPEC_TEXT_LIMITS]] as const] : []),
      [`${spec.key}Source`, SPEC_LIMITS.sourceUrl] as const,
    ]),
  ),
};

async function aSeedVerdictId() {
  const client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 1 });
  try {
    return (await client.verdict.findFirstOrThrow({ where: { tool: { slug: "cursor" } }, select: { id: true } })).id;
  } finally {
    await client.$disconnect();
  }
}

type FormCase = { name: string; path: () => Promise<string>; submit: string; limits: Record<string, number> };

const FORMS: FormCase[] = [
  { name: "tool", path: async () => "/admin/tools/new", submit: "Add tool", limits: TOOL_FORM_LIMITS },
  { name: "verdict", path: async () => `/admin/verdicts/${await aSeedVerdictId()}`, submit: "Save verdict", limits: { ...VERDICT_LIMITS } },
  { name: "comparison", path: async () => "/admin/comparisons/new", submit: "Create comparison", limits: { ...COMPARISON_LIMITS } },
  { name: "reviewer", path: async () => "/admin/reviewers/new", submit: "Add reviewer", limits: { ...REVIEWER_LIMITS } },
];

/** name → maxlength of every field a person types free text into (not dates, choices or files). */
function textLimits(form: Locator) {
  return form
    .locator('input:not([type="hidden"]):not([type="radio"]):not([type="checkbox"]):not([type="date"]):not([type="file"]), textarea')
    .evaluateAll((fields) =>
      Object.fromEntries(fields.map((field) => [field.getAttribute("name"), field.hasAttribute("maxlength") ? Number(field.getAttribute("maxlength")) : null])),
    );
}

/** The form by one of its own fields (its button's name changes to "Saving…" while it saves). */
const formWith = (page: Page, field: string) => page.locator("form", { has: page.locator(`[name="${field}"]`) });

for (const form of FORMS) {
  test(`the ${form.name} form: each text field stops at its schema's limit, and a refused save puts the focus on the error summary`, async ({ browser, baseURL }) => {
    const { context } = await signedInContext(browser, baseURL!, { role: "STAFF", viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(await form.path());
    const element = formWith(page, Object.keys(form.limits)[0]!);
    expect(await textLimits(element)).toEqual(form.limits);

    // An empty form (the verdict editor: no reason for the change) is refused; the summary, at the top of the form, takes the focus.
    const button = element.getByRole("button", { name: form.submit, exact: true });
    await button.click();
    const summary = element.getByRole("alert");
    await expect(summary).toBeFocused();
    await expect(summary).toBeInViewport();
    // A second refusal takes the reader back there too, even with the same message.
    await button.focus();
    await button.click();
    await expect(summary).toBeFocused();
    await context.close();
  });
}

test("past the last page, the admin queues answer a redirect to their last page, keeping the view", async ({ browser, baseURL }) => {
  const { context } = await signedInContext(browser, baseURL!, { role: "STAFF" });
  for (const [base, view] of [["/admin/moderation", "hidden"], ["/admin/suggestions", "decided"]] as const) {
    const response = await context.request.get(`${base}?view=${view}&page=9999`, { maxRedirects: 0 });
    expect(response.status(), base).toBe(307);
    const target = new URL(response.headers()["location"]!, baseURL);
    expect(target.pathname).toBe(base);
    expect(target.searchParams.get("view")).toBe(view);
    // The last page; page 1 is the queue's own address, without ?page=.
    expect(target.searchParams.get("page") === null || Number(target.searchParams.get("page")) > 1).toBe(true);
    expect(Number(target.searchParams.get("page") ?? 1)).toBeLessThan(9999);
    expect((await context.request.get(target.toString(), { maxRedirects: 0 })).status()).toBe(200);
  }
  await context.close();
});
