import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { XMLParser, XMLValidator } from "fast-xml-parser";

const SEED = "/compare/claude-4-sonnet-vs-smolvlm2-2b";
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(body: Buffer) {
  expect(body.subarray(0, 8).equals(PNG_SIGNATURE), "PNG signature").toBe(true);
  expect(body.toString("ascii", 12, 16)).toBe("IHDR");
  return { width: body.readUInt32BE(16), height: body.readUInt32BE(20) };
}

async function metaContent(page: Page, selector: string) {
  const content = await page.locator(selector).getAttribute("content");
  expect(content, selector).toBeTruthy();
  return content!;
}

/** Follows a page's og:image: it must be on this site and answer a 1200×630 PNG. */
async function ogImageOf(page: Page, request: APIRequestContext, path: string, baseURL: string) {
  const response = await page.goto(path);
  expect(response?.status()).toBe(200);
  const url = await metaContent(page, 'meta[property="og:image"]');
  expect(new URL(url).origin).toBe(new URL(baseURL).origin);
  expect(await metaContent(page, 'meta[property="og:image:width"]')).toBe("1200");
  expect(await metaContent(page, 'meta[property="og:image:height"]')).toBe("630");
  expect(await metaContent(page, 'meta[name="twitter:card"]')).toBe("summary_large_image");
  const image = await request.get(url);
  expect(image.status()).toBe(200);
  expect(image.headers()["content-type"]).toBe("image/png");
  const body = await image.body();
  expect(pngSize(body)).toEqual({ width: 1200, height: 630 });
  return { url, body };
}

test.describe("share images", () => {
  test("a curated comparison's og:image is a 1200×630 PNG", async ({ page, request, baseURL }, testInfo) => {
    const { body } = await ogImageOf(page, request, SEED, baseURL!);
    await testInfo.attach("comparison-og-image", { body, contentType: "image/png" });
  });

  test("a generated comparison (any two listed tools) and a tool have one too", async ({ page, request, baseURL }, testInfo) => {
    const pair = await ogImageOf(page, request, "/compare/aider-vs-whisper", baseURL!);
    await testInfo.attach("generated-comparison-og-image", { body: pair.body, contentType: "image/png" });
    const tool = await ogImageOf(page, request, "/tools/smolvlm2-2b", baseURL!);
    await testInfo.attach("tool-og-image", { body: tool.body, contentType: "image/png" });
    const home = await ogImageOf(page, request, "/", baseURL!);
    expect(home.url).not.toBe(tool.url);
  });

  test("answers 404, not an image, for a reversed, refused or unknown pair and an unknown tool", async ({ page, request }) => {
    await page.goto(SEED);
    const imagePath = new URL(await metaContent(page, 'meta[property="og:image"]')).pathname; // /compare/<slug>/opengraph-image-<hash>
    const suffix = imagePath.slice(imagePath.lastIndexOf("/"));
    for (const slug of ["smolvlm2-2b-vs-claude-4-sonnet", "cursor-vs-cursor", "cursor-vs-no-such-tool", "not-a-pair"]) {
      const response = await request.get(`/compare/${slug}${suffix}`);
      expect(response.status(), slug).toBe(404);
      expect(response.headers()["content-type"], slug).not.toMatch(/^image\//);
    }
    await page.goto("/tools/smolvlm2-2b");
    const toolImage = new URL(await metaContent(page, 'meta[property="og:image"]')).pathname;
    const response = await request.get(toolImage.replace("/tools/smolvlm2-2b/", "/tools/no-such-tool/"));
    expect(response.status()).toBe(404);
  });
});

test.describe("crawlers and feeds", () => {
  test("sitemap.xml is XML listing the seed comparison and tools", async ({ request, baseURL }) => {
    const response = await request.get("/sitemap.xml");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^application\/xml/);
    const xml = await response.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const locs = [new XMLParser().parse(xml).urlset.url].flat().map((url: { loc: string }) => url.loc);
    expect(locs).toContain(`${baseURL}${SEED}`);
    expect(locs).toContain(`${baseURL}/tools/smolvlm2-2b`);
  });

  test("robots.txt is plain text pointing at the sitemap and keeping crawlers out of private areas", async ({ request, baseURL }) => {
    const response = await request.get("/robots.txt");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
    for (const path of ["/admin", "/api/", "/account", "/signin"]) expect(text).toContain(`Disallow: ${path}`);
  });

  test("every page announces the Atom feed, which is served as Atom", async ({ page, request }) => {
    await page.goto("/");
    const href = await page.locator('link[rel="alternate"][type="application/atom+xml"]').getAttribute("href");
    expect(href).toMatch(/\/feed\.xml$/);
    const response = await request.get(new URL(href!).pathname);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
    expect(XMLValidator.validate(await response.text())).toBe(true);
  });

  test("the badge is an SVG image", async ({ request }) => {
    const response = await request.get("/api/tools/smolvlm2-2b/badge.svg");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^image\/svg\+xml/);
    expect(await response.text()).toMatch(/<title>Ship or Skip: panel 75% · community [^<]+<\/title>/);
  });
});

test.describe("structured data", () => {
  const jsonLd = async (page: Page) => JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "null");

  test("a tool page carries a SoftwareApplication with its verdicts as reviews", async ({ page }) => {
    await page.goto("/tools/smolvlm2-2b");
    const data = await jsonLd(page);
    expect(data).toMatchObject({ "@context": "https://schema.org", "@type": "SoftwareApplication", name: "SmolVLM2-2B", author: { "@type": "Organization", name: "Hugging Face" } });
    expect(data.review).toHaveLength(4);
    expect(data.review.map((review: { name: string }) => review.name)).toContain("Daniel Okafor: Skip");
    expect(data.aggregateRating).toBeUndefined();
  });

  test("a comparison page carries an Article about both tools", async ({ page }) => {
    await page.goto(SEED);
    const data = await jsonLd(page);
    expect(data["@type"]).toBe("Article");
    expect(data.about.map((tool: { name: string }) => tool.name)).toEqual(["Claude 4 Sonnet", "SmolVLM2-2B"]);
  });
});
