import { beforeAll, describe, expect, it } from "vitest";
import { GET as listToolsRoute } from "@/app/api/tools/route";
import type { Tool } from "@/lib/generated/prisma/client";
import { searchTools, suggestToolName, transposable, type DirectoryQuery } from "@/lib/tools/directory";
import { toolListResponse } from "@/lib/tools/schema";
import { createCategory, createReviewers, createTool, createVerdicts, createVotes } from "../helpers/factories";

// Every test builds its own catalogue in a category of its own (the database also holds the
// seed's tools): orders are asserted within that category, searches on names nothing else has.

const names = async (query: Partial<DirectoryQuery>) =>
  (await searchTools({ page: 1, pageSize: 100, ...query })).tools.map((tool) => tool.name);

let db: typeof import("@/lib/db").db;
beforeAll(async () => {
  ({ db } = await import("@/lib/db"));
});

/** Takes a test's voted tools out of the directory, so their votes leave the site mean for the next test. */
const unlist = (tools: Tool[]) => db.tool.updateMany({ where: { id: { in: tools.map((tool) => tool.id) } }, data: { archivedAt: new Date() } });

/** Community figures of every listed tool together: the population the overall prior is drawn from. */
async function population() {
  const { _sum } = await db.toolStats.aggregate({ where: { tool: { archivedAt: null } }, _sum: { communityShip: true, communityTotal: true } });
  return [_sum.communityShip ?? 0, _sum.communityTotal ?? 0];
}

describe("the directory's order", () => {
  it("with no votes yet: every overall figure is the prior, so panel share decides, then name", async () => {
    const category = await createCategory(db);
    const reviewers = await createReviewers(db, 4);
    const tool = (name: string) => createTool(db, { name, categoryId: category.id });
    await createVerdicts(db, await tool("Kestrel"), reviewers, ["SHIP", "SHIP", "SHIP", "SHIP"]);
    await createVerdicts(db, await tool("Bramble"), reviewers, ["SHIP", "SKIP", "SHIP", "SHIP"]);
    await createVerdicts(db, await tool("Aurora"), reviewers, ["SHIP", "SHIP", "SHIP", "SKIP"]);
    await createVerdicts(db, await tool("Copperleaf"), reviewers, ["SKIP", "SHIP", "SHIP", "SKIP"]);
    await tool("Driftwood");
    expect(await names({ sort: "overall", category: category.slug })).toEqual(["Kestrel", "Aurora", "Bramble", "Copperleaf", "Driftwood"]);
  });

  // Hand-computed in lib/scores/ranking.test.ts: site mean 141/162; Wilson 90/100 → 0.8256,
  // 40/50 → 0.6696, 9/10 → 0.5958, 2/2 → 0.3424; Bayesian (w = 10) 90/100 → 0.8973,
  // 2/2 → 0.8920, 9/10 → 0.8852, no votes → 0.8704, 40/50 → 0.8117.
  it("ranks community by the Wilson lower bound and overall by the Bayesian average", async () => {
    const category = await createCategory(db);
    const reviewers = await createReviewers(db, 2);
    const tool = (name: string) => createTool(db, { name, categoryId: category.id });
    const tools = [await tool("Kestrel Code"), await tool("Aster CLI"), await tool("Murmur"), await tool("Mirage Paint"), await tool("Clarion"), await tool("Pebble")];
    const [kestrel, aster, murmur, mirage, clarion, pebble] = tools as [Tool, Tool, Tool, Tool, Tool, Tool];
    await createVerdicts(db, clarion, reviewers, ["SHIP", "SHIP"]);
    await createVerdicts(db, pebble, reviewers, ["SHIP", "SKIP"]);
    try {
      await createVotes(db, kestrel, { ship: 90, skip: 10 });
      await createVotes(db, aster, { ship: 2 });
      await createVotes(db, murmur, { ship: 9, skip: 1 });
      await createVotes(db, mirage, { ship: 40, skip: 10 });
      // The figures above assume these are the only votes on listed tools.
      expect(await population()).toEqual([141, 162]);
      const query = { category: category.slug };
      expect(await names({ ...query, sort: "community" })).toEqual(["Kestrel Code", "Mirage Paint", "Murmur", "Aster CLI", "Clarion", "Pebble"]);
      const overall = await names({ ...query, sort: "overall" });
      expect(overall).toEqual(["Kestrel Code", "Aster CLI", "Murmur", "Clarion", "Pebble", "Mirage Paint"]);
    } finally {
      await unlist(tools);
    }
  });

  it("sorts by panel share with the most verdicts first among equals, and by release date for newest", async () => {
    const panel = (await searchTools({ sort: "panel", page: 1, pageSize: 100 })).tools;
    const shares = panel.map((tool) => tool.scores.panel.share ?? -1);
    expect(shares).toEqual([...shares].sort((a, b) => b - a));

    const category = await createCategory(db);
    const reviewers = await createReviewers(db, 4);
    const tool = (name: string, releasedAt: string | null) => createTool(db, { name, categoryId: category.id, releasedAt: releasedAt ? new Date(releasedAt) : null });
    await createVerdicts(db, await tool("Heron", "2026-03-01"), reviewers, ["SHIP"]);
    await createVerdicts(db, await tool("Ibis", "2024-01-01"), reviewers, ["SHIP", "SHIP"]);
    await createVerdicts(db, await tool("Gull", "2025-09-01"), reviewers, ["SHIP", "SHIP", "SKIP", "SHIP"]);
    await tool("Finch", null); // no release date: the day it was added, today
    expect(await names({ category: category.slug, sort: "panel" })).toEqual(["Ibis", "Heron", "Gull", "Finch"]);
    expect(await names({ category: category.slug, sort: "newest" })).toEqual(["Finch", "Heron", "Gull", "Ibis"]);
  });
});

describe("search", () => {
  // Made-up names and words, so a hit can only be one of these tools.
  let category: Awaited<ReturnType<typeof createCategory>>;
  beforeAll(async () => {
    category = await createCategory(db);
    // A fixed vendor: a made-up company name would put words of its own next to each tool's name.
    const tool = (fields: Partial<Omit<Tool, "specs">>) => createTool(db, { categoryId: category.id, vendor: "Acme", ...fields });
    await tool({ name: "Zorbleaf", tagline: "Notes that file themselves by topic", description: "Keeps meeting notes, tags and summaries together in one searchable place." });
    await tool({ name: "Fathomline", tagline: "Hydrographic surveys from a phone", description: "Turns sonar pings from a phone into depth charts for small boats." });
    await tool({ name: "Plumbago Trellis 3", tagline: "Garden plans drawn from a sketch", description: "Draws planting plans, with spacing and sun, from a rough sketch of a garden." });
    await tool({ name: "Ravelin", vendor: "Xanthoria", tagline: "Plain answers to long questions", description: "A chat assistant tuned for careful, sourced answers." });
    await tool({ name: "Marigold Cartographer", tagline: "Maps for tabletop campaigns", description: "Builds printable maps for tabletop campaigns from a list of places." });
    await tool({ name: "KrakenQuill", tagline: "Letters in any voice", description: "Writes letters and emails in a voice you describe." });
    await tool({ name: "Sporewatch", tagline: "Field data for growers", description: "Collects mycelium telemetry from sensors in grow rooms and flags trouble early." });
  });

  it.each([
    ["zorblef", "Zorbleaf"],
    ["hydrografic", "Fathomline"],
    ["plumbgo trelis", "Plumbago Trellis 3"],
    ["xanthoria", "Ravelin"],
    ["marigold cartographer", "Marigold Cartographer"],
    ["krakn quill", "KrakenQuill"],
  ])("finds a tool from a misspelt or partial query: %s → %s", async (q, expected) => {
    const found = await names({ q });
    expect(found[0]).toBe(expected);
  });

  it("searches descriptions too, and returns nothing for nonsense", async () => {
    expect(await names({ q: "mycelium telemetry" })).toContain("Sporewatch");
    expect(await names({ q: "qzxwvjk" })).toEqual([]);
  });

  // Words that share some trigrams with a tool (pg_trgm word similarity 0.40–0.45 against its text), but are other words:
  // a typo threshold much looser than 0.5 would call them misspellings.
  it.each([
    ["zorbitron", "Zorbleaf"],
    ["cartwheel", "Marigold Cartographer"],
    ["krakatoa", "KrakenQuill"],
    ["sporadic", "Sporewatch"],
    ["hydroplane", "Fathomline"],
  ])("does not take a different word that shares a few letters for a typo: %s ↛ %s", async (q, near) => {
    expect(await names({ q })).not.toContain(near);
    expect(await names({ q, category: category.slug })).toEqual([]);
  });

  // Letters swapped, which trigrams miss (a swap breaks three trigrams in a short word): the same letters, first one kept.
  it.each([
    ["fathmoline", "Fathomline"],
    ["zrobleaf", "Zorbleaf"],
    ["xanhtoria", "Ravelin"],
    ["cluade", "Claude 4 Sonnet"],
    ["antrhopic", "Claude 4 Sonnet"],
  ])("finds a tool typed with letters swapped: %s → %s", async (q, expected) => {
    expect(await names({ q })).toContain(expected);
  });

  it("does not take an anagram with another first letter, or a short word, for a swap", async () => {
    expect(await names({ q: "lofeabrz", category: category.slug })).toEqual([]); // Zorbleaf's letters, another first letter
    expect(await names({ q: "xnat", category: category.slug })).toEqual([]);
    expect(transposable("Cluade, ab sonet")).toEqual(["c:acdelu", "s:enost"]);
  });

  it("suggests the listed name a fruitless search most likely meant, and nothing for nonsense", async () => {
    expect(await names({ q: "zorbliff garden" })).toEqual([]);
    expect(await suggestToolName("zorbliff garden")).toBe("Zorbleaf");
    expect(await suggestToolName("qzxwvjk")).toBeNull();
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
    const category = await createCategory(db);
    const elsewhere = await createCategory(db);
    const tools = [
      await createTool(db, { name: "Harborline", categoryId: category.id, pricingModel: "FREEMIUM" }),
      await createTool(db, { name: "Copperkite", categoryId: category.id, pricingModel: "FREEMIUM" }),
      await createTool(db, { name: "Tillerman", categoryId: category.id, pricingModel: "FREE", description: "Pair-programs in your terminal and commits the code for you." }),
      await createTool(db, { name: "Outrigger", categoryId: elsewhere.id, pricingModel: "FREEMIUM" }),
    ];
    const [harborline, copperkite, tillerman, outrigger] = tools as [Tool, Tool, Tool, Tool];
    try {
      await createVotes(db, harborline, { ship: 12, skip: 8 });
      await createVotes(db, copperkite, { ship: 3, skip: 1 });
      await createVotes(db, tillerman, { ship: 5 });
      await createVotes(db, outrigger, { ship: 9 });
      const result = await searchTools({ category: category.slug, pricing: "freemium", sort: "community", page: 1, pageSize: 100 });
      expect(result.tools.map((tool) => tool.name)).toEqual(["Harborline", "Copperkite"]);
      expect(result.tools.every((tool) => tool.category.slug === category.slug && tool.pricingModel === "FREEMIUM")).toBe(true);
      const searched = await searchTools({ q: "code", pricing: "free", page: 1, pageSize: 100 });
      expect(searched.tools.every((tool) => tool.pricingModel === "FREE")).toBe(true);
      expect(searched.tools.map((tool) => tool.name)).toContain("Tillerman");
    } finally {
      await unlist(tools);
    }
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
    const category = await createCategory(db);
    const tool = await createTool(db, { name: "Nimbusquill", categoryId: category.id });
    expect(await names({ category: category.slug })).toContain("Nimbusquill");
    expect(await names({ q: "nimbusquill" })).toEqual(["Nimbusquill"]);
    await db.tool.update({ where: { id: tool.id }, data: { archivedAt: new Date() } });
    expect(await names({ category: category.slug })).not.toContain("Nimbusquill");
    expect(await names({ q: "nimbusquill" })).toEqual([]);
  });

  it("are the same through GET /api/tools, which answers 400 for a bad sort", async () => {
    const category = await createCategory(db);
    const gravelwick = await createTool(db, { name: "Gravelwick", categoryId: category.id });
    await createTool(db, { name: "Lodestar", categoryId: category.id });
    await createTool(db, { name: "Gravelwick Pro" }); // in a category of its own
    const response = await listToolsRoute(new Request(`http://localhost/api/tools?q=gravelwik&category=${category.slug}`));
    const body = toolListResponse.parse(await response.json());
    expect(body).toMatchObject({ sort: "relevance", total: 1 });
    expect(body.data[0]!.slug).toBe(gravelwick.slug);
    const bad = await listToolsRoute(new Request("http://localhost/api/tools?sort=best&pricing=cheap"));
    expect(bad.status).toBe(400);
    const issues = (await bad.json()).error.issues.map((issue: { path: string }) => issue.path);
    expect(issues).toEqual(expect.arrayContaining(["sort", "pricing"]));
  });
});
