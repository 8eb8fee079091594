import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../helpers/databases";

/**
 * DATABASE_REPLICA_URLS routes public reads through Prisma's read-replica
 * extension. The "replica" here is a second copy of the seed in which one
 * tagline differs, so each read shows where it went; writes and a visitor's
 * own votes must stay on the primary.
 */
let replica: Awaited<ReturnType<typeof createTestDatabase>>;
const REPLICA_TAGLINE = "Served from the replica";

beforeAll(async () => {
  replica = await createTestDatabase("seeded");
  const client = new pg.Client({ connectionString: replica.url });
  await client.connect();
  await client.query(`UPDATE "Tool" SET tagline = $1 WHERE slug = 'whisper'`, [REPLICA_TAGLINE]);
  await client.end();
  // lib/env reads the environment on first import, which comes after this.
  process.env.DATABASE_REPLICA_URLS = replica.url;
});

afterAll(async () => {
  const { closeDb } = await import("@/lib/db");
  await closeDb();
  await replica.drop();
});

describe("read replicas", () => {
  it("public reads (tool page, directory search, comparisons) go to the replica", async () => {
    const { getTool } = await import("@/lib/tools/queries");
    const { searchTools } = await import("@/lib/tools/directory");
    const { getComparison } = await import("@/lib/comparisons/queries");
    expect((await getTool("whisper"))?.tagline).toBe(REPLICA_TAGLINE);
    const found = await searchTools({ q: "served from the replica", page: 1, pageSize: 5 });
    expect(found.tools.map((tool) => tool.slug)).toEqual(["whisper"]);
    const comparison = await getComparison("whisper-vs-elevenlabs");
    expect(comparison.kind === "found" && comparison.comparison.toolA.tagline).toBe(REPLICA_TAGLINE);
  });

  it("writes and read-your-own-vote stay on the primary", async () => {
    const { db } = await import("@/lib/db");
    const { setVote } = await import("@/lib/votes/writes");
    const { getUserVotes } = await import("@/lib/votes/queries");
    const user = await db.user.create({ data: { email: `replica-${Date.now()}@example.test` } });
    const result = await setVote(user.id, "whisper", "ship");
    expect(result.counters.communityTotal).toBe(1);
    const tool = await db.tool.findUniqueOrThrow({ where: { slug: "whisper" }, select: { id: true, tagline: true } });
    expect(tool.tagline).not.toBe(REPLICA_TAGLINE);
    expect((await getUserVotes(user.id, [tool.id])).get(tool.id)).toBe("ship");

    const onReplica = new pg.Client({ connectionString: replica.url });
    await onReplica.connect();
    const { rows } = await onReplica.query(`SELECT count(*)::int AS n FROM "Vote"`);
    await onReplica.end();
    expect(rows[0].n).toBe(0);
  });
});
