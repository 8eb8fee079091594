import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getHistory } from "@/app/api/tools/[slug]/history/route";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import type { Decision, Tool, Verdict } from "@/lib/generated/prisma/client";
import { lockToolStats } from "@/lib/stats/lock";
import { refreshPanelStats } from "@/lib/stats/panel";
import { getToolHistory } from "@/lib/trends/queries";
import { utcDay } from "@/lib/trends/snapshot";
import { saveVerdict } from "@/lib/verdicts/writes";
import { createReviewer, createTool, createUser, createVerdict } from "../helpers/factories";

/**
 * A tool's standing over time (GET /api/tools/:slug/history and the tool
 * page's trend): the daily snapshots of a listed tool, oldest first, within a
 * window of at most 366 days; and the days a reviewer's published call on it
 * began or changed.
 */

let client: PrismaClient;
beforeAll(() => {
  client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 4 });
});
afterAll(() => client.$disconnect());

const ORIGIN = "http://localhost";
const DAY_MS = 86_400_000;
/** `n` UTC days before today, at noon: a day of its own, whatever the hour the test runs. */
const daysAgo = (n: number) => new Date(Date.parse(`${utcDay(new Date())}T12:00:00Z`) - n * DAY_MS);
const dayAgo = (n: number) => utcDay(daysAgo(n));

type Figures = { panelShip: number; panelTotal: number; communityShip: number; communityTotal: number; sample?: boolean };

function snapshot(tool: Pick<Tool, "id">, ago: number, figures: Figures) {
  return client.toolSnapshot.create({ data: { toolId: tool.id, day: new Date(`${dayAgo(ago)}T00:00:00Z`), ...figures } });
}

async function history(slug: string, query = "") {
  const response = await getHistory(new Request(`${ORIGIN}/api/tools/${slug}/history${query}`), {
    params: Promise.resolve({ slug }),
  } as RouteContext<"/api/tools/[slug]/history">);
  return { status: response.status, body: (await response.json()) as { data: Record<string, unknown>[]; error?: { code: string; issues?: { path: string }[] } } };
}

/** A published (or not) revision of a verdict on an earlier day, as a staff edit writes it: the verdict, its revision and the panel counters together. */
async function revise(verdict: Verdict, version: number, change: { decision: Decision; published?: boolean; at: Date }) {
  const published = change.published ?? true;
  await client.$transaction(async (tx) => {
    await lockToolStats(tx, verdict.toolId);
    await tx.verdict.update({ where: { id: verdict.id }, data: { decision: change.decision, published, version } });
    await tx.verdictRevision.create({
      data: { verdictId: verdict.id, version, decision: change.decision, body: verdict.body, published, reason: "Changed my mind", createdAt: change.at },
    });
    await refreshPanelStats(tx, verdict.toolId);
  });
}

describe("GET /api/tools/:slug/history", () => {
  it("answers the tool's daily figures oldest first, with exactly the documented fields", async () => {
    const tool = await createTool(client);
    const other = await createTool(client);
    // Written out of order: the answer is by day.
    await snapshot(tool, 1, { panelShip: 3, panelTotal: 4, communityShip: 30, communityTotal: 50 });
    await snapshot(tool, 3, { panelShip: 2, panelTotal: 4, communityShip: 0, communityTotal: 0, sample: true });
    await snapshot(tool, 2, { panelShip: 3, panelTotal: 4, communityShip: 12, communityTotal: 20 });
    await snapshot(other, 2, { panelShip: 1, panelTotal: 1, communityShip: 1, communityTotal: 1 });

    const { status, body } = await history(tool.slug);
    expect(status).toBe(200);
    expect(Object.keys(body)).toEqual(["data"]);
    expect(body.data).toEqual([
      { day: dayAgo(3), panelShip: 2, panelTotal: 4, communityShip: 0, communityTotal: 0, sample: true },
      { day: dayAgo(2), panelShip: 3, panelTotal: 4, communityShip: 12, communityTotal: 20, sample: false },
      { day: dayAgo(1), panelShip: 3, panelTotal: 4, communityShip: 30, communityTotal: 50, sample: false },
    ]);
    for (const row of body.data) expect(Object.keys(row).sort()).toEqual(["communityShip", "communityTotal", "day", "panelShip", "panelTotal", "sample"]);
    expect(body.data[0]!.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("keeps to the last 180 days unless ?days= says how many (today included, at most 366)", async () => {
    const tool = await createTool(client);
    for (const ago of [0, 1, 2, 179, 180, 365, 366]) await snapshot(tool, ago, { panelShip: 1, panelTotal: 2, communityShip: ago % 5, communityTotal: 5 });
    const days = async (query = "") => (await history(tool.slug, query)).body.data.map((row) => row.day);

    expect(await days()).toEqual([179, 2, 1, 0].map(dayAgo));
    expect(await days("?days=1")).toEqual([dayAgo(0)]);
    expect(await days("?days=2")).toEqual([dayAgo(1), dayAgo(0)]);
    expect(await days("?days=366")).toEqual([365, 180, 179, 2, 1, 0].map(dayAgo));
    // Other parameters are ignored, as on the other read APIs.
    expect(await days("?days=3&foo=bar")).toEqual([2, 1, 0].map(dayAgo));
  });

  it("answers an empty list for a listed tool with no snapshots yet", async () => {
    const tool = await createTool(client);
    expect(await history(tool.slug)).toEqual({ status: 200, body: { data: [] } });
  });

  it("answers 404 in the API's error shape for an unknown, malformed or archived tool", async () => {
    const archived = await createTool(client, { archived: true });
    await snapshot(archived, 1, { panelShip: 1, panelTotal: 1, communityShip: 1, communityTotal: 1 });
    for (const slug of ["no-such-tool-here", "Not A Slug", archived.slug]) {
      const { status, body } = await history(slug);
      expect(status, slug).toBe(404);
      expect(body).toEqual({ error: { code: "not_found", message: `Tool "${slug}" not found` } });
    }
  });

  it("answers 400 with the issue for a days value that is not a whole number from 1 to 366", async () => {
    const tool = await createTool(client);
    for (const days of ["0", "367", "-5", "1.5", "abc", ""]) {
      const { status, body } = await history(tool.slug, `?days=${encodeURIComponent(days)}`);
      expect(status, days).toBe(400);
      expect(body.error).toMatchObject({ code: "invalid_request", issues: [{ path: "days" }] });
    }
  });
});

describe("panel markers on a tool's history", () => {
  it("mark the day a verdict was first published and each day a published call changed, with the reviewer and the new call", async () => {
    const tool = await createTool(client);
    const [ada, ben, cleo, dana, eli] = await Promise.all(
      ["Ada Marker", "Ben Marker", "Cleo Marker", "Dana Marker", "Eli Marker"].map((name) => createReviewer(client, { name })),
    );
    const staff = await createUser(client, { role: "STAFF" });

    // Ada: first published 10 days ago (ship), flips to skip 5 days ago; an unpublished draft
    // back to ship 4 days ago and a published edit that keeps skip 3 days ago are no change.
    const adaVerdict = await createVerdict(client, { tool, reviewer: ada!, decision: "SHIP", at: daysAgo(10) });
    await revise(adaVerdict, 2, { decision: "SKIP", at: daysAgo(5) });
    await revise(adaVerdict, 3, { decision: "SHIP", published: false, at: daysAgo(4) });
    await revise(adaVerdict, 4, { decision: "SKIP", at: daysAgo(3) });

    // Ben: published long before the window (skip); flips to ship 2 days ago, and to skip today
    // through the staff editor's write.
    const benVerdict = await createVerdict(client, { tool, reviewer: ben!, decision: "SKIP", at: daysAgo(300) });
    await revise(benVerdict, 2, { decision: "SHIP", at: daysAgo(2) });
    const saved = await saveVerdict({ verdictId: benVerdict.id, expectedVersion: 2, decision: "SKIP", body: "Too slow now.", published: true, reason: "Slower" }, staff.id);
    expect(saved).toEqual({ changed: true, version: 3 });

    // Cleo: flips and flips back on one day: that day ends with the call it began with.
    const cleoVerdict = await createVerdict(client, { tool, reviewer: cleo!, decision: "SHIP", at: daysAgo(20) });
    await revise(cleoVerdict, 2, { decision: "SKIP", at: new Date(daysAgo(6).getTime() - 3_600_000) });
    await revise(cleoVerdict, 3, { decision: "SHIP", at: daysAgo(6) });

    // Dana: never published; Eli: no longer on the panel. Neither shows.
    await createVerdict(client, { tool, reviewer: dana!, decision: "SHIP", published: false, at: daysAgo(8) });
    await createVerdict(client, { tool, reviewer: eli!, decision: "SKIP", at: daysAgo(7) });
    await client.reviewer.update({ where: { id: eli!.id }, data: { active: false } });

    const result = await getToolHistory(tool.slug);
    expect(result?.tool).toEqual({ slug: tool.slug, name: tool.name });
    expect(result?.markers).toEqual([
      { day: dayAgo(20), reviewer: "Cleo Marker", decision: "ship", first: true },
      { day: dayAgo(10), reviewer: "Ada Marker", decision: "ship", first: true },
      { day: dayAgo(5), reviewer: "Ada Marker", decision: "skip", first: false },
      { day: dayAgo(2), reviewer: "Ben Marker", decision: "ship", first: false },
      { day: dayAgo(0), reviewer: "Ben Marker", decision: "skip", first: false },
    ]);

    // A shorter window keeps the markers in it, still judged against the calls before it.
    expect((await getToolHistory(tool.slug, { days: 3 }))?.markers).toEqual([
      { day: dayAgo(2), reviewer: "Ben Marker", decision: "ship", first: false },
      { day: dayAgo(0), reviewer: "Ben Marker", decision: "skip", first: false },
    ]);
    // The year window reaches Ben's first verdict.
    expect((await getToolHistory(tool.slug, { days: 366 }))?.markers[0]).toEqual({ day: dayAgo(300), reviewer: "Ben Marker", decision: "skip", first: true });
  });

  it("are none, with no days, for a tool nobody has reviewed; and an archived tool has no history at all", async () => {
    const tool = await createTool(client);
    expect(await getToolHistory(tool.slug)).toEqual({ tool: { slug: tool.slug, name: tool.name }, days: [], markers: [] });
    const archived = await createTool(client, { archived: true });
    expect(await getToolHistory(archived.slug)).toBeNull();
    expect(await getToolHistory("no-such-tool-here")).toBeNull();
  });
});
