import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { TOOL_STATS_CHANNEL, type ToolStatsChange } from "@/lib/stats/write";
import { setVote } from "@/lib/votes/writes";
import { createSignedInUser } from "../helpers/auth";

let client: PrismaClient;
let listener: pg.Client;
const received: ToolStatsChange[] = [];

beforeAll(async () => {
  client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 2 });
  listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await listener.connect();
  listener.on("notification", (message) => {
    if (message.channel === TOOL_STATS_CHANNEL && message.payload) received.push(JSON.parse(message.payload));
  });
  await listener.query(`LISTEN ${TOOL_STATS_CHANNEL}`);
});
afterAll(async () => {
  await listener.end();
  await client.$disconnect();
});

const next = async (count: number) => {
  for (let i = 0; i < 100 && received.length < count; i++) await new Promise((resolve) => setTimeout(resolve, 20));
  return received.slice(0, count);
};

describe("counter writes announce themselves on commit", () => {
  it("a vote sends the tool's new counters once, and re-sending the same vote sends nothing", async () => {
    received.length = 0;
    const { user } = await createSignedInUser(client);
    await setVote(user.id, "whisper", "ship");
    const [event] = await next(1);
    const stats = await client.toolStats.findFirstOrThrow({ where: { tool: { slug: "whisper" } } });
    expect(event).toMatchObject({
      toolId: stats.toolId,
      slug: "whisper",
      communityShip: stats.communityShip,
      communityTotal: stats.communityTotal,
      panelShip: stats.panelShip,
      panelTotal: stats.panelTotal,
    });
    expect(event!.at).toBeGreaterThan(Date.now() - 60_000);

    await setVote(user.id, "whisper", "ship");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(received).toHaveLength(1);
  });

  it("a staff change to the panel (here: unpublishing a verdict) announces the new panel figures", async () => {
    received.length = 0;
    const { refreshPanelStats } = await import("@/lib/stats/panel");
    const { lockToolStats } = await import("@/lib/stats/lock");
    const verdict = await client.verdict.findFirstOrThrow({ where: { tool: { slug: "aider" }, published: true }, select: { id: true, toolId: true } });
    const before = await client.toolStats.findUniqueOrThrow({ where: { toolId: verdict.toolId } });
    await client.$transaction(async (tx) => {
      await lockToolStats(tx, verdict.toolId);
      await tx.verdict.update({ where: { id: verdict.id }, data: { published: false } });
      await refreshPanelStats(tx, verdict.toolId);
    });
    const [event] = await next(1);
    expect(event).toMatchObject({ slug: "aider", panelTotal: before.panelTotal - 1 });
  });

  it("a write that rolls back announces nothing", async () => {
    received.length = 0;
    const { writeToolStats, setStats } = await import("@/lib/stats/write");
    const tool = await client.tool.findUniqueOrThrow({ where: { slug: "whisper" }, select: { id: true } });
    await expect(
      client.$transaction(async (tx) => {
        await writeToolStats(tx, tool.id, setStats({ communityShip: 0, communityTotal: 0 }));
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(received).toEqual([]);
  });
});
