import { beforeAll, describe, expect, it } from "vitest";
import { GET as listToolsRoute } from "@/app/api/tools/route";
import { searchTools, type DirectoryQuery } from "@/lib/tools/directory";
import { toolListResponse } from "@/lib/tools/schema";

const names = async (query: Partial<DirectoryQuery>) =>
  (await searchTools({ page: 1, pageSize: 100, ...query })).tools.map((tool) => tool.name);

let db: typeof import("@/lib/db").db;
beforeAll(async () => {
  ({ db } = await import("@/lib/db"));
});

async function setCommunity(counts: Record<string, [ship: number, total: number]>) {
  await db.toolStats.updateMany({ data: { communityShip: 0, communityTotal: 0 } });
  for (const [slug, [ship, total]] of Object.entries(counts)) {
    const tool = await db.tool.findUniqueOrThrow({ where: { slug }, select: { id: true } });
    await db.toolStats.update({ where: { toolId: tool.id }, data: { communityShip: ship, communityTotal: total } });
  }
}

describe("the directory's order", () => {
  it("for the seed (no votes yet): every overall figure is the prior, so panel share decides, then name", async () => {
    await setCommunity({});
    expect(await names({ sort: "overall" })).toEqual([
      "Claude 4 Sonnet", "FLUX.1", "Gemini 2.5 Pro",
      "Aider", "ElevenLabs", "GitHub Copilot", "GPT-4o", "Moondream2", "SmolVLM2-2B", "Whisper",
      "Cursor", "Llama 4", "Midjourney", "MiniCPM-V", "Stable Diffusion 3.5",
      "PaliGemma", "Mistral Large",
    ]);
  });

  // Hand-computed in lib/scores/ranking.test.ts: site mean 141/162; Wilson 90/100 → 0.8256,
  // 40/50 → 0.6696, 9/10 → 0.5958, 2/2 → 0.3424; Bayesian (w = 10) 90/100 → 0.8973,
  // 2/2 → 0.8920, 9/10 → 0.8852, no votes → 0.8704, 40/50 → 0.8117.
  it("ranks community by the Wilson lower bound and overall by the Bayesian average", async () => {
    await setCommunity({ cursor: [90, 100], aider: [2, 2], whisper: [9, 10], midjourney: [40, 50] });
    expect((await names({ sort: "community" })).slice(0, 4)).toEqual(["Cursor", "Midjourney", "Whisper", "Aider"]);
    const overall = await names({ sort: "overall" });
    expect(overall.slice(0, 4)).toEqual(["Cursor", "Aider", "Whisper", "Claude 4 Sonnet"]);
    expect(overall.at(-1)).toBe("Midjourney");
    await setCommunity({});
  });

  it("sorts by panel share with the most verdicts first among equals, and by release date for newest", async () => {
    const panel = (await searchTools({ sort: "panel", page: 1, pageSize: 100 })).tools;
    const shares = panel.map((tool) => tool.scores.panel.share ?? -1);
    expect(shares).toEqual([...shares].sort((a, b) => b - a));
    expect(panel[0]!.name).toBe("Claude 4 Sonnet");
    const newest = await names({ sort: "newest" });
    expect(newest.indexOf("Claude 4 Sonnet")).toBeLessThan(newest.indexOf("GPT-4o"));
    expect(newest.indexOf("GPT-4o")).toBeLessThan(newest.indexOf("Whisper"));
  });
});

describe("search", () => {
  it.each([
    ["cursr", "Cursor"],
    ["transcripton", "Whisper"],
    ["stabel difusion", "Stable Diffusion 3.5"],
    ["anthropic", "Claude 4 Sonnet"],
    ["github copilot", "GitHub Copilot"],
    ["elevn labs", "ElevenLabs"],
  ])("finds a tool from a misspelt or partial query: %s → %s", async (q, expected) => {
    const found = await names({ q });
    expect(found[0]).toBe(expected);
  });

  it("searches descriptions too, and returns nothing for nonsense", async () => {
    expect(await names({ q: "speech recognition" })).toContain("Whisper");
    expect(await names({ q: "qzxwvjk" })).toEqual([]);
  });

  it("treats query text as data, never as SQL or tsquery syntax", async () => {
    for (const q of ["'; DROP TABLE \"Tool\"; --", "a & | ! ( ) :*", "\\", "%_%"]) {
      await expect(searchTools({ q, page: 1, pageSize: 5 })).resolves.toBeDefined();
    }
    expect(await db.tool.count()).toBeGreaterThan(0);
  });
});

describe("filters, sorts and pages", () => {
  it("combine: every result satisfies every filter, in the asked order", async () => {
    await setCommunity({ "github-copilot": [12, 20], cursor: [3, 4] });
    const result = await searchTools({ category: "coding-assistants", pricing: "freemium", sort: "community", page: 1, pageSize: 100 });
    expect(result.tools.map((tool) => tool.name)).toEqual(["GitHub Copilot", "Cursor"]);
    expect(result.tools.every((tool) => tool.category.slug === "coding-assistants" && tool.pricingModel === "FREEMIUM")).toBe(true);
    const searched = await searchTools({ q: "code", pricing: "free", page: 1, pageSize: 100 });
    expect(searched.tools.every((tool) => tool.pricingModel === "FREE")).toBe(true);
    expect(searched.tools.map((tool) => tool.name)).toContain("Aider");
    await setCommunity({});
  });

  it("are stable: pages never overlap or skip, for every sort", async () => {
    for (const sort of ["overall", "panel", "community", "newest", "name"] as const) {
      const all = await names({ sort });
      const paged: string[] = [];
      for (let page = 1; page <= Math.ceil(all.length / 4); page++) paged.push(...(await names({ sort, page, pageSize: 4 })));
      expect(paged, sort).toEqual(all);
    }
  });

  it("leave out archived tools", async () => {
    await db.tool.update({ where: { slug: "midjourney" }, data: { archivedAt: new Date() } });
    try {
      expect(await names({})).not.toContain("Midjourney");
      expect(await names({ q: "midjourney" })).toEqual([]);
    } finally {
      await db.tool.update({ where: { slug: "midjourney" }, data: { archivedAt: null } });
    }
  });

  it("are the same through GET /api/tools, which answers 400 for a bad sort", async () => {
    const response = await listToolsRoute(new Request("http://localhost/api/tools?q=cursr&category=coding-assistants"));
    const body = toolListResponse.parse(await response.json());
    expect(body).toMatchObject({ sort: "relevance", total: 1 });
    expect(body.data[0]!.slug).toBe("cursor");
    const bad = await listToolsRoute(new Request("http://localhost/api/tools?sort=best&pricing=cheap"));
    expect(bad.status).toBe(400);
    const issues = (await bad.json()).error.issues.map((issue: { path: string }) => issue.path);
    expect(issues).toEqual(expect.arrayContaining(["sort", "pricing"]));
  });
});
