import { expect, test } from "@playwright/test";

/**
 * The API's contract, as a client and a reader meet it over HTTP: the OpenAPI
 * document at /api/openapi.json, and its reference at /api/docs rendered by a
 * viewer served from this origin — nothing fetched from another site, no
 * policy violation, in both colour schemes.
 */

test("GET /api/openapi.json is the OpenAPI 3.1 document of the API", async ({ request }) => {
  const response = await request.get("/api/openapi.json");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  const doc = (await response.json()) as { openapi: string; paths: Record<string, Record<string, { operationId: string }>> };
  expect(doc.openapi).toBe("3.1.0");
  expect(doc.paths["/api/tools/{slug}/vote"]?.put?.operationId).toBe("castVote");
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`/api/docs renders every operation from this origin only (${colorScheme})`, async ({ browser, baseURL }) => {
    test.slow();
    const context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    page.on("request", (request) => {
      if (!request.url().startsWith(baseURL!) && !request.url().startsWith("data:")) problems.push(`request to ${request.url()}`);
    });
    await page.goto("/api/docs");
    const reference = page.locator("rapi-doc");
    // The viewer's first render of the whole document takes 15–20 s on a loaded two-core CI machine (it passed in 18 s and failed at 15 s in one run).
    await expect(reference.getByText("Cast or change the reader's vote (and reason)").first()).toBeVisible({ timeout: 40_000 });
    await expect(reference.getByText("Search and list the listed tools").first()).toBeVisible();
    expect(problems).toEqual([]);
    await context.close();
  });
}
