import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { findCounterDrift, reconcileCounters } from "@/lib/stats/reconcile";
import { setVote } from "@/lib/votes/writes";
import { createCategory, createReviewers, createTool, createUser, createVerdicts, createVotes, uniqueSlug } from "../helpers/factories";

let client: PrismaClient;
beforeAll(() => {
  client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 4 });
});
afterAll(() => client.$disconnect());

describe("reconciling counters with rows", () => {
  it("finds no drift after seeding", async () => {
    expect(await findCounterDrift(client)).toEqual([]);
  });

  it("reports a counter that disagrees with the rows, and fixes it only when asked", async () => {
    const tool = await createTool(client);
    await createVerdicts(client, tool, await createReviewers(client, 4), ["SHIP", "SKIP", "SHIP", "SHIP"]);
    expect(await findCounterDrift(client)).toEqual([]);
    // Counters written past the app, so they disagree with the rows.
    await client.toolStats.update({ where: { toolId: tool.id }, data: { panelShip: 1, communityShip: 2, communityTotal: 7 } });

    const report = await reconcileCounters(client);
    expect(report.fixed).toBe(0);
    expect(report.drift).toEqual([
      {
        toolId: tool.id,
        slug: tool.slug,
        stored: { panelShip: 1, panelTotal: 4, communityShip: 2, communityTotal: 7 },
        expected: { panelShip: 3, panelTotal: 4, communityShip: 0, communityTotal: 0 },
        pending: { stored: 0, expected: 0 },
      },
    ]);

    const fixed = await reconcileCounters(client, { fix: true });
    expect(fixed.fixed).toBe(1);
    expect(await findCounterDrift(client)).toEqual([]);
    const stats = await client.toolStats.findUniqueOrThrow({ where: { toolId: tool.id } });
    expect([stats.panelShip, stats.panelTotal, stats.communityShip, stats.communityTotal]).toEqual([3, 4, 0, 0]);
  });

  it("counts votes and only published verdicts", async () => {
    const tool = await createTool(client);
    await createVerdicts(client, tool, await createReviewers(client, 3), ["SHIP", "SKIP", "SHIP"]);
    const users = await Promise.all(Array.from({ length: 3 }, () => createUser(client)));
    // Rows written past the app's counter path, so the counters miss them.
    await client.vote.createMany({
      data: users.map((user, index) => ({ userId: user.id, toolId: tool.id, decision: index === 0 ? "SKIP" : "SHIP" })),
    });
    const verdict = await client.verdict.findFirstOrThrow({ where: { toolId: tool.id, decision: "SHIP" } });
    await client.verdict.update({ where: { id: verdict.id }, data: { published: false } });

    const [drift] = await findCounterDrift(client);
    expect(drift?.slug).toBe(tool.slug);
    expect(drift?.stored).toEqual({ panelShip: 2, panelTotal: 3, communityShip: 0, communityTotal: 0 });
    expect(drift?.expected).toEqual({
      panelShip: drift!.stored!.panelShip - 1,
      panelTotal: drift!.stored!.panelTotal - 1,
      communityShip: 2,
      communityTotal: 3,
    });
  });

  // Each counter drifted on its own: a reconcile that ignored any one of them would miss it here.
  it.each([
    ["panelShip", -1],
    ["panelTotal", +1],
    ["communityShip", -1],
    ["communityTotal", +1],
  ] as const)("reports and repairs %s drifting alone (by %i)", async (counter, by) => {
    await reconcileCounters(client, { fix: true }); // start from no drift (an earlier test leaves some)
    const tool = await createTool(client);
    await createVerdicts(client, tool, await createReviewers(client, 2), ["SHIP", "SKIP"]);
    await createVotes(client, tool, { ship: 2, skip: 1 });
    const expected = { panelShip: 1, panelTotal: 2, communityShip: 2, communityTotal: 3 };
    expect(await findCounterDrift(client)).toEqual([]);
    await client.toolStats.update({ where: { toolId: tool.id }, data: { [counter]: expected[counter] + by } });

    expect(await findCounterDrift(client)).toEqual([
      { toolId: tool.id, slug: tool.slug, stored: { ...expected, [counter]: expected[counter] + by }, expected, pending: { stored: 0, expected: 0 } },
    ]);
    expect(await reconcileCounters(client, { fix: true })).toMatchObject({ fixed: 1 });
    expect(await findCounterDrift(client)).toEqual([]);
    const stats = await client.toolStats.findUniqueOrThrow({ where: { toolId: tool.id } });
    expect({ panelShip: stats.panelShip, panelTotal: stats.panelTotal, communityShip: stats.communityShip, communityTotal: stats.communityTotal }).toEqual(expected);
  });

  it("reports and repairs the pending-vote count drifting alone", async () => {
    await reconcileCounters(client, { fix: true });
    const tool = await createTool(client);
    // Two new accounts vote: stored pending (docs/decisions/030), not in the figure.
    for (const decision of ["ship", "skip"] as const) await setVote((await createUser(client, { createdAt: new Date() })).id, tool.slug, decision, undefined);
    expect(await findCounterDrift(client)).toEqual([]);
    await client.toolStats.update({ where: { toolId: tool.id }, data: { pendingVotes: 5 } });
    const [drift] = await findCounterDrift(client);
    expect(drift).toMatchObject({ toolId: tool.id, pending: { stored: 5, expected: 2 } });
    expect(drift?.stored).toEqual(drift?.expected);
    await reconcileCounters(client, { fix: true });
    expect(await findCounterDrift(client)).toEqual([]);
    expect((await client.toolStats.findUniqueOrThrow({ where: { toolId: tool.id } })).pendingVotes).toBe(2);
  });

  it("a tool without a counter row is drift, and fixing creates it", async () => {
    const category = await createCategory(client);
    // Created past the app (createTool gives every tool its counter row).
    const tool = await client.tool.create({
      data: { slug: uniqueSlug("brand new tool"), name: "Brand new", vendor: "Acme", categoryId: category.id, tagline: "t", description: "d", pricingModel: "FREE" },
    });
    const drift = await findCounterDrift(client);
    expect(drift.find((d) => d.toolId === tool.id)?.stored).toBeNull();
    await reconcileCounters(client, { fix: true });
    expect(await client.toolStats.findUnique({ where: { toolId: tool.id } })).toMatchObject({ panelTotal: 0, communityTotal: 0 });
  });
});
