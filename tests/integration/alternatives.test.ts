import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAlternatives } from "@/lib/alternatives/queries";
import { ALTERNATIVE_WEIGHTS, PAIR_VISIT_WINDOW_DAYS, visitWindowStart } from "@/lib/alternatives/rank";
import { PairVisitCounter, utcDay, writePairVisits, type PairVisits } from "@/lib/comparisons/visits";
import { createPool, createPrismaClient, type PrismaClient } from "@/lib/db/client";
import type { Tool } from "@/lib/generated/prisma/client";
import { quickAddJob, runOnce } from "graphile-worker";
import { jobTasks } from "@/lib/jobs/tasks";
import { createComparison, createTool } from "../helpers/factories";

let client: PrismaClient;
beforeAll(() => {
  client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 4 });
});
afterAll(() => client.$disconnect());

const order = async (slug: string) => (await getAlternatives(slug))!.alternatives.map((alternative) => alternative.tool.slug);

/** The recorded visits of a pair, all days. */
async function pairVisits(x: Pick<Tool, "id">, y: Pick<Tool, "id">): Promise<number> {
  const [toolAId, toolBId] = [x.id, y.id].sort();
  const rows = await client.comparisonVisit.findMany({ where: { toolAId, toolBId }, select: { visits: true } });
  return rows.reduce((sum, row) => sum + row.visits, 0);
}

// Runs first, on the seed as it is (this file's own fresh copy): nothing has been visited yet, nobody has voted.
describe("alternatives to GPT-4o in the seed", () => {
  it("are the other Developer Tools, in score order, and nothing from other categories", async () => {
    // Every seed tool is in a category with others (same category: 4); no votes (community 0) and no visits (compared 0).
    // - Gemini 2.5 Pro: 4 + specs 2 × (input types 3/4 shared, API, freemium: 2.75 of 5 = 0.55) = 1.1 + an editor's comparison 1 + panel 4 of 4 = 1 → 7.1
    // - Claude 4 Sonnet: 4 + 2 × (API, freemium: 2 of 5) = 0.8 + an editor's comparison 1 + panel 4 of 4 = 1 → 6.8
    // - SmolVLM2-2B: 4 + no shared facts (open weights vs freemium; self-hosting unknown for GPT-4o) + panel 3 of 4 = 0.75 → 4.75
    // - Llama 4: 4 + panel 2 of 4 = 0.5 → 4.5
    // - Mistral Large: 4 + 2 × (API: 1 of 5) = 0.4 + panel 0 of 4 → 4.4
    // ElevenLabs shares API and freemium too (2 of 5 = 0.4), under the 0.6 a tool from another category needs.
    const view = await getAlternatives("gpt-4o");
    expect(view!.tool.slug).toBe("gpt-4o");
    expect(view!.alternatives.map((alternative) => alternative.tool.slug)).toEqual(["gemini-2-5-pro", "claude-4-sonnet", "smolvlm2-2b", "llama-4", "mistral-large"]);
    expect(view!.alternatives.map((alternative) => Math.round(alternative.score * 1000) / 1000)).toEqual([7.1, 6.8, 4.75, 4.5, 4.4]);
  });

  it("says why each is listed, and links the canonical comparison: the editor's slug in its order, else alphabetical", async () => {
    const { alternatives } = (await getAlternatives("gpt-4o"))!;
    const bySlug = Object.fromEntries(alternatives.map((alternative) => [alternative.tool.slug, alternative]));
    expect(bySlug["gemini-2-5-pro"]!.reasons).toEqual([
      { kind: "category", category: "Developer Tools" },
      { kind: "specs", shared: ["text in", "image in", "audio in", "API", "freemium"] },
      { kind: "editorial" },
    ]);
    expect(bySlug["llama-4"]!.reasons).toEqual([{ kind: "category", category: "Developer Tools" }]);
    expect(bySlug["gemini-2-5-pro"]!.compareSlug).toBe("gpt-4o-vs-gemini-2-5-pro");
    expect(bySlug["claude-4-sonnet"]!.compareSlug).toBe("claude-4-sonnet-vs-gpt-4o");
    expect(bySlug["smolvlm2-2b"]!.compareSlug).toBe("gpt-4o-vs-smolvlm2-2b");
    expect(bySlug["llama-4"]!.compareSlug).toBe("gpt-4o-vs-llama-4");
  });

  it("readers comparing GPT-4o with Mistral Large lift it to third; visits older than the window do not count", async () => {
    const today = utcDay();
    const outside = utcDay(new Date(visitWindowStart().getTime() - 86_400_000));
    // Canonical addresses only: the generated pair is alphabetical.
    expect(await writePairVisits([{ day: outside, a: "gpt-4o", b: "mistral-large", visits: 1000 }])).toBe(1);
    expect(await order("gpt-4o")).toEqual(["gemini-2-5-pro", "claude-4-sonnet", "smolvlm2-2b", "llama-4", "mistral-large"]);
    await writePairVisits([
      { day: today, a: "gpt-4o", b: "mistral-large", visits: 12 },
      { day: today, a: "gpt-4o", b: "llama-4", visits: 2 },
    ]);
    const { alternatives } = (await getAlternatives("gpt-4o"))!;
    // Mistral Large: 4.4 + compared 2 × 1 (the most compared) = 6.4; Llama 4: 4.5 + 2 × ln 3 / ln 13 ≈ 5.36.
    expect(alternatives.map((alternative) => alternative.tool.slug)).toEqual(["gemini-2-5-pro", "claude-4-sonnet", "mistral-large", "llama-4", "smolvlm2-2b"]);
    const mistral = alternatives[2]!;
    expect(mistral.visits).toBe(12);
    expect(mistral.score).toBeCloseTo(4.4 + ALTERNATIVE_WEIGHTS.compared, 10);
    expect(mistral.reasons).toContainEqual({ kind: "compared", visits: 12 });
    // Two visits are not "often": Llama 4 rises without the reason.
    expect(alternatives[3]!.reasons.map((reason) => reason.kind)).toEqual(["category"]);
    expect(PAIR_VISIT_WINDOW_DAYS).toBe(90);
  });
});

describe("what an alternatives page is for", () => {
  it("no page for an unknown or archived tool; an archived tool is never an alternative", async () => {
    const category = await client.category.create({ data: { slug: `alt-${Date.now()}`, name: `Alternatives ${Date.now()}` } });
    const [listed, other, archived] = [await createTool(client, { categoryId: category.id }), await createTool(client, { categoryId: category.id }), await createTool(client, { categoryId: category.id, archived: true })];
    expect(await getAlternatives("no-such-tool")).toBeNull();
    expect(await getAlternatives(archived.slug)).toBeNull();
    expect(await order(listed.slug)).toEqual([other.slug]);
  });
});

describe("counting comparison visits", () => {
  it("four nodes counting and flushing at once add up to exactly the visits at each pair's canonical address", async () => {
    const [a, b, c, d, gone] = [await createTool(client), await createTool(client), await createTool(client), await createTool(client), await createTool(client, { archived: true })];
    const bySlug = [a, b, c, d].sort((x, y) => (x.slug < y.slug ? -1 : 1));
    // One pair has an editor's comparison written the other way round: its canonical address is the editor's slug.
    const [first, second, third, fourth] = bySlug as [Tool, Tool, Tool, Tool];
    await createComparison(client, { toolA: fourth, toolB: first });
    const today = utcDay();
    // The addresses the nodes see: canonical ones count; the other order (a navigation the page redirects),
    // an unknown tool, an archived tool and a tool against itself never do.
    const counted: [string, string, Tool, Tool][] = [
      [first.slug, second.slug, first, second],
      [second.slug, third.slug, second, third],
      [fourth.slug, first.slug, fourth, first],
    ];
    const ignored: [string, string][] = [
      [second.slug, first.slug],
      [first.slug, fourth.slug],
      [first.slug, "no-such-tool"],
      [first.slug, gone.slug],
      [third.slug, third.slug],
    ];
    const NODES = 4;
    const ROUNDS = 25;
    const pools = Array.from({ length: NODES }, () => createPool(process.env.DATABASE_URL!, { poolSize: 2 }));
    const expected = new Map<string, number>();
    try {
      await Promise.all(
        pools.map(async (pool, node) => {
          const counter = new PairVisitCounter();
          for (let round = 0; round < ROUNDS; round++) {
            // Each node sees a different number of visits per address and round; all flush concurrently.
            counted.forEach(([x, y], index) => {
              const visits = 1 + ((node + round + index) % 5);
              for (let i = 0; i < visits; i++) counter.add(today, x, y);
              expected.set(`${x} ${y}`, (expected.get(`${x} ${y}`) ?? 0) + visits);
            });
            for (const [x, y] of ignored) counter.add(today, x, y, 3);
            const { batch } = counter.take();
            await writePairVisits(batch as PairVisits[], pool);
          }
        }),
      );
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
    }
    for (const [x, y, toolX, toolY] of counted) expect(await pairVisits(toolX, toolY), `${x}-vs-${y}`).toBe(expected.get(`${x} ${y}`));
    expect(await pairVisits(third, fourth)).toBe(0);
    expect(await client.comparisonVisit.count({ where: { OR: [{ toolAId: gone.id }, { toolBId: gone.id }] } })).toBe(0);
    // One row per pair and day, the pair stored once (smaller id first, a CHECK).
    expect(await client.comparisonVisit.count({ where: { toolAId: { in: bySlug.map((tool) => tool.id) }, day: new Date(`${today}T00:00:00Z`) } })).toBe(3);
    expect([...expected.values()].reduce((sum, visits) => sum + visits, 0)).toBe(3 * NODES * ROUNDS * 3);
  });
});

describe("the visits kept", () => {
  it("the queue's daily prune deletes the days past the window, the window's first day kept", async () => {
    const [x, y] = [await createTool(client), await createTool(client)];
    const [a, b] = [x.slug, y.slug].sort() as [string, string];
    // As the cron tick of 00:30 UTC on 2031-06-10 runs it: the window is 2031-03-13 … 2031-06-10 (90 days).
    const tick = new Date("2031-06-10T00:30:00.000Z");
    const first = utcDay(visitWindowStart(tick));
    expect(first).toBe("2031-03-13");
    const before = utcDay(new Date(visitWindowStart(tick).getTime() - 86_400_000));
    await writePairVisits([
      { day: before, a, b, visits: 5 },
      { day: "2030-01-01", a, b, visits: 7 },
      { day: first, a, b, visits: 3 },
      { day: "2031-06-09", a, b, visits: 1 },
    ]);
    expect(await pairVisits(x, y)).toBe(16);
    const connectionString = process.env.DATABASE_URL!;
    await quickAddJob({ connectionString }, "prune_comparison_visits", { _cron: { ts: tick.toISOString() } });
    await runOnce({ connectionString, taskList: jobTasks(client, { newAccountHours: 24 }) });
    const [toolAId, toolBId] = [x.id, y.id].sort();
    const days = await client.comparisonVisit.findMany({ where: { toolAId, toolBId }, select: { day: true }, orderBy: { day: "asc" } });
    expect(days.map((row) => utcDay(row.day))).toEqual([first, "2031-06-09"]);
  });
});
