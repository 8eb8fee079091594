import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { readPair } from "@/lib/comparisons/read";
import { publicVerdictSelect, publicVerdictWhere } from "@/lib/reviewers/select";
import { toolCardSelect } from "@/lib/tools/select";
import { pngBytes } from "../helpers/images";
import { createComparison, createReviewer, createTool, createVerdict } from "../helpers/factories";

/**
 * The comparison's one-statement read (lib/comparisons/read.ts, ADR 043) against the oracle it
 * replaced: the same read through Prisma's model API, field for field, types included (Dates,
 * nulls, the specs JSON, the enum spellings).
 */
let client: PrismaClient;
beforeAll(() => {
  client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 2 });
});
afterAll(() => client.$disconnect());

async function modelRead(slugA: string, slugB: string) {
  const tools = await client.tool.findMany({ where: { slug: { in: [slugA, slugB] }, draft: false }, select: toolCardSelect });
  const rowA = tools.find((row) => row.slug === slugA);
  const rowB = tools.find((row) => row.slug === slugB);
  const curated =
    rowA && rowB
      ? await client.comparison.findFirst({
          where: { status: "PUBLISHED", OR: [{ toolAId: rowA.id, toolBId: rowB.id }, { toolAId: rowB.id, toolBId: rowA.id }] },
          select: { slug: true, headline: true, intro: true, pickA: true, pickB: true, publishedAt: true, updatedAt: true, toolAId: true },
        })
      : null;
  const verdicts = await client.verdict.findMany({ where: { ...publicVerdictWhere, toolId: { in: tools.map((tool) => tool.id) } }, select: publicVerdictSelect });
  return { tools, curated, verdicts };
}

const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((x, y) => x.id.localeCompare(y.id));
const bySlug = <T extends { slug: string }>(rows: T[]) => [...rows].sort((x, y) => x.slug.localeCompare(y.slug));

async function expectSameRead(slugA: string, slugB: string) {
  const [fast, oracle] = await Promise.all([readPair(slugA, slugB), modelRead(slugA, slugB)]);
  expect(bySlug(fast.tools)).toEqual(bySlug(oracle.tools));
  expect(fast.curated).toEqual(oracle.curated);
  expect(byId(fast.verdicts)).toEqual(byId(oracle.verdicts));
  return fast;
}

describe("the comparison's one-statement read", () => {
  it("equals the model API's read for every pair of seeded tools, in both orders", async () => {
    const slugs = (await client.tool.findMany({ select: { slug: true }, orderBy: { slug: "asc" } })).map((tool) => tool.slug);
    expect(slugs.length).toBeGreaterThan(10);
    let curated = 0;
    for (const [i, slugA] of slugs.entries()) {
      for (const slugB of slugs.slice(i + 1)) {
        const read = await expectSameRead(slugA, slugB);
        await expectSameRead(slugB, slugA);
        expect(read.tools).toHaveLength(2);
        if (read.curated) curated += 1;
      }
    }
    // The seed's editors' comparisons are among them, read with their headline and picks.
    expect(curated).toBe(await client.comparison.count({ where: { status: "PUBLISHED" } }));
  });

  it("keeps dates, nulls, specs, logos and counters as the model API gives them", async () => {
    const bare = await createTool(client, { website: null, license: null, entryPrice: null, pricingDetail: null, pricingSourceUrl: null, pricingVerifiedAt: null, releasedAt: null });
    await client.toolStats.delete({ where: { toolId: bare.id } });
    const full = await createTool(client, {
      releasedAt: new Date("2024-02-29T00:00:00Z"),
      specs: { contextWindow: { value: 200000, sourceUrl: "https://example.com/docs", checkedOn: "2026-11-01" }, selfHostable: { value: false } },
    });
    await client.toolLogo.create({ data: { toolId: full.id, hash: "a".repeat(64), contentType: "image/png", bytes: new Uint8Array(pngBytes(8, 8)) } });
    await client.toolStats.update({ where: { toolId: full.id }, data: { communityShip: 3, communityTotal: 5, pendingVotes: 2 } });
    const read = await expectSameRead(bare.slug, full.slug);
    const fullRow = read.tools.find((tool) => tool.id === full.id)!;
    expect(fullRow.releasedAt).toEqual(new Date("2024-02-29T00:00:00Z"));
    expect(fullRow.logo).toEqual({ hash: "a".repeat(64), contentType: "image/png" });
    expect(read.tools.find((tool) => tool.id === bare.id)).toMatchObject({ stats: null, logo: null, website: null, releasedAt: null });
  });

  it("reads a curated pair with its picks, only published verdicts of active reviewers, no drafts, and archived tools as they are", async () => {
    const a = await createTool(client);
    const b = await createTool(client);
    const active = await createReviewer(client);
    const retired = await createReviewer(client, { active: false });
    const at = new Date("2026-05-01T10:20:30.456Z");
    await createVerdict(client, { tool: a, reviewer: active, decision: "SHIP", at });
    await createVerdict(client, { tool: b, reviewer: active, decision: "SKIP", published: false });
    await createVerdict(client, { tool: b, reviewer: retired, decision: "SHIP" });
    await createComparison(client, { toolA: b, toolB: a, pickA: "you live in the terminal", pickB: "you want a chat window", status: "PUBLISHED" });
    const read = await expectSameRead(a.slug, b.slug);
    expect(read.verdicts.map((verdict) => [verdict.toolId, verdict.decision, verdict.publishedAt])).toEqual([[a.id, "SHIP", at]]);
    expect(read.curated).toMatchObject({ slug: `${b.slug}-vs-${a.slug}`, pickA: "you live in the terminal", toolAId: b.id });

    const draft = await createTool(client, { draft: true, archived: true });
    expect((await expectSameRead(a.slug, draft.slug)).tools.map((tool) => tool.id)).toEqual([a.id]);
    const archived = await createTool(client, { archived: true });
    expect((await expectSameRead(archived.slug, a.slug)).tools).toHaveLength(2);
    expect((await expectSameRead("no-such-tool", "nor-this-one")).tools).toEqual([]);
  });
});
