import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as badgeRoute } from "@/app/api/tools/[slug]/badge.svg/route";
import { GET as feedRoute } from "@/app/feed.xml/route";
import sitemap from "@/app/sitemap";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { site } from "@/lib/site/config";
import { absoluteUrl } from "@/lib/site/urls";
import { setVote } from "@/lib/votes/writes";
import { createSignedInUser } from "../helpers/auth";
import { createComparedPair, createComparison, createReviewer, createTool } from "../helpers/factories";

let client: PrismaClient;
/** Published comparisons of this file's own tools (the sitemap and the feed must list them). */
let published: { slug: string }[];
beforeAll(async () => {
  client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 4 });
  published = [];
  for (let i = 0; i < 3; i++) published.push(await createComparison(client, { toolA: await createTool(client), toolB: await createTool(client) }));
});
afterAll(() => client.$disconnect());

/** What the database says is public: listed tools, and published comparisons of two listed tools. */
async function publicRows() {
  const [tools, comparisons, reviewers] = await Promise.all([
    client.tool.findMany({ where: { archivedAt: null }, select: { slug: true, categoryId: true } }),
    client.comparison.findMany({
      where: { status: "PUBLISHED", toolA: { archivedAt: null }, toolB: { archivedAt: null } },
      select: { slug: true, publishedAt: true },
      orderBy: [{ publishedAt: "desc" }, { slug: "asc" }],
    }),
    client.reviewer.findMany({ where: { active: true }, select: { slug: true } }),
  ]);
  return { tools, comparisons, reviewers };
}

/** Archives a tool for the length of `body`, whatever happens in it. */
async function withArchived<T>(slug: string, body: () => Promise<T>): Promise<T> {
  await client.tool.update({ where: { slug }, data: { archivedAt: new Date() } });
  try {
    return await body();
  } finally {
    await client.tool.update({ where: { slug }, data: { archivedAt: null } });
  }
}

/** Tool M compared with F, and F with T: archiving M takes only the first comparison away. */
async function comparedTrio() {
  const [m, f, t] = [await createTool(client), await createTool(client), await createTool(client)];
  const withM = await createComparison(client, { toolA: m, toolB: f });
  const withoutM = await createComparison(client, { toolA: f, toolB: t });
  return { m, f, withM, withoutM };
}

describe("sitemap.xml", () => {
  it("lists the fixed pages, every listed tool, every published comparison and every active reviewer, with absolute URLs and dates", async () => {
    const entries = await sitemap();
    const urls = entries.map((entry) => entry.url);
    const rows = await publicRows();
    expect(rows.comparisons.length).toBeGreaterThanOrEqual(published.length);
    for (const { slug } of published) expect(rows.comparisons.map((c) => c.slug)).toContain(slug);
    for (const path of ["/", "/tools", "/compare", "/reviewers"]) expect(urls).toContain(absoluteUrl(path));
    for (const { slug } of rows.comparisons) expect(urls).toContain(absoluteUrl(`/compare/${slug}`));
    for (const { slug } of rows.tools) expect(urls).toContain(absoluteUrl(`/tools/${slug}`));
    for (const { slug } of rows.reviewers) expect(urls).toContain(absoluteUrl(`/reviewers/${slug}`));
    // A tool's alternatives, when another listed tool shares its category (its page is never empty then).
    const withSiblings = rows.tools.filter((tool) => rows.tools.some((other) => other.slug !== tool.slug && other.categoryId === tool.categoryId));
    expect(withSiblings.map((tool) => tool.slug)).toContain("gpt-4o");
    for (const tool of rows.tools) {
      expect(urls.includes(absoluteUrl(`/tools/${tool.slug}/alternatives`)), tool.slug).toBe(withSiblings.includes(tool));
    }
    expect(urls).toHaveLength(4 + rows.comparisons.length + rows.tools.length + withSiblings.length + rows.reviewers.length);
    expect(new Set(urls).size).toBe(urls.length);
    for (const entry of entries) expect(entry.lastModified).toBeInstanceOf(Date);
  });

  it("leaves out archived tools and their comparisons, drafts, generated pairs and inactive reviewers", async () => {
    const draft = await createComparison(client, { toolA: await createTool(client), toolB: await createTool(client), status: "DRAFT" });
    const [x, y] = [await createTool(client), await createTool(client)];
    const generated = [x.slug, y.slug].sort().join("-vs-");
    const gone = await createReviewer(client, { active: false });
    const { m, f, withM, withoutM } = await comparedTrio();
    const urls = await withArchived(m.slug, async () => (await sitemap()).map((entry) => entry.url));
    expect(urls).not.toContain(absoluteUrl(`/tools/${m.slug}`));
    expect(urls).not.toContain(absoluteUrl(`/tools/${m.slug}/alternatives`));
    expect(urls).not.toContain(absoluteUrl(`/compare/${withM.slug}`));
    expect(urls).toContain(absoluteUrl(`/tools/${f.slug}`));
    expect(urls).toContain(absoluteUrl(`/compare/${withoutM.slug}`));
    expect(urls).toContain(absoluteUrl(`/tools/${x.slug}`));
    expect(urls).not.toContain(absoluteUrl(`/compare/${draft.slug}`));
    expect(urls).not.toContain(absoluteUrl(`/compare/${generated}`));
    expect(urls).not.toContain(absoluteUrl(`/reviewers/${gone.slug}`));
    // Back once the tool is listed again.
    expect((await sitemap()).map((entry) => entry.url)).toContain(absoluteUrl(`/compare/${withM.slug}`));
  });
});

describe("GET /feed.xml", () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", trimValues: false, isArray: (name) => name === "entry" || name === "link" });

  async function readFeed() {
    const response = await feedRoute();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    expect(response.headers.get("cache-control")).toMatch(/^public, max-age=\d+/);
    const xml = await response.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    return parser.parse(xml).feed as {
      "@xmlns": string;
      title: { "#text": string };
      link: { "@rel": string; "@href": string }[];
      entry: { id: string; title: { "#text": string }; link: { "@href": string }[]; published: string; updated: string; summary: { "#text": string } }[];
    };
  }

  it("is well-formed Atom listing every published comparison, newest first", async () => {
    // The seed page's shape: the panel ships A 4 of 4 and B 3 of 4.
    const reviewed = await createComparedPair(client, { names: ["Quillfeather", "Brassmoth"] });
    const feed = await readFeed();
    expect(feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(feed.title["#text"]).toContain(site.name);
    expect(feed.link.find((link) => link["@rel"] === "self")?.["@href"]).toBe(absoluteUrl("/feed.xml"));
    const rows = await publicRows();
    expect(feed.entry.map((entry) => entry.link[0]!["@href"])).toEqual(rows.comparisons.map(({ slug }) => absoluteUrl(`/compare/${slug}`)));
    const published = feed.entry.map((entry) => Date.parse(entry.published));
    expect(published).toEqual([...published].sort((a, b) => b - a));
    expect(new Set(feed.entry.map((entry) => entry.id)).size).toBe(feed.entry.length);
    for (const entry of feed.entry) {
      expect(entry.id).toMatch(/^tag:[^,]+,\d{4}-\d{2}-\d{2}:comparison:\w+$/);
      expect(Date.parse(entry.updated)).toBeGreaterThanOrEqual(Date.parse(entry.published));
    }
    const pair = feed.entry.find((entry) => entry.link[0]!["@href"].endsWith(`/compare/${reviewed.comparison!.slug}`))!;
    expect(pair.title["#text"]).toMatch(/^Quillfeather vs Brassmoth/);
    expect(pair.summary["#text"]).toContain("Panel ship: Quillfeather 100% (4 of 4 ship); Brassmoth 75% (3 of 4 ship).");
  });

  it("stays well-formed when a headline holds markup, ampersands, quotes and control characters", async () => {
    const hostile = `Fast & "cheap" </title><script>alert('x')</script> ]]> \u0001\u001b done`;
    const [a, b] = [await createTool(client, { name: "Whistlereed" }), await createTool(client, { name: "Tenfold Voice" })];
    const comparison = await createComparison(client, { toolA: a, toolB: b, headline: hostile });
    const feed = await readFeed();
    const entry = feed.entry.find((e) => e.link[0]!["@href"].endsWith(`/compare/${comparison.slug}`))!;
    expect(entry.title["#text"]).toBe(`Whistlereed vs Tenfold Voice: ${hostile.replace(/[\u0001\u001b]/g, "")}`);
  });

  it("drops a comparison once one of its tools is archived", async () => {
    const { m, withM, withoutM } = await comparedTrio();
    expect((await readFeed()).entry.map((entry) => entry.link[0]!["@href"])).toContain(absoluteUrl(`/compare/${withM.slug}`));
    const links = await withArchived(m.slug, async () => (await readFeed()).entry.map((entry) => entry.link[0]!["@href"]));
    expect(links).not.toContain(absoluteUrl(`/compare/${withM.slug}`));
    expect(links).toContain(absoluteUrl(`/compare/${withoutM.slug}`));
  });
});

describe("GET /api/tools/:slug/badge.svg", () => {
  const badge = (slug: string) => badgeRoute(new Request(`http://localhost/api/tools/${slug}/badge.svg`), { params: Promise.resolve({ slug }) });
  const title = (svg: string) => /<title>([^<]*)<\/title>/.exec(svg)?.[1];

  it("is an SVG with the tool's panel and community figures", async () => {
    const { toolB } = await createComparedPair(client, { comparison: null }); // panel 3 of 4 ship
    const response = await badge(toolB.slug);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    const svg = await response.text();
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    expect(title(svg)).toBe(`${site.name}: panel 75% · community —`);
  });

  it("follows the counters as votes come in: a count while provisional, a share once established", async () => {
    const { toolA } = await createComparedPair(client, { comparison: null });
    const slug = toolA.slug;
    const users = await Promise.all(Array.from({ length: 5 }, () => createSignedInUser(client)));
    await setVote(users[0]!.user.id, slug, "ship");
    const panel = (await client.toolStats.findFirstOrThrow({ where: { tool: { slug } } })).panelTotal;
    expect(panel).toBeGreaterThan(0);
    const after1 = title(await (await badge(slug)).text());
    expect(after1).toMatch(/· community 1 vote$/);
    await setVote(users[1]!.user.id, slug, "ship");
    await setVote(users[2]!.user.id, slug, "ship");
    await setVote(users[3]!.user.id, slug, "skip");
    await setVote(users[4]!.user.id, slug, "skip");
    expect(title(await (await badge(slug)).text())).toMatch(/· community 60%$/);
    await setVote(users[4]!.user.id, slug, null);
    expect(title(await (await badge(slug)).text())).toMatch(/· community 4 votes$/);
  });

  it.each(["no-such-tool", "UPPER", "../etc/passwd"])("answers 404 with a 'tool not listed' badge for %s", async (slug) => {
    const response = await badge(slug);
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
    expect(title(await response.text())).toBe(`${site.name}: tool not listed`);
  });

  it("answers 404 for an archived tool", async () => {
    const { slug } = await createTool(client);
    const status = await withArchived(slug, async () => (await badge(slug)).status);
    expect(status).toBe(404);
    expect((await badge(slug)).status).toBe(200);
  });
});
