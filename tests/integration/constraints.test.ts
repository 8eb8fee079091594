import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";

// The database itself enforces the design's non-negotiables, whatever the code above it does.

let client: PrismaClient;
let toolIds: Record<string, string>;

beforeAll(async () => {
  client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 4 });
  const tools = await client.tool.findMany({ select: { id: true, slug: true } });
  toolIds = Object.fromEntries(tools.map((t) => [t.slug, t.id]));
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
    const user = await client.user.create({ data: { email: "voter@example.com" } });
    const toolId = toolIds["gpt-4o"]!;
    await client.vote.create({ data: { userId: user.id, toolId, decision: "SHIP" } });
    const state = await refusal(client.vote.create({ data: { userId: user.id, toolId, decision: "SKIP" } }));
    expect(state).toMatch(/^P2002 /);
    expect(await client.vote.count({ where: { userId: user.id, toolId } })).toBe(1);
  });

  it("allows one verdict per reviewer per tool", async () => {
    const existing = await client.verdict.findFirstOrThrow();
    const state = await refusal(
      client.verdict.create({ data: { toolId: existing.toolId, reviewerId: existing.reviewerId, decision: "SKIP", body: "again" } }),
    );
    expect(state).toMatch(/^P2002 /);
  });

  it("refuses a comparison of a tool with itself", async () => {
    const id = toolIds["gpt-4o"]!;
    const state = await refusal(client.comparison.create({ data: { slug: "gpt-4o-vs-gpt-4o", toolAId: id, toolBId: id } }));
    expect(state).toMatch(/violates check constraint "Comparison_distinct_tools"/);
  });

  it("refuses the same pair of tools twice, in either order", async () => {
    const state = await refusal(
      client.comparison.create({
        data: { slug: "smolvlm2-2b-vs-claude-4-sonnet", toolAId: toolIds["smolvlm2-2b"]!, toolBId: toolIds["claude-4-sonnet"]! },
      }),
    );
    expect(state).toMatch(/Comparison_pair_key|^P2002 /);
  });

  it("never lets a counter go negative or a ship count exceed its total", async () => {
    const toolId = toolIds["gpt-4o"]!;
    expect(await refusal(client.toolStats.update({ where: { toolId }, data: { communityTotal: -1 } }))).toMatch(/violates check constraint "ToolStats_counters_valid"/);
    expect(await refusal(client.toolStats.update({ where: { toolId }, data: { panelShip: 99 } }))).toMatch(/violates check constraint "ToolStats_counters_valid"/);
    const stats = await client.toolStats.findUniqueOrThrow({ where: { toolId } });
    expect(stats.communityTotal).toBeGreaterThanOrEqual(0);
  });

  it('refuses a tool slug containing "-vs-", so comparison slugs split one way', async () => {
    const category = await client.category.findFirstOrThrow();
    const state = await refusal(
      client.tool.create({
        data: { slug: "a-vs-b", name: "A vs B", vendor: "x", categoryId: category.id, tagline: "t", description: "d", pricingModel: "FREE" },
      }),
    );
    expect(state).toMatch(/violates check constraint "Tool_slug_format"/);
  });
});
