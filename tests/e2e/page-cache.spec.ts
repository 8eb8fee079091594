import { createHash, randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { createPrismaClient } from "@/lib/db/client";
import { createSignedInSession } from "../helpers/auth";
import { createTool } from "../helpers/factories";

/**
 * The page cache (the front gate, lib/page-cache): readers of public pages,
 * signed in or not, are answered from it, the same bytes for everyone, its
 * inline scripts allowed by their hashes (ADR 024), and a staff edit shows on
 * the next page load at once, a vote's figures within about a second.
 */

// A generated comparison. This spec votes on minicpm-v; scale-out.spec.ts votes on gemini-2-5-pro and reads the page.
const PAGE = "/compare/gemini-2-5-pro-vs-minicpm-v";
const TOOL = "minicpm-v";

/** An answer from a stored entry: current ("hit"), or with figures a vote has since moved ("stale", ADR 021). */
const fromCache = (answer: string | undefined) => answer === "hit" || answer === "stale";

/** Fetches until the cache answers (another spec's write may drop the page in between). */
async function cachedGet(request: APIRequestContext, path: string) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const response = await request.get(path, { maxRedirects: 0 });
    if (fromCache(response.headers()["x-page-cache"])) return response;
  }
  throw new Error(`${path} never came from the cache`);
}

/** The script hashes a policy names. */
const hashesOf = (policy: string | undefined) => new Set([...(policy ?? "").matchAll(/'sha256-([^']+)'/g)].map((match) => match[1]!));
/** The SHA-256 of each executable inline script of a page, as the browser computes it. */
const inlineScripts = (html: string) =>
  [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter(([, attributes]) => !/\ssrc=/.test(attributes!) && !attributes!.includes("application/ld+json"))
    .map(([, , text]) => createHash("sha256").update(text!, "utf8").digest("base64"));

/** The text of a tool's community block on a comparison page. */
function communityText(html: string, slug: string): string {
  const start = html.indexOf(`data-testid="vote-${slug}"`);
  expect(start).toBeGreaterThan(-1);
  // Up to the next tool's block (or a little past this one's when it is the last).
  const next = html.indexOf('data-testid="vote-', start + 20);
  return html.slice(start, next === -1 ? start + 3_000 : next).replace(/<[^>]*>/g, " ").replace(/\s+/g, " ");
}

test.beforeAll(() => {
  test.skip(!process.env.DATABASE_URL, "needs `npm test` (the database)");
});

test("signed-out readers get the cached page: the same bytes for everyone, every inline script allowed by its hash and nothing else", async ({ request }) => {
  const first = await cachedGet(request, PAGE);
  const second = await cachedGet(request, PAGE);
  const [body, again] = [await first.text(), await second.text()];
  const policy = first.headers()["content-security-policy"]!;
  const scripts = inlineScripts(body);
  expect(scripts.length).toBeGreaterThanOrEqual(2);
  // Each inline script is named by its hash, and the policy names no other script and no nonce.
  expect(hashesOf(policy)).toEqual(new Set(scripts));
  expect(policy).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/);
  expect(/script-src [^;]*/.exec(policy)![0]).not.toMatch(/nonce-|unsafe-inline|unsafe-eval|strict-dynamic/);
  // A figure refresh between the two reads may change the page; when it did not, the bytes and the policy are the same.
  if (body === again) expect(second.headers()["content-security-policy"]).toBe(policy);
  expect(first.headers()["x-content-type-options"]).toBe("nosniff");
  // A shared cache in front may keep it for a second (deploy/nginx.conf); the address also answers RSC requests.
  expect(first.headers()["cache-control"]).toBe("public, max-age=0, s-maxage=1, stale-while-revalidate=1");
  expect(first.headers()["vary"]).toContain("rsc");
  expect(first.headers()["vary"]).toContain("Cookie");
});

test("the cached page goes out compressed when the reader accepts it, compressed once rather than per answer", async ({ request }) => {
  await cachedGet(request, PAGE);
  for (const [accept, encoding] of [["gzip, deflate, br", "br"], ["gzip", "gzip"], ["identity", undefined]] as const) {
    const response = await request.get(PAGE, { headers: { "accept-encoding": accept } });
    expect(response.status()).toBe(200);
    expect(response.headers()["content-encoding"], accept).toBe(encoding);
    // Playwright decodes it: the page is whole.
    expect(await response.text()).toContain("</html>");
  }
});

test("in a browser, the cached page's scripts all run under its hashed policy: no violation, and the page comes alive", async ({ page, request }) => {
  await cachedGet(request, PAGE);
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`));
  });
  const response = await page.goto(PAGE);
  expect(fromCache(response!.headers()["x-page-cache"]) || response!.headers()["x-page-cache"] === "miss").toBe(true);
  expect(response!.headers()["content-security-policy"]).toContain("'sha256-");
  // Hydrated: the vote buttons answer (they lead a signed-out reader to sign in).
  await page.getByTestId(`vote-${TOOL}`).getByRole("button", { name: /ship/i }).first().click();
  await expect(page).toHaveURL(/\/signin/);
  expect(violations).toEqual([]);
});

test("a redirect is cached with its status and target", async ({ request }) => {
  const response = await cachedGet(request, "/compare/minicpm-v-vs-gemini-2-5-pro");
  expect(response.status()).toBe(308);
  expect(response.headers()["location"]).toBe(PAGE);
});

// A vote moves figures: a page showing them is rendered again at most once a second
// (PAGE_CACHE_FIGURE_REFRESH_MS), so it is at most that plus one render behind.
const FIGURES_BEHIND_MS = 2_000;

test("a vote shows on a reader's next page load within about a second", async ({ request, baseURL }) => {
  const { cookie } = await createSignedInSession();
  const before = communityText(await (await cachedGet(request, PAGE)).text(), TOOL);

  const sent = Date.now();
  const vote = await request.put(`/api/tools/${TOOL}/vote`, { headers: { cookie, origin: baseURL! }, data: { decision: "ship" } });
  expect(vote.status()).toBe(200);
  const { data } = (await vote.json()) as { data: { scores: { community: { total: number } } } };

  let after = before;
  let tookMs = 0;
  while (after === before) {
    tookMs = Date.now() - sent;
    expect(tookMs, "the cached page still showed the figures from before the vote").toBeLessThan(FIGURES_BEHIND_MS);
    after = communityText(await (await request.get(PAGE)).text(), TOOL);
  }
  expect(after).toContain(`${data.scores.community.total} vote`);
  test.info().annotations.push({ type: "vote → fresh page", description: `${tookMs} ms` });

  const withdrawn = await request.delete(`/api/tools/${TOOL}/vote`, { headers: { cookie, origin: baseURL! } });
  expect(withdrawn.status()).toBe(200);
});

test("signed-in readers get the same cached page as everyone; what is their own comes from /api/me, never from the shared cache", async ({ baseURL, playwright }) => {
  const alice = await createSignedInSession();
  const bob = await createSignedInSession();
  // A comparison of two tools of its own: tests here run in parallel, and other votes would move its figures.
  const client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 1 });
  const [toolA, toolB] = [await createTool(client), await createTool(client)];
  await client.$disconnect();
  const as = (cookie: string | null) => playwright.request.newContext({ baseURL, extraHTTPHeaders: cookie ? { cookie } : {} });
  const [aliceApi, bobApi, anonymous] = await Promise.all([as(alice.cookie), as(bob.cookie), as(null)]);
  // The pair's canonical address (a 308 points there from the other order).
  const page = new URL((await anonymous.get(`/compare/${toolA.slug}-vs-${toolB.slug}`)).url()).pathname;
  const vote = async (api: APIRequestContext, decision: "ship" | "skip" | null) => {
    const response = decision
      ? await api.put(`/api/tools/${toolA.slug}/vote`, { headers: { origin: baseURL! }, data: { decision } })
      : await api.delete(`/api/tools/${toolA.slug}/vote`, { headers: { origin: baseURL! } });
    expect(response.status()).toBe(200);
  };
  await vote(aliceApi, "ship");
  await vote(bobApi, "skip");
  try {
    // The copies must be the same bytes, but for the shell's first-paint hint, with the same policy.
    const normalise = (html: string) => html.replace('data-viewer="member"', 'data-viewer="guest"');
    let pages: { cache: string | undefined; html: string }[] = [];
    for (let attempt = 0; attempt < 20; attempt++) {
      pages = await Promise.all(
        [aliceApi, bobApi, anonymous].map(async (api) => {
          const response = await api.get(page, { maxRedirects: 0 });
          const html = await response.text();
          if (response.headers()["x-page-cache"]) {
            expect(hashesOf(response.headers()["content-security-policy"])).toEqual(new Set(inlineScripts(html)));
            // A signed-in reader's copy is never for a shared cache.
            expect(response.headers()["cache-control"]).toBe(api === anonymous ? "public, max-age=0, s-maxage=1, stale-while-revalidate=1" : "private, no-cache");
          }
          return { cache: response.headers()["x-page-cache"], html };
        }),
      );
      // A refresh of the page between the three reads (the votes above moved its figures) makes them differ: read again.
      if (pages.every((page) => fromCache(page.cache)) && new Set(pages.map((page) => normalise(page.html))).size === 1) break;
    }
    const [aliceHtml, bobHtml, anonymousHtml] = pages.map((page) => page.html) as [string, string, string];
    expect(pages.map((page) => fromCache(page.cache)), "every reader is answered from the cache").toEqual([true, true, true]);
    expect(normalise(aliceHtml)).toBe(normalise(bobHtml));
    expect(normalise(aliceHtml)).toBe(normalise(anonymousHtml));
    expect(aliceHtml).toContain('data-viewer="member"');
    expect(anonymousHtml).toContain('data-viewer="guest"');
    for (const html of [aliceHtml, bobHtml, anonymousHtml]) {
      for (const secret of [alice.user.email!, bob.user.email!, alice.user.id, bob.user.id, alice.sessionToken, bob.sessionToken]) expect(html).not.toContain(secret);
    }

    // Each reader's own part: private, never cached, and only theirs.
    const me = async (api: APIRequestContext) => {
      const response = await api.get("/api/me");
      expect(response.headers()["cache-control"]).toContain("no-store");
      expect(response.headers()["x-page-cache"]).toBeUndefined();
      return ((await response.json()) as { data: { user: { staff: boolean } | null; votes: Record<string, string> } }).data;
    };
    expect(await me(aliceApi)).toMatchObject({ user: { staff: false }, votes: { [toolA.slug]: "ship" } });
    expect(await me(bobApi)).toMatchObject({ user: { staff: false }, votes: { [toolA.slug]: "skip" } });
    expect(await me(anonymous)).toEqual({ user: null, votes: {}, follows: [] });
    expect(JSON.stringify(await me(aliceApi))).not.toContain(alice.user.email!);
  } finally {
    await vote(aliceApi, null);
    await vote(bobApi, null);
    await Promise.all([aliceApi, bobApi, anonymous].map((api) => api.dispose()));
  }
});

test("a site-wide change (announced on content_changed) drops cached pages at once", async ({ request }) => {
  // A comparison of two tools of its own: tests here and in scale-out.spec.ts vote on PAGE's tools, and a
  // vote makes the stored page due for a refresh render that would pick up the unannounced edit below.
  const client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 1 });
  const [toolA, toolB] = [await createTool(client), await createTool(client)];
  await client.$disconnect();
  const page = new URL((await request.get(`/compare/${toolA.slug}-vs-${toolB.slug}`)).url()).pathname;
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    await cachedGet(request, page);
    const marker = `Cache check ${randomBytes(4).toString("hex")}`;
    await db.query(`UPDATE "Tool" SET tagline = $1 WHERE slug = $2`, [marker, toolA.slug]);
    // Without an announcement the cache cannot know: it keeps answering until one comes.
    const unannounced = await request.get(page);
    expect(unannounced.headers()["x-page-cache"]).toBe("hit");
    expect(await unannounced.text()).not.toContain(marker);
    await db.query(`SELECT pg_notify('content_changed', '{"kind":"site"}')`);
    await expect.poll(async () => (await (await request.get(page)).text()).includes(marker), { timeout: 1_000, intervals: [20] }).toBe(true);
  } finally {
    await db.end();
  }
});

test("public pages run their scripts under the policy: no CSP violation, and the live layer connects", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  for (const path of ["/", "/tools", "/compare", "/reviewers", `/tools/${TOOL}`, "/signin"]) {
    await page.goto(path);
  }
  await page.goto(PAGE);
  await expect(page.locator('[data-live-connection="open"]')).toBeAttached();
  expect(violations).toEqual([]);
});

test("a client navigation and a prefetch get the RSC payload, never the cached HTML: clicking a link on a cached page does not reload it", async ({ page, request }) => {
  await cachedGet(request, "/tools");
  await cachedGet(request, "/compare");
  const documents: string[] = [];
  const rsc: { url: string; type: string; cache: string | undefined }[] = [];
  page.on("response", (response) => {
    const type = response.headers()["content-type"] ?? "";
    if (response.request().resourceType() === "document") documents.push(response.url());
    else if (response.request().headers()["rsc"]) rsc.push({ url: response.url(), type, cache: response.headers()["x-page-cache"] });
  });
  await page.goto("/tools");
  expect(documents).toHaveLength(1);
  // A marker on the window survives a client navigation and is lost by a full reload.
  await page.evaluate(() => ((window as unknown as { __marker: string }).__marker = "still here"));
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Compare" }).click();
  await expect(page).toHaveURL(/\/compare$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Compare AI tools");
  expect(await page.evaluate(() => (window as unknown as { __marker?: string }).__marker)).toBe("still here");
  expect(documents, "the navigation fetched an HTML document").toHaveLength(1);
  expect(rsc.length, "no RSC request was made").toBeGreaterThan(0);
  for (const answer of rsc) {
    expect(answer.type, `${answer.url} answered with ${answer.type}`).toContain("text/x-component");
    expect(answer.cache, `${answer.url} came from the page cache`).toBeUndefined();
  }
});

test("query parameters a page does not read are dropped by a redirect, so they cannot multiply renders or cache entries", async ({ request, baseURL }) => {
  const target = (location: string | undefined) => {
    const url = new URL(location!, baseURL);
    return url.pathname + url.search;
  };
  const bust = await request.get(`/?bust=${randomBytes(4).toString("hex")}`, { maxRedirects: 0 });
  expect(bust.status()).toBe(308);
  expect(target(bust.headers()["location"])).toBe("/");
  const directory = await request.get("/tools?sort=community&utm_source=x", { maxRedirects: 0 });
  expect(directory.status()).toBe(308);
  expect(target(directory.headers()["location"])).toBe("/tools?sort=community");
  // The same parameters in another order are one cache entry.
  await cachedGet(request, "/tools?sort=name&q=code");
  // Other specs vote meanwhile (this page lists every tool), so the one entry may be current or stale: either way, stored.
  expect(fromCache((await request.get("/tools?q=code&sort=name")).headers()["x-page-cache"])).toBe(true);
});
