import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";

/**
 * Every admin page, generated from the files under app/admin, requested as
 * signed out, USER, STAFF and ADMIN. A new page without an entry below fails.
 */
const EXPECTED: Record<string, "staff" | "admin"> = {
  "/admin": "staff",
  "/admin/verdicts": "staff",
  "/admin/verdicts/[id]": "staff",
  "/admin/verdicts/new": "staff",
  "/admin/audit": "staff",
  "/admin/moderation": "staff",
  "/admin/suggestions": "staff",
  "/admin/integrity": "staff",
  "/admin/stale": "staff",
  "/admin/newsletter": "staff",
  "/admin/jobs": "staff",
  "/admin/users": "admin",
  "/admin/tools": "staff",
  "/admin/tools/new": "staff",
  "/admin/tools/[id]": "staff",
  "/admin/comparisons": "staff",
  "/admin/comparisons/new": "staff",
  "/admin/comparisons/[id]": "staff",
  "/admin/reviewers": "staff",
  "/admin/reviewers/new": "staff",
  "/admin/reviewers/[id]": "staff",
};

function adminPages(dir = path.resolve(import.meta.dirname, "../../app/admin"), prefix = "/admin"): string[] {
  const pages: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) pages.push(...adminPages(path.join(dir, entry.name), `${prefix}/${entry.name}`));
    else if (entry.name === "page.tsx") pages.push(prefix);
  }
  return pages.sort();
}

const roles = ["USER", "STAFF", "ADMIN"] as const;
const cookies: Partial<Record<(typeof roles)[number], string>> = {};
let sample: Record<string, string> = {};

test.beforeAll(async () => {
  test.skip(!process.env.DATABASE_URL, "needs `npm test` (the database)");
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    for (const role of roles) {
      const id = `authz_${role}_${randomBytes(6).toString("hex")}`;
      const token = randomBytes(32).toString("hex");
      await db.query(`INSERT INTO "User" (id, email, role, "updatedAt") VALUES ($1, $2, $3, now())`, [id, `${id}@authz.test`, role]);
      await db.query(`INSERT INTO "Session" ("sessionToken", "userId", expires, "updatedAt") VALUES ($1, $2, now() + interval '1 day', now())`, [token, id]);
      cookies[role] = token;
    }
    const verdict = await db.query<{ id: string }>(`SELECT id FROM "Verdict" LIMIT 1`);
    const tool = await db.query<{ id: string }>(`SELECT id FROM "Tool" LIMIT 1`);
    const comparison = await db.query<{ id: string }>(`SELECT id FROM "Comparison" LIMIT 1`);
    const reviewer = await db.query<{ id: string }>(`SELECT id FROM "Reviewer" LIMIT 1`);
    sample = { verdicts: verdict.rows[0]!.id, tools: tool.rows[0]!.id, comparisons: comparison.rows[0]!.id, reviewers: reviewer.rows[0]!.id };
  } finally {
    await db.end();
  }
});

test("every admin page has an expected role", () => {
  expect(adminPages()).toEqual(Object.keys(EXPECTED).sort());
});

for (const page of Object.keys(EXPECTED)) {
  for (const role of [null, ...roles] as const) {
    test(`${page} as ${role ?? "signed out"}`, async ({ browser, baseURL }) => {
      const context = await browser.newContext();
      if (role) {
        await context.addCookies([{ name: "authjs.session-token", value: cookies[role]!, url: baseURL! }]);
      }
      // A dynamic segment takes a real id of the collection before it (/admin/tools/[id] → a tool id).
      const url = page.replace(/\/(\w+)\/\[[^\]]+\]/g, (_match, collection: string) => `/${collection}/${sample[collection]!}`);
      const response = await context.request.get(url, { maxRedirects: 0 });
      const allowed = role === "ADMIN" || (role === "STAFF" && EXPECTED[page] === "staff");
      if (role === null) {
        expect(response.status()).toBe(307);
        expect(response.headers().location).toContain("/signin?callbackUrl=");
      } else if (allowed) {
        expect(response.status()).toBe(200);
      } else {
        expect(response.status()).toBe(403);
        expect(await response.text()).toContain("This area is for staff");
      }
      await context.close();
    });
  }
}

/** The build's server actions served only on admin pages, each with one page that serves it. */
function adminActions(): { id: string; name: string; page: string }[] {
  const manifest = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../.next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; exportedName?: string }>;
  };
  return Object.entries(manifest.node).flatMap(([id, entry]) => {
    const workers = Object.keys(entry.workers);
    if (!workers.every((worker) => worker.startsWith("app/admin/"))) return [];
    const worker = workers.find((name) => !name.includes("[")) ?? workers[0]!;
    const page = worker
      .replace(/^app/, "")
      .replace(/\/page$/, "")
      .replace(/\/(\w+)\/\[[^\]]+\]/g, (_match, collection: string) => `/${collection}/${sample[collection]!}`);
    return [{ id, name: entry.exportedName ?? id, page }];
  });
}

// A form posted without JavaScript by a reader who is not staff. Next renders forbidden() thrown
// inside such an action without the root layout (a bare fragment, answered 404), so the action
// sends the reader to the page instead, whose GET answers 403 with the whole site.
test("a reader's plain form post of any admin action is answered by the page's 403, with the whole site", async ({ playwright, baseURL }) => {
  const found = adminActions();
  expect(found.length).toBeGreaterThan(10);
  const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `authjs.session-token=${cookies.USER!}`, origin: new URL(baseURL!).origin } });
  for (const action of found) {
    const boundary = "form";
    const data = `--${boundary}\r\nContent-Disposition: form-data; name="$ACTION_ID_${action.id}"\r\n\r\n\r\n--${boundary}--\r\n`;
    const posted = await request.post(action.page, { headers: { "content-type": `multipart/form-data; boundary=${boundary}` }, data, maxRedirects: 0 });
    expect(posted.status(), `${action.name} at ${action.page}`).toBe(303);
    const location = new URL(posted.headers().location!, baseURL);
    expect(location.pathname, action.name).toMatch(/^\/admin(\/|$)/);
    const page = await request.get(location.pathname);
    expect(page.status(), action.name).toBe(403);
    const html = await page.text();
    expect(html, action.name).toMatch(/^<!DOCTYPE html><html/i);
    expect(html, action.name).toContain("This area is for staff");
  }
  await request.dispose();
});
