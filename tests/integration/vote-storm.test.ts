import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE, PUT } from "@/app/api/tools/[slug]/vote/route";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { findCounterDrift } from "@/lib/stats/reconcile";
import { createSignedInUser } from "../helpers/auth";
import { createCategory, createTool } from "../helpers/factories";

// A seeded random generator, so a failing storm can be replayed.
function random(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) % 2 ** 32;
    return seed / 2 ** 32;
  };
}

const USERS = 100;
const TOOLS = 20;

let client: PrismaClient;
beforeAll(() => {
  client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 4 });
});
afterAll(() => client.$disconnect());

describe("vote storm", () => {
  it(`${USERS} users × ${TOOLS} tools casting, changing and withdrawing at once end with exact counters`, async () => {
    const category = await createCategory(client);
    const tools = [];
    for (let i = 0; i < TOOLS; i++) tools.push(await createTool(client, { name: `Storm ${i}`, categoryId: category.id }));
    // A few without their counter row yet, so the storm also races to create it (lib/votes/writes.ts).
    await client.toolStats.deleteMany({ where: { toolId: { in: tools.slice(-3).map((tool) => tool.id) } } });
    const slugs = tools.map((t) => t.slug);
    const users = await Promise.all(Array.from({ length: USERS }, () => createSignedInUser(client)));

    const next = random(20261124);
    type Op = { method: "PUT" | "DELETE"; slug: string; cookie: string; decision?: "ship" | "skip" };
    // Each user: every tool gets a vote, some are changed, some withdrawn (≤ 60 requests a user, the rate limit).
    const scripts: Op[][] = users.map(({ cookie }) =>
      slugs.flatMap((slug) => {
        const ops: Op[] = [{ method: "PUT", slug, cookie, decision: next() < 0.6 ? "ship" : "skip" }];
        if (next() < 0.5) ops.push({ method: "PUT", slug, cookie, decision: next() < 0.5 ? "ship" : "skip" });
        if (next() < 0.3) ops.push({ method: "DELETE", slug, cookie });
        return ops;
      }),
    );
    // Interleave: every user runs its script concurrently, three tools at a time; a tool's ops
    // run in order while different tools' and users' ops race each other (~300 in flight).
    let inFlight = 0;
    let peak = 0;
    const statuses = new Map<number, number>();
    const send = async (op: Op) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      const body = op.decision ? JSON.stringify({ decision: op.decision }) : undefined;
      const request = new Request(`http://localhost/api/tools/${op.slug}/vote`, {
        method: op.method,
        headers: { cookie: op.cookie, origin: "http://localhost", ...(body ? { "content-type": "application/json" } : {}) },
        body,
      });
      const context = { params: Promise.resolve({ slug: op.slug }) };
      const response = await (op.method === "PUT" ? PUT(request, context) : DELETE(request, context));
      inFlight--;
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      return response.status;
    };
    const started = performance.now();
    await Promise.all(
      scripts.flatMap((ops) => {
        const byTool = new Map<string, Op[]>();
        for (const op of ops) byTool.set(op.slug, [...(byTool.get(op.slug) ?? []), op]);
        const queue = [...byTool.values()];
        return Array.from({ length: 3 }, async () => {
          for (let toolOps = queue.shift(); toolOps; toolOps = queue.shift()) {
            for (const op of toolOps) await send(op);
          }
        });
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const total = [...statuses.values()].reduce((a, b) => a + b, 0);
    console.log(`vote storm: ${total} requests in ${seconds.toFixed(1)} s, peak ${peak} in flight, statuses ${JSON.stringify(Object.fromEntries(statuses))}`);

    expect(peak).toBeGreaterThanOrEqual(100);
    expect(statuses.get(200)).toBe(total);

    // The final state each user meant: last op per user × tool.
    const expected = new Map<string, "SHIP" | "SKIP" | null>();
    scripts.forEach((ops, index) => {
      for (const op of ops) expected.set(`${users[index]!.user.id}:${op.slug}`, op.decision ? (op.decision === "ship" ? "SHIP" : "SKIP") : null);
    });
    const votes = await client.vote.findMany({
      where: { userId: { in: users.map((u) => u.user.id) } },
      select: { userId: true, decision: true, tool: { select: { slug: true } } },
    });
    const actual = new Map(votes.map((v) => [`${v.userId}:${v.tool.slug}`, v.decision]));
    expect(actual.size).toBe(votes.length); // at most one vote per user × tool
    for (const [key, decision] of expected) expect(actual.get(key) ?? null, key).toBe(decision);

    expect(await findCounterDrift(client)).toEqual([]);
  }, 180_000);

  it("one user's simultaneous requests on one tool (double clicks, vote + withdraw) stay exact", async () => {
    const { slug } = await createTool(client);
    const users = await Promise.all(Array.from({ length: 50 }, () => createSignedInUser(client)));
    const call = (cookie: string, method: "PUT" | "DELETE", decision?: "ship" | "skip") => {
      const body = decision ? JSON.stringify({ decision }) : undefined;
      const request = new Request(`http://localhost/api/tools/${slug}/vote`, {
        method,
        headers: { cookie, origin: "http://localhost", ...(body ? { "content-type": "application/json" } : {}) },
        body,
      });
      const context = { params: Promise.resolve({ slug }) };
      return (method === "PUT" ? PUT(request, context) : DELETE(request, context)).then((r) => r.status);
    };
    const statuses = await Promise.all(
      users.flatMap(({ cookie }, i) =>
        i % 2
          ? [call(cookie, "PUT", "ship"), call(cookie, "PUT", "skip"), call(cookie, "PUT", "ship")]
          : [call(cookie, "PUT", "skip"), call(cookie, "DELETE"), call(cookie, "PUT", "ship")],
      ),
    );
    expect(statuses.every((status) => status === 200)).toBe(true);
    const counts = await client.vote.groupBy({ by: ["userId"], where: { userId: { in: users.map((u) => u.user.id) } }, _count: true });
    expect(counts.every((c) => c._count === 1)).toBe(true);
    expect(await findCounterDrift(client)).toEqual([]);
  }, 60_000);
});
