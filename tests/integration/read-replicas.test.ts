import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import type { Comparison, Tool } from "@/lib/generated/prisma/client";
import { createSignedInUser } from "../helpers/auth";
import { copyTestDatabase } from "../helpers/databases";
import { createComparison, createTool } from "../helpers/factories";

/**
 * DATABASE_REPLICA_URLS routes public reads through Prisma's read-replica
 * extension. The "replica" here is a copy of the primary in which one
 * tagline differs, so each read shows where it went; writes and a visitor's
 * own votes must stay on the primary.
 */
let replica: Awaited<ReturnType<typeof copyTestDatabase>>;
let tool: Tool;
let comparison: Comparison;
const REPLICA_TAGLINE = "Served from the replica";

beforeAll(async () => {
  const client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 1 });
  try {
    tool = await createTool(client, { tagline: "Captions for every recording" });
    comparison = await createComparison(client, { toolA: tool, toolB: await createTool(client) });
  } finally {
    await client.$disconnect();
  }
  // Copied once nothing is connected to the primary any more (the app's pool opens on first use, below).
  replica = await copyTestDatabase(process.env.DATABASE_URL!);
  const onReplica = new pg.Client({ connectionString: replica.url });
  await onReplica.connect();
  await onReplica.query(`UPDATE "Tool" SET tagline = $1 WHERE slug = $2`, [REPLICA_TAGLINE, tool.slug]);
  await onReplica.end();
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
    expect((await getTool(tool.slug))?.tagline).toBe(REPLICA_TAGLINE);
    const found = await searchTools({ q: "served from the replica", page: 1, pageSize: 5 });
    expect(found.tools.map((t) => t.slug)).toEqual([tool.slug]);
    const compared = await getComparison(comparison.slug);
    expect(compared.kind === "found" && compared.comparison.toolA.tagline).toBe(REPLICA_TAGLINE);
  });

  it("writes and read-your-own-vote stay on the primary", async () => {
    const { db } = await import("@/lib/db");
    const { setVote } = await import("@/lib/votes/writes");
    const { getViewer } = await import("@/lib/users/viewer");
    const { user, sessionToken } = await createSignedInUser(db);
    const result = await setVote(user.id, tool.slug, "ship");
    expect(result.counters.communityTotal).toBe(1);
    const onPrimary = await db.tool.findUniqueOrThrow({ where: { slug: tool.slug }, select: { id: true, tagline: true } });
    expect(onPrimary.tagline).toBe("Captions for every recording");
    // The reader's own votes (GET /api/me) are read from the primary: a vote shows at once, however far a replica lags.
    expect((await getViewer(sessionToken)).votes[tool.slug]).toBe("ship");

    const onReplica = new pg.Client({ connectionString: replica.url });
    await onReplica.connect();
    const { rows } = await onReplica.query(`SELECT count(*)::int AS n FROM "Vote"`);
    await onReplica.end();
    expect(rows[0].n).toBe(0);
  });
});
