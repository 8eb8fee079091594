import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { expect, test } from "@playwright/test";
import { createPrismaClient } from "../../lib/db/client";
import { createTool } from "../helpers/factories";

/**
 * /tools/<slug>/alternatives as a reader meets it, and the counting of
 * comparison visits behind its "often compared" signal, over HTTP against the
 * production server (docs/decisions/040-alternatives.md).
 */

const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";

test.beforeAll(() => {
  test.skip(!process.env.DATABASE_URL, "needs `npm test` (the database)");
});

test("a reader finds GPT-4o's alternatives from its page, each with why, its figures and a Compare that opens the pair", async ({ page }) => {
  await page.goto("/tools/gpt-4o");
  await page.getByRole("link", { name: "Alternatives to GPT-4o", exact: true }).click();
  await expect(page).toHaveURL(/\/tools\/gpt-4o\/alternatives$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Alternatives to GPT-4o");
  await expect(page.getByText(/^Ranked by points: 4 for the same category/)).toBeVisible();
  await expect(page).toHaveTitle(/Alternatives to GPT-4o/);
  // After a client navigation React swaps the head's canonical link: one, this page's, once it has (a loaded machine saw both for a moment).
  await expect(page.locator('link[rel="canonical"]')).toHaveCount(1);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/tools\/gpt-4o\/alternatives$/);

  const rows = page.locator("[data-alternative]");
  // The seed's other Developer Tools (the order is the integration test's: other specs' votes may move figures here).
  expect((await rows.evaluateAll((items) => items.map((item) => item.getAttribute("data-alternative")))).sort()).toEqual(
    ["claude-4-sonnet", "gemini-2-5-pro", "llama-4", "mistral-large", "smolvlm2-2b"],
  );
  const gemini = page.locator('[data-alternative="gemini-2-5-pro"]');
  await expect(gemini.getByRole("list", { name: "Why Gemini 2.5 Pro is listed" })).toContainText("Same category");
  await expect(gemini.getByRole("list", { name: "Why Gemini 2.5 Pro is listed" })).toContainText("Our editors compared it with GPT-4o");
  await expect(gemini).toContainText("4 of 4 ship");
  await expect(gemini).toContainText("Community");

  // JSON-LD: an ItemList of the rows, in the page's order.
  const jsonLd = (await page.locator('script[type="application/ld+json"]').allTextContents()).map((text) => JSON.parse(text) as Record<string, unknown>);
  const list = jsonLd.find((data) => data["@type"] === "ItemList") as { name: string; numberOfItems: number; itemListElement: { position: number; item: { name: string; url: string } }[] };
  expect(list.name).toBe("Alternatives to GPT-4o");
  expect(list.itemListElement.map((entry) => entry.item.name)).toEqual(await rows.evaluateAll((items) => items.map((item) => item.querySelector("a")!.textContent)));
  expect(list.itemListElement.map((entry) => entry.position)).toEqual([1, 2, 3, 4, 5]);
  expect(list.numberOfItems).toBe(5);

  // One click: the editors' comparison, at its own (canonical) address.
  await gemini.getByRole("link", { name: "Compare GPT-4o with Gemini 2.5 Pro" }).click();
  await expect(page).toHaveURL(/\/compare\/gpt-4o-vs-gemini-2-5-pro$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("GPT-4o vs Gemini 2.5 Pro");
  // A generated pair: the alphabetical address, answered without a redirect.
  const llama = await page.request.get("/tools/gpt-4o/alternatives").then((response) => response.text());
  expect(llama).toContain('href="/compare/gpt-4o-vs-llama-4"');
  expect((await page.request.get("/compare/gpt-4o-vs-llama-4", { maxRedirects: 0 })).status()).toBe(200);
});

test("no alternatives page for an unknown or archived tool: the site's not-found page", async ({ page }) => {
  const client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 1 });
  const archived = await createTool(client, { archived: true }).finally(() => client.$disconnect());
  for (const path of ["/tools/no-such-tool/alternatives", `/tools/${archived.slug}/alternatives`, "/tools/Not_A_Slug/alternatives"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("We couldn't find that page");
  }
});

// ---------------------------------------------------------------- counting, over HTTP, on two nodes of our own

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A node of the app on its own port, writing its counts every `flushSeconds`. */
async function startNode(flushSeconds: number): Promise<{ base: string; child: ChildProcess }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: { ...process.env, PORT: String(port), HOSTNAME: "127.0.0.1", NODE_ID: `visits-${port}`, PAIR_VISITS_FLUSH_SECONDS: String(flushSeconds), JOBS_IN_PROCESS: "false" },
    stdio: "ignore",
  });
  // Ready, as a load balancer would wait for (the database answers and the node hears its own notifications), not only alive:
  // under a loaded CI a node just up may still answer its outage page to a burst.
  for (let i = 0; i < 300; i++) {
    if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { base, child };
}

test("visits of a comparison on two nodes, at once, add up exactly; prefetches, HEAD, crawlers, redirects and 404s do not count", async ({ browser, request }) => {
  test.setTimeout(180_000);
  const client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 2 });
  // Two new tools of one category, so nothing else visits their pair and each is the other's alternative.
  const first = await createTool(client);
  const second = await createTool(client, { categoryId: first.categoryId });
  const [a, b] = [first, second].sort((x, y) => (x.slug < y.slug ? -1 : 1));
  const canonical = `/compare/${a!.slug}-vs-${b!.slug}`;
  const recorded = async () =>
    (await client.comparisonVisit.findMany({ where: { toolAId: [a!.id, b!.id].sort()[0], toolBId: [a!.id, b!.id].sort()[1] }, select: { visits: true } })).reduce(
      (sum, row) => sum + row.visits,
      0,
    );
  // Node 1 writes every half second; node 2 only when it shuts down.
  const [node1, node2] = await Promise.all([startNode(0.5), startNode(3600)]);
  try {
    const get = (base: string, path: string, init: RequestInit = {}) =>
      fetch(base + path, { redirect: "manual", ...init, headers: { "user-agent": BROWSER, ...(init.headers as Record<string, string>) } }).then(async (response) => {
        await response.arrayBuffer();
        return response.status;
      });
    const repeat = <T,>(n: number, make: () => Promise<T>) => Array.from({ length: n }, make);
    const statuses = await Promise.all([
      ...repeat(60, () => get(node1.base, canonical)),
      ...repeat(40, () => get(node2.base, canonical)),
      // Not visits: HEAD, a router prefetch, a crawler, the other order (redirected), an unknown tool, the cache's own path.
      ...repeat(5, () => get(node1.base, canonical, { method: "HEAD" })),
      ...repeat(5, () => get(node2.base, canonical, { headers: { rsc: "1", "next-router-prefetch": "1" } })),
      ...repeat(5, () => get(node1.base, canonical, { headers: { "user-agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)" } })),
      ...repeat(5, () => get(node2.base, `/compare/${b!.slug}-vs-${a!.slug}`)),
      ...repeat(5, () => get(node1.base, `/compare/${a!.slug}-vs-no-such-tool`)),
    ]);
    expect(statuses.slice(0, 100).filter((status) => status !== 200)).toEqual([]);
    expect(statuses.slice(115, 120)).toEqual([308, 308, 308, 308, 308]);
    expect(statuses.slice(120)).toEqual([404, 404, 404, 404, 404]);

    // A client navigation (the RSC payload, no HTML) from the alternatives page counts once.
    const context = await browser.newContext({ userAgent: BROWSER });
    const page = await context.newPage();
    await page.goto(`${node1.base}/tools/${a!.slug}/alternatives`);
    const documents: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "document") documents.push(request.url());
    });
    await page.getByRole("link", { name: `Compare ${a!.name} with ${b!.name}` }).click();
    await expect(page).toHaveURL(new RegExp(`${canonical}$`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText(" vs ");
    expect(documents, "a client navigation, not a page load").toEqual([]);
    await context.close();

    // Node 1's periodic write: its 61 visits, no more.
    await expect.poll(recorded, { timeout: 15_000 }).toBe(61);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await recorded()).toBe(61);

    // Node 2 writes its 40 on shutdown.
    const exited = new Promise((resolve) => node2.child.once("exit", resolve));
    node2.child.kill("SIGTERM");
    await exited;
    expect(await recorded()).toBe(101);

    // An alternatives page rendered now says so (node 1 keeps the copy it cached before the visits until the cache's
    // TTL: visit counts announce nothing; the Playwright server has not rendered this page yet).
    const html = await request.get(`/tools/${a!.slug}/alternatives`).then((response) => response.text());
    expect(html).toContain(`Often compared with ${a!.name}: 101 visits in 90 days`);
  } finally {
    node1.child.kill("SIGTERM");
    node2.child.kill("SIGTERM");
    await client.$disconnect();
  }
});
