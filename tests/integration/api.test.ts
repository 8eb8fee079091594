import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getComparisonRoute } from "@/app/api/comparisons/[slug]/route";
import { GET as getToolRoute } from "@/app/api/tools/[slug]/route";
import { GET as listToolsRoute } from "@/app/api/tools/route";
import { comparisonDetailResponse } from "@/lib/comparisons/schema";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import type { Category, Tool } from "@/lib/generated/prisma/client";
import { toolDetailResponse, toolListResponse } from "@/lib/tools/schema";
import { createCategory, createComparedPair, createTool, createVotes } from "../helpers/factories";

const base = "http://localhost/api";
const params = (slug: string) => ({ params: Promise.resolve({ slug }) });

let client: PrismaClient;
beforeAll(() => {
  client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 2 });
});
afterAll(() => client.$disconnect());

describe("GET /api/tools", () => {
  let category: Category;
  let inCategory: Tool[];
  beforeAll(async () => {
    category = await createCategory(client);
    // Enough tools for several pages, whatever else the catalogue holds.
    inCategory = [];
    for (let i = 0; i < 6; i++) inCategory.push(await createTool(client, { categoryId: category.id }));
    await createTool(client, { archived: true, categoryId: category.id });
  });

  it("lists the catalogue in pages, with computed scores", async () => {
    const response = await listToolsRoute(new Request(`${base}/tools?pageSize=5`));
    expect(response.status).toBe(200);
    const body = toolListResponse.parse(await response.json());
    expect(body.data).toHaveLength(5);
    expect(body.total).toBe(await client.tool.count({ where: { archivedAt: null } }));
    expect(body.total).toBeGreaterThanOrEqual(inCategory.length);
    expect(body.totalPages).toBe(Math.ceil(body.total / 5));
    expect(body.data.map((t) => t.name)).toEqual([...body.data.map((t) => t.name)].sort((a, b) => a.localeCompare(b)));
  });

  it("pages are disjoint and together cover every tool once", async () => {
    const first = toolListResponse.parse(await (await listToolsRoute(new Request(`${base}/tools?pageSize=100`))).json());
    const slugs: string[] = [];
    for (let page = 1; page <= Math.ceil(first.total / 4); page++) {
      const body = toolListResponse.parse(await (await listToolsRoute(new Request(`${base}/tools?pageSize=4&page=${page}`))).json());
      slugs.push(...body.data.map((t) => t.slug));
    }
    expect(slugs).toEqual(first.data.map((t) => t.slug));
  });

  it("filters by category", async () => {
    const body = toolListResponse.parse(await (await listToolsRoute(new Request(`${base}/tools?category=${category.slug}`))).json());
    expect(body.data.length).toBeGreaterThan(0);
    expect(body.data.every((t) => t.category.slug === category.slug)).toBe(true);
    expect(body.data.map((t) => t.slug).sort()).toEqual(inCategory.map((t) => t.slug).sort());
  });
  it.each([
    ["page=0", "page"],
    ["page=abc", "page"],
    ["pageSize=1000", "pageSize"],
    ["category=Not%20A%20Slug", "category"],
  ])("answers 400 with the zod issue for ?%s", async (query, path) => {
    const response = await listToolsRoute(new Request(`${base}/tools?${query}`));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe("invalid_request");
    expect(body.error.issues[0].path).toBe(path);
    expect(body.error.issues[0].message).toEqual(expect.any(String));
  });
});

describe("GET /api/tools/:slug", () => {
  it("returns the tool with its verdicts, comparisons and scores", async () => {
    const { toolB: b, comparison } = await createComparedPair(client, { names: ["Lanternfish", "Marrowbyte 2B"] });
    const response = await getToolRoute(new Request(`${base}/tools/${b.slug}`), params(b.slug));
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as { data: unknown };
    const tool = toolDetailResponse.parse(data);
    expect(tool.name).toBe("Marrowbyte 2B");
    expect(tool.scores.panel).toMatchObject({ ship: 3, total: 4, percent: 75, label: "75%", split: "3 of 4 ship" });
    expect(tool.scores.community).toMatchObject({ total: 0, label: "—", status: "none" });
    expect(tool.verdicts).toHaveLength(4);
    expect(tool.comparisons.map((c) => c.slug)).toContain(comparison!.slug);
  });

  it.each(["no-such-tool", "../../etc/passwd", "UPPER"])("answers 404 with a JSON error for %s", async (slug) => {
    const response = await getToolRoute(new Request(`${base}/tools/x`), params(slug));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "not_found", message: `Tool "${slug}" not found` } });
  });
});

describe("GET /api/comparisons/:slug", () => {
  const getComparison = (slug: string) => getComparisonRoute(new Request(`${base}/comparisons/x`), params(slug));

  it("returns both tools, the split and the scorecard with live scores", async () => {
    // The seed page's shape: A 4 of 4 ship; B 3 of 4, the "Business & buyer" reviewer skips.
    const { comparison } = await createComparedPair(client, { names: ["Quillfeather", "Brassmoth"] });
    const response = await getComparison(comparison!.slug);
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as { data: unknown };
    const parsed = comparisonDetailResponse.parse(data);
    expect(parsed.title).toBe("Quillfeather vs Brassmoth");
    expect(parsed.tools.map((t) => t.scores.panel.label)).toEqual(["100%", "75%"]);
    expect(parsed.tools.map((t) => t.scores.community.label)).toEqual(["—", "—"]);
    expect(parsed.scorecard).toHaveLength(8);
    expect(parsed.split.filter((row) => row.differs).map((row) => row.reviewer.lens)).toEqual(["Business & buyer"]);
    // No picks written: the bottom line is generated from these figures, and says which way the panel leans in counts.
    expect(parsed.bottomLine).toMatchObject({ picks: null, split: "Reviewers split on 1 of 4" });
    expect(parsed.bottomLine.generated).toMatch(/^The panel leans Quillfeather: 4 of 4 ship, against 3 of 4 ship for Brassmoth\./);

    // Staff's picks replace the generated line.
    await client.comparison.update({ where: { id: comparison!.id }, data: { pickA: "you want a quill.", pickB: "you want a moth." } });
    const picked = comparisonDetailResponse.parse(((await (await getComparison(comparison!.slug)).json()) as { data: unknown }).data);
    expect(picked.bottomLine).toEqual({ picks: { a: "you want a quill.", b: "you want a moth." }, generated: null, split: "Reviewers split on 1 of 4" });
  });

  it("reflects a counter change on the next request (no stale copy)", async () => {
    const { toolB: b, comparison } = await createComparedPair(client);
    const read = async () => comparisonDetailResponse.parse(((await (await getComparison(comparison!.slug)).json()) as { data: unknown }).data);
    expect((await read()).tools[1].scores.community).toMatchObject({ label: "—", total: 0, status: "none" });
    await createVotes(client, b, { ship: 4, skip: 2 });
    expect((await read()).tools[1].scores.community).toMatchObject({ label: "67%", total: 6, status: "established" });
  });

  it("redirects the reversed slug to the canonical one with 308", async () => {
    const { toolA: a, toolB: b, comparison } = await createComparedPair(client);
    const reversed = `${b.slug}-vs-${a.slug}`;
    const response = await getComparisonRoute(new Request(`${base}/comparisons/${reversed}`), params(reversed));
    expect(response.status).toBe(308);
    expect(response.headers.get("location")).toBe(`${base}/comparisons/${comparison!.slug}`);
  });

  it("generates a comparison of any two listed tools, at the alphabetical slug", async () => {
    const { toolA: a, toolB: b } = await createComparedPair(client, { names: ["Cobaltwing", "Whistlereed"], comparison: null });
    const [first, second] = [a, b].sort((x, y) => x.slug.localeCompare(y.slug));
    const slug = `${first!.slug}-vs-${second!.slug}`;
    const response = await getComparison(slug);
    expect(response.status).toBe(200);
    const comparison = comparisonDetailResponse.parse(((await response.json()) as { data: unknown }).data);
    expect(comparison).toMatchObject({ slug, curated: false, headline: null, title: `${first!.name} vs ${second!.name}` });
    expect(comparison.intro).toMatch(/4 of 4 reviewers ship Cobaltwing/);
    expect(comparison.tools.map((tool) => tool.slug)).toEqual([first!.slug, second!.slug]);
    expect(comparison.scorecard.length).toBeGreaterThan(0);

    const reversedSlug = `${second!.slug}-vs-${first!.slug}`;
    const reversed = await getComparisonRoute(new Request(`${base}/comparisons/${reversedSlug}`), params(reversedSlug));
    expect(reversed.status).toBe(308);
    expect(reversed.headers.get("location")).toBe(`${base}/comparisons/${slug}`);
  });

  it("refuses a tool against itself with 400 and a message", async () => {
    const tool = await createTool(client);
    const response = await getComparison(`${tool.slug}-vs-${tool.slug}`);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: "same_tool", message: "A tool can't be compared with itself: choose two different tools." } });
  });

  it("refuses an archived tool with 404, saying it is archived", async () => {
    const listed = await createTool(client, { name: "Cobaltwing" });
    const archived = await createTool(client, { name: "Whistlereed", archived: true });
    const [first, second] = [listed.slug, archived.slug].sort();
    const response = await getComparison(`${first}-vs-${second}`);
    expect(response.status).toBe(404);
    expect((await response.json()).error.message).toMatch(/Whistlereed is archived/);
  });

  it.each(["{listed}-vs-nothing", "not-a-comparison", "a-vs-b-vs-c"])("answers 404 with a JSON error for %s", async (pattern) => {
    const listed = await createTool(client);
    const response = await getComparison(pattern.replace("{listed}", listed.slug));
    expect(response.status).toBe(404);
    const body = await response.json();
    expect(body.error.code).toBe("not_found");
  });
});

describe("when the database cannot be reached", () => {
  it("answers 503 with Retry-After instead of a 500", async () => {
    const { handle } = await import("@/lib/http/errors");
    const route = handle(async () => {
      throw new Error("timeout exceeded when trying to connect");
    });
    const response = await route();
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("2");
    expect((await response.json()).error.code).toBe("unavailable");
  });
});
