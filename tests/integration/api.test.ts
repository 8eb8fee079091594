import { describe, expect, it } from "vitest";
import { GET as getComparisonRoute } from "@/app/api/comparisons/[slug]/route";
import { GET as getToolRoute } from "@/app/api/tools/[slug]/route";
import { GET as listToolsRoute } from "@/app/api/tools/route";
import { comparisonDetailResponse } from "@/lib/comparisons/schema";
import { toolDetailResponse, toolListResponse } from "@/lib/tools/schema";

const base = "http://localhost/api";
const params = (slug: string) => ({ params: Promise.resolve({ slug }) });

describe("GET /api/tools", () => {
  it("lists the catalogue in pages, with computed scores", async () => {
    const response = await listToolsRoute(new Request(`${base}/tools?pageSize=5`));
    expect(response.status).toBe(200);
    const body = toolListResponse.parse(await response.json());
    expect(body.data).toHaveLength(5);
    expect(body.total).toBeGreaterThanOrEqual(14);
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
    const body = toolListResponse.parse(await (await listToolsRoute(new Request(`${base}/tools?category=vision-models`))).json());
    expect(body.data.length).toBeGreaterThan(0);
    expect(body.data.every((t) => t.category.slug === "vision-models")).toBe(true);
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
    const response = await getToolRoute(new Request(`${base}/tools/smolvlm2-2b`), params("smolvlm2-2b"));
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as { data: unknown };
    const tool = toolDetailResponse.parse(data);
    expect(tool.name).toBe("SmolVLM2-2B");
    expect(tool.scores.panel).toMatchObject({ ship: 3, total: 4, percent: 75, label: "75%", split: "3 of 4 ship" });
    expect(tool.scores.community).toMatchObject({ total: 0, label: "—", status: "none" });
    expect(tool.verdicts).toHaveLength(4);
    expect(tool.comparisons.map((c) => c.slug)).toContain("claude-4-sonnet-vs-smolvlm2-2b");
  });

  it.each(["no-such-tool", "../../etc/passwd", "UPPER"])("answers 404 with a JSON error for %s", async (slug) => {
    const response = await getToolRoute(new Request(`${base}/tools/x`), params(slug));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "not_found", message: `Tool "${slug}" not found` } });
  });
});

describe("GET /api/comparisons/:slug", () => {
  it("returns both tools, the split and the scorecard with live scores", async () => {
    const response = await getComparisonRoute(new Request(`${base}/comparisons/x`), params("claude-4-sonnet-vs-smolvlm2-2b"));
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as { data: unknown };
    const comparison = comparisonDetailResponse.parse(data);
    expect(comparison.title).toBe("Claude 4 Sonnet vs SmolVLM2-2B");
    expect(comparison.tools.map((t) => t.scores.panel.label)).toEqual(["100%", "75%"]);
    expect(comparison.tools.map((t) => t.scores.community.label)).toEqual(["—", "—"]);
    expect(comparison.scorecard).toHaveLength(8);
    expect(comparison.split.filter((row) => row.differs).map((row) => row.reviewer.lens)).toEqual(["Business & buyer"]);
  });

  it("reflects a counter change on the next request (no stale copy)", async () => {
    const { db } = await import("@/lib/db");
    const tool = await db.tool.findUniqueOrThrow({ where: { slug: "smolvlm2-2b" } });
    await db.toolStats.update({ where: { toolId: tool.id }, data: { communityShip: 4, communityTotal: 6 } });
    const response = await getComparisonRoute(new Request(`${base}/comparisons/x`), params("claude-4-sonnet-vs-smolvlm2-2b"));
    const comparison = comparisonDetailResponse.parse(((await response.json()) as { data: unknown }).data);
    expect(comparison.tools[1].scores.community).toMatchObject({ label: "67%", total: 6, status: "established" });
    await db.toolStats.update({ where: { toolId: tool.id }, data: { communityShip: 0, communityTotal: 0 } });
  });

  it("redirects the reversed slug to the canonical one with 308", async () => {
    const response = await getComparisonRoute(new Request(`${base}/comparisons/smolvlm2-2b-vs-claude-4-sonnet`), params("smolvlm2-2b-vs-claude-4-sonnet"));
    expect(response.status).toBe(308);
    expect(response.headers.get("location")).toBe(`${base}/comparisons/claude-4-sonnet-vs-smolvlm2-2b`);
  });

  it("generates a comparison of any two listed tools, at the alphabetical slug", async () => {
    const response = await getComparisonRoute(new Request(`${base}/comparisons/x`), params("cursor-vs-whisper"));
    expect(response.status).toBe(200);
    const comparison = comparisonDetailResponse.parse(((await response.json()) as { data: unknown }).data);
    expect(comparison).toMatchObject({ slug: "cursor-vs-whisper", curated: false, headline: null, title: "Cursor vs Whisper" });
    expect(comparison.intro).toMatch(/reviewers ship Cursor/);
    expect(comparison.tools.map((tool) => tool.slug)).toEqual(["cursor", "whisper"]);
    expect(comparison.scorecard.length).toBeGreaterThan(0);

    const reversed = await getComparisonRoute(new Request(`${base}/comparisons/whisper-vs-cursor`), params("whisper-vs-cursor"));
    expect(reversed.status).toBe(308);
    expect(reversed.headers.get("location")).toBe(`${base}/comparisons/cursor-vs-whisper`);
  });

  it("refuses a tool against itself with 400 and a message", async () => {
    const response = await getComparisonRoute(new Request(`${base}/comparisons/x`), params("cursor-vs-cursor"));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: "same_tool", message: "A tool can't be compared with itself: choose two different tools." } });
  });

  it("refuses an archived tool with 404, saying it is archived", async () => {
    const { db } = await import("@/lib/db");
    await db.tool.update({ where: { slug: "whisper" }, data: { archivedAt: new Date() } });
    try {
      const response = await getComparisonRoute(new Request(`${base}/comparisons/x`), params("cursor-vs-whisper"));
      expect(response.status).toBe(404);
      expect((await response.json()).error.message).toMatch(/Whisper is archived/);
    } finally {
      await db.tool.update({ where: { slug: "whisper" }, data: { archivedAt: null } });
    }
  });

  it.each(["claude-4-sonnet-vs-nothing", "not-a-comparison", "a-vs-b-vs-c"])("answers 404 with a JSON error for %s", async (slug) => {
    const response = await getComparisonRoute(new Request(`${base}/comparisons/x`), params(slug));
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
