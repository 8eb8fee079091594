import { expect, test } from "@playwright/test";
import pg from "pg";
import { createPrismaClient } from "@/lib/db/client";
import { createSignedInSession } from "../helpers/auth";
import { createTool } from "../helpers/factories";

// Runs in the "admin" project (after the public specs): it writes into shared rows.
const PAYLOAD = `<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>[link](javascript:window.__xss=1)`;

// Edits made here behind the app's back are announced the way the app's audit log write announces them,
// so the page cache (proxy.ts) drops the pages that show them.
const announce = (db: pg.Client) => db.query(`SELECT pg_notify('content_changed', '{"kind":"site"}')`);

test("script payloads stored in staff-edited text (tool, verdict, reviewer, comparison) render inert on the public pages", async ({ page }) => {
  test.skip(!process.env.DATABASE_URL, "needs `npm test` (the database)");
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  const original = await db.query<{ description: string; tagline: string; vendor: string; pricingDetail: string | null }>(
    `SELECT description, tagline, vendor, "pricingDetail" FROM "Tool" WHERE slug = 'aider'`,
  );
  const reviewer = await db.query<{ lens: string; bio: string; excitedBy: string[]; tiredOf: string[] }>(
    `SELECT lens, bio, "excitedBy", "tiredOf" FROM "Reviewer" WHERE slug = 'marcus-hale'`,
  );
  const comparison = await db.query<{ headline: string | null; intro: string | null }>(`SELECT headline, intro FROM "Comparison" WHERE slug = 'github-copilot-vs-cursor'`);
  const verdict = await db.query<{ id: string; body: string }>(`SELECT v.id, v.body FROM "Verdict" v JOIN "Tool" t ON t.id = v."toolId" WHERE t.slug = 'aider' LIMIT 1`);
  try {
    await db.query(`UPDATE "Tool" SET description = $1, tagline = $1, vendor = $1, "pricingDetail" = $1 WHERE slug = 'aider'`, [PAYLOAD]);
    await db.query(`UPDATE "Verdict" SET body = $1 WHERE id = $2`, [`Case text ${PAYLOAD}`, verdict.rows[0]!.id]);
    await db.query(`UPDATE "Reviewer" SET lens = $1, bio = $1, "excitedBy" = ARRAY[$1], "tiredOf" = ARRAY[$1] WHERE slug = 'marcus-hale'`, [PAYLOAD]);
    await db.query(`UPDATE "Comparison" SET headline = $1, intro = $1 WHERE slug = 'github-copilot-vs-cursor'`, [PAYLOAD]);
    await announce(db);
    let dialogs = 0;
    page.on("dialog", (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    for (const path of ["/tools/aider", "/tools", "/tools?q=aider", "/compare/github-copilot-vs-cursor", "/compare/aider-vs-whisper", "/reviewers", "/reviewers/marcus-hale", "/"]) {
      await page.goto(path);
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    }
    await page.goto("/tools/aider");
    await expect(page.getByText("<script>window.__xss=1</script>").first()).toBeVisible(); // shown as text
    // The only script element is the JSON-LD data block, and the payload stays data inside it.
    expect(await page.locator('main img, main script:not([type="application/ld+json"])').count()).toBe(0);
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "null") as { description?: string };
    expect(jsonLd.description).toBe(PAYLOAD);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    await page.goto("/compare/github-copilot-vs-cursor");
    await expect(page.getByText("<script>window.__xss=1</script>").first()).toBeVisible();
    expect(await page.locator('main img, main script:not([type="application/ld+json"])').count()).toBe(0);
    await page.goto("/reviewers/marcus-hale");
    expect(await page.locator("main img, main script").count()).toBe(0);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Marcus Hale");
    expect(dialogs).toBe(0);
  } finally {
    const tool = original.rows[0]!;
    await db.query(`UPDATE "Tool" SET description = $1, tagline = $2, vendor = $3, "pricingDetail" = $4 WHERE slug = 'aider'`, [tool.description, tool.tagline, tool.vendor, tool.pricingDetail]);
    await db.query(`UPDATE "Verdict" SET body = $1 WHERE id = $2`, [verdict.rows[0]!.body, verdict.rows[0]!.id]);
    const person = reviewer.rows[0]!;
    await db.query(`UPDATE "Reviewer" SET lens = $1, bio = $2, "excitedBy" = $3, "tiredOf" = $4 WHERE slug = 'marcus-hale'`, [person.lens, person.bio, person.excitedBy, person.tiredOf]);
    await db.query(`UPDATE "Comparison" SET headline = $1, intro = $2 WHERE slug = 'github-copilot-vs-cursor'`, [comparison.rows[0]!.headline, comparison.rows[0]!.intro]);
    await announce(db);
    await db.end();
  }
});

test("script payloads in readers' text (a reason, a display name) render inert on every page that shows them, and stay text in the API", async ({ page, request }) => {
  test.skip(!process.env.DATABASE_URL, "needs `npm test` (the database)");
  const client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 1 });
  const [tool, other] = [await createTool(client), await createTool(client)];
  // Stored behind the app's back (the app's own forms refuse such a name): what renders must still be inert.
  const name = `<img src=x onerror=window.__xss=1>`;
  const author = await client.user.create({ data: { email: `xss-${Date.now()}@example.test`, displayName: name } });
  await client.$queryRaw`SELECT 1 FROM cast_vote(${author.id}, ${tool.slug}, 'SHIP', true, ${PAYLOAD})`;
  await client.$disconnect();
  let dialogs = 0;
  page.on("dialog", (dialog) => {
    dialogs++;
    void dialog.dismiss();
  });
  const comparison = new URL((await request.get(`/compare/${tool.slug}-vs-${other.slug}`)).url()).pathname;
  for (const path of [`/tools/${tool.slug}`, `/tools/${tool.slug}/reasons`, `/tools/${tool.slug}/reasons?sort=newest&decision=ship`, comparison]) {
    // The cached page refreshes within about a second of the announcement cast_vote made.
    await expect.poll(async () => {
      await page.goto(path);
      return page.getByText("<script>window.__xss=1</script>", { exact: false }).count();
    }, { timeout: 15_000 }).toBeGreaterThan(0);
    await expect(page.getByText(name).first()).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), path).toBeUndefined();
    expect(await page.locator('main img, main script:not([type="application/ld+json"])').count(), path).toBe(0);
    expect(await page.locator('a[href^="javascript:"]').count(), path).toBe(0);
  }
  const listed = (await (await request.get(`/api/tools/${tool.slug}/reasons`)).json()) as { data: { text: string; author: { name: string } }[] };
  expect(listed.data[0]).toMatchObject({ text: PAYLOAD, author: { name } });
  // The tool's share image still renders (it shows no reader text).
  await page.goto(`/tools/${tool.slug}`);
  const imagePath = new URL((await page.locator('meta[property="og:image"]').getAttribute("content"))!).pathname;
  const image = await request.get(imagePath);
  expect(image.status()).toBe(200);
  expect(image.headers()["content-type"]).toContain("image/png");
  expect(dialogs).toBe(0);
});

test("script payloads in a reader's suggestion and problem report render inert for the reader (/account) and for staff (/admin/suggestions)", async ({ browser, baseURL }) => {
  test.skip(!process.env.DATABASE_URL, "needs `npm test` (the database)");
  const client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 1 });
  const tool = await createTool(client);
  const [reader, staff] = [await createSignedInSession(), await createSignedInSession({ role: "STAFF" })];
  const short = `<img src=x onerror=window.__xss=1>`;
  // Stored behind the app's back (the forms refuse a website that is not http(s)): what renders must still be inert.
  const suggestion = await client.suggestion.create({
    data: { kind: "TOOL", userId: reader.user.id, name: short, website: "javascript:window.__xss=1", siteKey: `xss-${Date.now()}`, pitch: PAYLOAD, vendor: short },
  });
  const report = await client.suggestion.create({ data: { kind: "PROBLEM", userId: reader.user.id, toolId: tool.id, problemCategory: "OTHER", details: PAYLOAD } });
  await client.suggestion.update({ where: { id: report.id }, data: { status: "DECLINED", decidedAt: new Date(), decisionNote: PAYLOAD } });
  await client.$disconnect();
  try {
    for (const [who, path] of [[reader, "/account"], [staff, "/admin/suggestions"], [staff, "/admin/suggestions?view=decided"]] as const) {
      const context = await browser.newContext();
      await context.addCookies([{ name: "authjs.session-token", value: who.sessionToken, url: baseURL! }]);
      const page = await context.newPage();
      let dialogs = 0;
      page.on("dialog", (dialog) => {
        dialogs++;
        void dialog.dismiss();
      });
      await page.goto(path);
      await expect(page.getByText("<script>window.__xss=1</script>", { exact: false }).first()).toBeVisible();
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), path).toBeUndefined();
      expect(await page.locator("main img, main script").count(), path).toBe(0);
      expect(await page.locator('a[href^="javascript:"]').count(), path).toBe(0);
      expect(dialogs, path).toBe(0);
      await context.close();
    }
  } finally {
    const cleanup = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 1 });
    await cleanup.suggestion.deleteMany({ where: { id: { in: [suggestion.id, report.id] } } });
    await cleanup.$disconnect();
  }
});
