import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { createCategory, createComparison, createReviewer, createTool, createVerdict, createVotes } from "../helpers/factories";

// The database itself enforces the design's non-negotiables, whatever the code above it does:
// the first row goes through the app's path, the refused one is written raw, past the app.

let client: PrismaClient;

beforeAll(() => {
  client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 4 });
});
afterAll(() => client.$disconnect());

/** The Prisma error code and message of a refused write ("" when it was not refused). */
async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    return `${code} ${message}`;
  }
  return "";
}

describe("database rules", () => {
  it("allows one vote per user per tool", async () => {
    const tool = await createTool(client);
    const [user] = await createVotes(client, tool, { ship: 1 });
    const toolId = tool.id;
    const state = await refusal(client.vote.create({ data: { userId: user!.id, toolId, decision: "SKIP" } }));
    expect(state).toMatch(/^P2002 /);
    expect(await client.vote.count({ where: { userId: user!.id, toolId } })).toBe(1);
  });

  it("allows one verdict per reviewer per tool", async () => {
    const existing = await createVerdict(client, { tool: await createTool(client), reviewer: await createReviewer(client), decision: "SHIP" });
    const state = await refusal(
      client.verdict.create({ data: { toolId: existing.toolId, reviewerId: existing.reviewerId, decision: "SKIP", body: "again" } }),
    );
    expect(state).toMatch(/^P2002 /);
  });

  it("refuses a comparison of a tool with itself", async () => {
    const { id, slug } = await createTool(client);
    const state = await refusal(client.comparison.create({ data: { slug: `${slug}-vs-${slug}`, toolAId: id, toolBId: id } }));
    expect(state).toMatch(/violates check constraint "Comparison_distinct_tools"/);
  });

  it("refuses the same pair of tools twice, in either order", async () => {
    const [a, b] = [await createTool(client), await createTool(client)];
    await createComparison(client, { toolA: a, toolB: b });
    const state = await refusal(client.comparison.create({ data: { slug: `${b.slug}-vs-${a.slug}`, toolAId: b.id, toolBId: a.id } }));
    expect(state).toMatch(/Comparison_pair_key|^P2002 /);
  });

  it("never lets a counter go negative or a ship count exceed its total", async () => {
    const { id: toolId } = await createTool(client);
    expect(await refusal(client.toolStats.update({ where: { toolId }, data: { communityTotal: -1 } }))).toMatch(/violates check constraint "ToolStats_counters_valid"/);
    expect(await refusal(client.toolStats.update({ where: { toolId }, data: { panelShip: 99 } }))).toMatch(/violates check constraint "ToolStats_counters_valid"/);
    const stats = await client.toolStats.findUniqueOrThrow({ where: { toolId } });
    expect(stats.communityTotal).toBeGreaterThanOrEqual(0);
  });

  it('refuses a tool slug containing "-vs-", so comparison slugs split one way', async () => {
    const category = await createCategory(client);
    const state = await refusal(
      client.tool.create({
        data: { slug: "a-vs-b", name: "A vs B", vendor: "x", categoryId: category.id, tagline: "t", description: "d", pricingModel: "FREE" },
      }),
    );
    expect(state).toMatch(/violates check constraint "Tool_slug_format"/);
  });
});
