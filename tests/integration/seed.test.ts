import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { findCounterDrift } from "@/lib/stats/reconcile";
import { SAMPLE_DAYS, sampleTrends } from "@/prisma/seed-data/sample-history";
import { seed, seedData } from "@/prisma/seed";
import { createTestDatabase } from "../helpers/databases";

const pageText = await readFile(path.resolve(import.meta.dirname, "../../prisma/seed-data/comparison-page.txt"), "utf8");
const lines = pageText.split("\n");
const quotes = lines.filter((line) => line.startsWith("“")).map((line) => line.slice(1, -1));

describe("the seed comparison page, word for word", () => {
  let client: PrismaClient;
  beforeAll(() => {
    client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 2 });
  });
  afterAll(() => client.$disconnect());

  it("has both tools with the page's names, vendors, category, taglines, descriptions and entry price", async () => {
    const tools = await client.tool.findMany({
      where: { slug: { in: ["claude-4-sonnet", "smolvlm2-2b"] } },
      include: { category: true },
      orderBy: { slug: "asc" },
    });
    expect(tools.map((t) => [t.slug, t.name, t.vendor, t.category.name, t.entryPrice])).toEqual([
      ["claude-4-sonnet", "Claude 4 Sonnet", "Anthropic", "Developer Tools", "Free"],
      ["smolvlm2-2b", "SmolVLM2-2B", "Hugging Face", "Developer Tools", "Free"],
    ]);
    for (const tool of tools) {
      const at = lines.indexOf(tool.name);
      expect(at, `${tool.name} on the page`).toBeGreaterThan(0);
      expect(lines[at - 1]).toBe(tool.category.name);
      expect(lines[at + 1]).toBe(tool.tagline);
      expect(lines[at + 6]).toBe(tool.entryPrice);
      expect(lines[at + 8]).toBe(tool.description);
    }
  });

  it("has all eight verdicts word for word, with 4 of 4 ship for Claude 4 Sonnet and 3 of 4 for SmolVLM2-2B", async () => {
    expect(quotes).toHaveLength(8);
    const verdicts = await client.verdict.findMany({
      where: { tool: { slug: { in: ["claude-4-sonnet", "smolvlm2-2b"] } } },
      include: { tool: true, reviewer: true },
      orderBy: [{ reviewer: { position: "asc" } }, { tool: { slug: "asc" } }],
    });
    expect(verdicts.map((v) => v.body)).toEqual(quotes);
    expect(verdicts.every((v) => v.published)).toBe(true);
    const skips = verdicts.filter((v) => v.decision === "SKIP");
    expect(skips).toHaveLength(1);
    expect(skips[0]!.tool.slug).toBe("smolvlm2-2b");
    expect(skips[0]!.reviewer.lens).toBe("Business & buyer");
    expect(skips[0]!.body).toMatch(/skips as a business foundation\.$/);
    const stats = await client.toolStats.findMany({ include: { tool: true }, where: { tool: { slug: { in: ["claude-4-sonnet", "smolvlm2-2b"] } } } });
    const bySlug = Object.fromEntries(stats.map((s) => [s.tool.slug, [s.panelShip, s.panelTotal]]));
    expect(bySlug).toEqual({ "claude-4-sonnet": [4, 4], "smolvlm2-2b": [3, 4] });
  });

  it("has the four personas, each with a name, lens and bio", async () => {
    const reviewers = await client.reviewer.findMany({ orderBy: { position: "asc" } });
    expect(reviewers.map((r) => r.lens)).toEqual(["Developer experience", "Competitive skeptic", "Futurist", "Business & buyer"]);
    for (const reviewer of reviewers) {
      expect(reviewer.name.length).toBeGreaterThan(3);
      expect(reviewer.bio.length).toBeGreaterThan(40);
    }
  });

  it("publishes the comparison under its slug", async () => {
    const comparison = await client.comparison.findUnique({
      where: { slug: "claude-4-sonnet-vs-smolvlm2-2b" },
      include: { toolA: true, toolB: true },
    });
    expect(comparison?.status).toBe("PUBLISHED");
    expect([comparison?.toolA.slug, comparison?.toolB.slug]).toEqual(["claude-4-sonnet", "smolvlm2-2b"]);
  });
});

describe("the directory around it", () => {
  it("has at least 12 more tools in at least 4 categories, each with four verdicts", () => {
    const others = seedData.tools.filter((t) => !["claude-4-sonnet", "smolvlm2-2b"].includes(t.slug));
    expect(others.length).toBeGreaterThanOrEqual(12);
    expect(new Set(seedData.tools.map((t) => t.category)).size).toBeGreaterThanOrEqual(4);
    for (const tool of seedData.tools) {
      const reviewers = seedData.verdicts.filter((v) => v.tool === tool.slug).map((v) => v.reviewer).sort();
      expect(reviewers, tool.slug).toEqual(seedData.reviewers.map((r) => r.slug).sort());
    }
  });

  it("names its pricing source and when it was checked wherever it states pricing", () => {
    for (const tool of seedData.tools) {
      if (tool.pricingDetail) {
        expect(tool.pricingSourceUrl, tool.slug).toMatch(/^https:\/\//);
        expect(tool.pricingVerifiedAt, tool.slug).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
      if (tool.website) expect(tool.website, tool.slug).toMatch(/^https:\/\//);
    }
  });

  it("has at least 5 more published comparisons with canonical slugs", () => {
    expect(seedData.comparisons.length).toBeGreaterThanOrEqual(6);
    for (const comparison of seedData.comparisons) {
      expect(comparison.slug).toBe(`${comparison.toolA}-vs-${comparison.toolB}`);
    }
  });
});

describe("seeding", () => {
  it("fills an empty database, and a second run changes nothing", async () => {
    const database = await createTestDatabase("empty");
    const client = createPrismaClient(database.url, { poolSize: 2 });
    try {
      const first = await seed(client);
      expect(first.created.tools).toBe(seedData.tools.length);
      expect(first.created.verdicts).toBe(seedData.verdicts.length);
      expect(first.created.comparisons).toBe(seedData.comparisons.length);
      // Sample trend rows: marked sample, for the days before today only, panel figures counted from the verdicts.
      expect(first.created.sampleSnapshots).toBe(sampleTrends.length * SAMPLE_DAYS);
      expect(await client.toolSnapshot.count({ where: { sample: false } })).toBe(0);
      const today = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
      expect(await client.toolSnapshot.count({ where: { day: { gte: today } } })).toBe(0);
      const [claude] = await client.$queryRaw<{ panelShip: number; panelTotal: number; communityShip: number; communityTotal: number }[]>`
        SELECT s."panelShip", s."panelTotal", s."communityShip", s."communityTotal" FROM "ToolSnapshot" s JOIN "Tool" t ON t.id = s."toolId"
        WHERE t.slug = 'claude-4-sonnet' ORDER BY s.day DESC LIMIT 1`;
      const published = seedData.verdicts.filter((verdict) => verdict.tool === "claude-4-sonnet" && verdict.publishedAt && new Date(verdict.publishedAt) < today);
      expect(claude).toMatchObject({ panelTotal: published.length, panelShip: published.filter((verdict) => verdict.decision === "SHIP").length });
      expect(claude!.communityShip).toBeLessThanOrEqual(claude!.communityTotal);

      const snapshot = async () => {
        const tables = ["Category", "Tool", "Reviewer", "Verdict", "VerdictRevision", "Comparison", "ToolStats", "ToolSnapshot"];
        const result: Record<string, string> = {};
        for (const table of tables) {
          const [row] = await client.$queryRawUnsafe<{ digest: string }[]>(
            `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM "${table}" t`,
          );
          result[table] = row!.digest;
        }
        return result;
      };
      const before = await snapshot();
      const second = await seed(client);
      expect(Object.values(second.created).every((count) => count === 0)).toBe(true);
      expect(await snapshot()).toEqual(before);
      expect(await findCounterDrift(client)).toEqual([]);
    } finally {
      await client.$disconnect();
      await database.drop();
    }
  });

  it("does not overwrite a verdict staff have since changed", async () => {
    const database = await createTestDatabase("seeded");
    const client = createPrismaClient(database.url, { poolSize: 2 });
    try {
      const verdict = await client.verdict.findFirstOrThrow({ where: { tool: { slug: "claude-4-sonnet" } } });
      await client.verdict.update({ where: { id: verdict.id }, data: { body: "Edited by staff" } });
      await seed(client);
      expect((await client.verdict.findUniqueOrThrow({ where: { id: verdict.id } })).body).toBe("Edited by staff");
    } finally {
      await client.$disconnect();
      await database.drop();
    }
  });
});

describe("the seed's specs state only what its own data states", () => {
  it("quotes, for every fact, words of the tool's description or pricing detail; facts from the pricing detail carry its source and check date", async () => {
    const { seedSpecs, storedSeedSpecs } = await import("@/prisma/seed-data/specs");
    const tools = new Map(seedData.tools.map((tool) => [tool.slug, tool]));
    for (const [slug, facts] of Object.entries(seedSpecs)) {
      const tool = tools.get(slug);
      expect(tool, `${slug} is a seed tool`).toBeDefined();
      for (const [key, fact] of Object.entries(facts)) {
        const text = `${tool!.description}\n${tool!.pricingDetail ?? ""}`;
        expect(text, `${slug}.${key}: "${fact.stated}" is not in the tool's own text`).toContain(fact.stated);
      }
      const stored = storedSeedSpecs(tool!) as Record<string, { sourceUrl: string | null; checkedOn: string | null }>;
      for (const [key, fact] of Object.entries(facts)) {
        const fromPricing = tool!.pricingDetail?.includes(fact.stated);
        expect(stored[key], `${slug}.${key}`).toMatchObject(
          fromPricing ? { sourceUrl: tool!.pricingSourceUrl, checkedOn: tool!.pricingVerifiedAt } : { sourceUrl: null, checkedOn: null },
        );
      }
    }
  });

  it("stores them, readable by the app's own schema", async () => {
    const { readSpecs } = await import("@/lib/specs/schema");
    const client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 1 });
    try {
      const gemini = await client.tool.findUniqueOrThrow({ where: { slug: "gemini-2-5-pro" }, select: { specs: true } });
      expect(readSpecs(gemini.specs)).toMatchObject({
        contextWindow: { value: 1_000_000, sourceUrl: null },
        priceInput: { value: 1.25, sourceUrl: "https://ai.google.dev/gemini-api/docs/pricing", checkedOn: "2025-06-01" },
      });
      const copilot = await client.tool.findUniqueOrThrow({ where: { slug: "github-copilot" }, select: { specs: true } });
      expect(copilot.specs, "a tool whose data states no spec has none").toEqual({});
    } finally {
      await client.$disconnect();
    }
  });
});
