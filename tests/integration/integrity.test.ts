import { parseCrontab, quickAddJob, runOnce } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { CRONTAB, jobTasks, snapshotDay } from "@/lib/jobs/tasks";
import { findCounterDrift } from "@/lib/stats/reconcile";
import { writeDailySnapshot } from "@/lib/trends/snapshot";
import { promotePendingVotes } from "@/lib/votes/promote";
import { createSignedInUser } from "../helpers/auth";
import { createTool, createUser, createVotes } from "../helpers/factories";

/**
 * A figure a vote ring cannot swing (docs/decisions/030): new accounts' votes
 * wait (pending) and are counted by a scheduled job inside the counter path;
 * staff see unusual voting in the integrity view and void a set of votes
 * (reversibly); an identical reason from many accounts is flagged to the
 * moderation queue; and every tool's figures are snapshotted once per day.
 */

vi.mock("next/navigation", async () => (await import("../helpers/next-mocks")).navigation);
vi.mock("next/cache", async (original) => ({ ...(await original<typeof import("next/cache")>()), refresh: () => undefined }));

const { PUT: putVote } = await import("@/app/api/tools/[slug]/vote/route");
const { GET: getToolApi } = await import("@/app/api/tools/[slug]/route");
const { setVote } = await import("@/lib/votes/writes");
const { listVoteRates, listVoteVoids } = await import("@/lib/integrity/queries");
const { IntegrityError, restoreVoid, voidVotes } = await import("@/lib/integrity/writes");
const { listModerationQueue } = await import("@/lib/moderation/queries");
const { dismissReports } = await import("@/lib/moderation/writes");
const { deleteUser } = await import("@/lib/users/writes");

const ORIGIN = "http://localhost";
const NEW_ACCOUNT_HOURS = 24; // the default (lib/env)
let client: PrismaClient;
let staffId: string;

beforeAll(async () => {
  client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 4 });
  staffId = (await createUser(client, { role: "STAFF" })).id;
});
afterAll(() => client.$disconnect());

async function figures(slug: string) {
  const stats = await client.toolStats.findFirstOrThrow({ where: { tool: { slug } } });
  return { ship: stats.communityShip, total: stats.communityTotal, pending: stats.pendingVotes };
}

/** The community figure as the public API shows it. */
async function shown(slug: string) {
  const response = await getToolApi(new Request(`${ORIGIN}/api/tools/${slug}`), { params: Promise.resolve({ slug }) });
  const body = (await response.json()) as { data: { scores: { community: { ship: number; total: number; percent: number | null; pending: number } } } };
  expect(response.status, JSON.stringify(body)).toBe(200);
  return body.data.scores.community;
}

const newAccounts = (count: number) => Promise.all(Array.from({ length: count }, () => createUser(client, { createdAt: new Date() })));
const age = (ids: string[], hours: number) =>
  client.user.updateMany({ where: { id: { in: ids } }, data: { createdAt: new Date(Date.now() - hours * 3_600_000) } });

describe("pending votes", () => {
  it("200 fresh accounts voting one way move the displayed figure by 0 until they age, appear in the integrity view, then count exactly", async () => {
    const tool = await createTool(client);
    await createVotes(client, tool, { ship: 6, skip: 14 }); // established readers: 30 %
    const before = await shown(tool.slug);
    expect(before).toMatchObject({ ship: 6, total: 20, pending: 0 });

    const ring = await newAccounts(200);
    for (const member of ring) {
      const result = await setVote(member.id, tool.slug, "ship");
      expect(result.pending).toBe(true);
    }
    const during = await shown(tool.slug);
    expect({ ...during, pending: undefined }).toEqual({ ...before, pending: undefined });
    expect(during.pending).toBe(200);
    expect(await figures(tool.slug)).toEqual({ ship: 6, total: 20, pending: 200 });
    expect(await findCounterDrift(client)).toEqual([]);

    const rate = (await listVoteRates()).find((row) => row.slug === tool.slug);
    expect(rate).toMatchObject({ lastHour: 220, lastHourNew: 200, pendingVotes: 200, flagged: true });
    expect((await listVoteRates())[0]?.slug).toBe(tool.slug); // the most unusual first

    // The job finds nobody old enough yet: nothing moves.
    expect(await promotePendingVotes(client, NEW_ACCOUNT_HOURS)).toBe(0);
    // Half the ring ages past the threshold: exactly those count.
    await age(ring.slice(0, 100).map((user) => user.id), NEW_ACCOUNT_HOURS + 1);
    expect(await promotePendingVotes(client, NEW_ACCOUNT_HOURS)).toBe(100);
    expect(await figures(tool.slug)).toEqual({ ship: 106, total: 120, pending: 100 });
    await age(ring.slice(100).map((user) => user.id), NEW_ACCOUNT_HOURS + 1);
    expect(await promotePendingVotes(client, NEW_ACCOUNT_HOURS)).toBe(100);
    expect(await figures(tool.slug)).toEqual({ ship: 206, total: 220, pending: 0 });
    expect(await promotePendingVotes(client, NEW_ACCOUNT_HOURS)).toBe(0);
    expect(await findCounterDrift(client)).toEqual([]);
  }, 60_000);

  it("a pending vote keeps waiting when it flips, leaves the pending count when withdrawn, and a new account is told over the API", async () => {
    const tool = await createTool(client);
    const reader = await createSignedInUser(client, { newAccount: true });
    const put = async (body: unknown) => {
      const response = await putVote(
        new Request(`${ORIGIN}/api/tools/${tool.slug}/vote`, { method: "PUT", body: JSON.stringify(body), headers: { origin: ORIGIN, cookie: reader.cookie, "content-type": "application/json" } }),
        { params: Promise.resolve({ slug: tool.slug }) },
      );
      expect(response.status).toBe(200);
      return ((await response.json()) as { data: { vote: string; pending: boolean; scores: { community: { total: number; pending: number } } } }).data;
    };
    expect(await put({ decision: "ship" })).toMatchObject({ vote: "ship", pending: true, scores: { community: { total: 0, pending: 1 } } });
    expect(await put({ decision: "skip" })).toMatchObject({ vote: "skip", pending: true, scores: { community: { total: 0, pending: 1 } } });
    expect(await figures(tool.slug)).toEqual({ ship: 0, total: 0, pending: 1 });
    await setVote(reader.user.id, tool.slug, null);
    expect(await figures(tool.slug)).toEqual({ ship: 0, total: 0, pending: 0 });
    // An established reader's vote counts at once, and says so.
    const old = await createSignedInUser(client);
    expect((await setVote(old.user.id, tool.slug, "ship")).pending).toBe(false);
    expect(await figures(tool.slug)).toEqual({ ship: 1, total: 1, pending: 0 });
  });

  it("deleting a new account takes its pending votes out of the pending count", async () => {
    const tool = await createTool(client);
    const [reader] = await newAccounts(1);
    await setVote(reader!.id, tool.slug, "skip");
    expect(await figures(tool.slug)).toEqual({ ship: 0, total: 0, pending: 1 });
    await deleteUser(reader!.id);
    expect(await figures(tool.slug)).toEqual({ ship: 0, total: 0, pending: 0 });
    expect(await findCounterDrift(client)).toEqual([]);
  });
});

describe("voiding votes", () => {
  it("voids a set of votes (kept, counters moved in the same transaction, audited) and restores them", async () => {
    const tool = await createTool(client);
    const established = await createVotes(client, tool, { ship: 3, skip: 2 });
    // Four accounts new when they vote: two signed up 23 hours ago, two just now.
    const ring = [
      ...(await Promise.all([0, 1].map(() => createUser(client, { createdAt: new Date(Date.now() - 23 * 3_600_000) })))),
      ...(await newAccounts(2)),
    ];
    for (const member of ring) await setVote(member.id, tool.slug, "ship");
    // Under a 22-hour threshold the older two count now; the vote still came from accounts new under the site's 24.
    expect(await promotePendingVotes(client, 22)).toBe(2);
    expect(await figures(tool.slug)).toEqual({ ship: 5, total: 7, pending: 2 });

    // New accounts only (at the time they voted): the ring's four, counted or pending.
    const voided = await voidVotes({ tool: tool.slug, minutes: 60, newAccountsOnly: true, reason: "Vote ring from one network" }, staffId);
    expect(voided.votes).toBe(4);
    expect(await figures(tool.slug)).toEqual({ ship: 3, total: 5, pending: 0 });
    expect(await client.vote.count({ where: { toolId: tool.id } })).toBe(9); // kept
    expect(await findCounterDrift(client)).toEqual([]);
    const [entry] = await client.auditLog.findMany({ where: { entityType: "VoteVoid", entityId: voided.id } });
    expect(entry).toMatchObject({ action: "votes.void", actorId: staffId, after: expect.objectContaining({ votes: 4, counted: 2, pending: 2 }) });
    expect((await listVoteVoids()).find((row) => row.id === voided.id)).toMatchObject({ voteCount: 4, restoredAt: null, newAccountsOnly: true });
    // The integrity view no longer counts voided votes.
    expect((await listVoteRates()).find((row) => row.slug === tool.slug)).toMatchObject({ lastHour: 5, lastHourNew: 0, voidedLastHour: 4 });

    // A voided vote that flips or is withdrawn moves nothing.
    await setVote(ring[0]!.id, tool.slug, "skip");
    await setVote(ring[2]!.id, tool.slug, null);
    expect(await figures(tool.slug)).toEqual({ ship: 3, total: 5, pending: 0 });
    // Nothing left to void: refused, nothing written.
    await expect(voidVotes({ tool: tool.slug, minutes: 60, newAccountsOnly: true, reason: "Again" }, staffId)).rejects.toBeInstanceOf(IntegrityError);
    expect(await client.voteVoid.count({ where: { toolId: tool.id } })).toBe(1);

    // Restored: the three still there come back as they are now (one flipped to skip, one still pending).
    expect(await restoreVoid(voided.id, staffId)).toEqual({ votes: 3 });
    expect(await figures(tool.slug)).toEqual({ ship: 4, total: 7, pending: 1 });
    expect(await findCounterDrift(client)).toEqual([]);
    await expect(restoreVoid(voided.id, staffId)).rejects.toBeInstanceOf(IntegrityError);
    expect((await client.auditLog.findMany({ where: { entityType: "VoteVoid", entityId: voided.id }, orderBy: { createdAt: "asc" } })).map((e) => e.action)).toEqual([
      "votes.void",
      "votes.restore",
    ]);

    // Every account's votes in the window: the established readers' too.
    const all = await voidVotes({ tool: tool.slug, minutes: 60, newAccountsOnly: false, reason: "Whole hour is suspect" }, staffId);
    expect(all.votes).toBe(established.length + 3);
    expect(await figures(tool.slug)).toEqual({ ship: 0, total: 0, pending: 0 });
    await restoreVoid(all.id, staffId);
    expect(await figures(tool.slug)).toEqual({ ship: 4, total: 7, pending: 1 });
    expect(await findCounterDrift(client)).toEqual([]);
  });
});

describe("identical reasons", () => {
  it("the same text from three accounts (case and spacing aside) is flagged to the moderation queue; clearing it unflags", async () => {
    const tool = await createTool(client);
    const authors = await Promise.all(Array.from({ length: 3 }, () => createUser(client)));
    await setVote(authors[0]!.id, tool.slug, "skip", "Overpriced for what it does.");
    await setVote(authors[1]!.id, tool.slug, "skip", "overpriced   for what it DOES.");
    const flaggedBefore = await client.reason.count({ where: { toolId: tool.id, duplicateFlaggedAt: { not: null } } });
    expect(flaggedBefore).toBe(0);
    await setVote(authors[2]!.id, tool.slug, "skip", " Overpriced for what it does. ");
    expect(await client.reason.count({ where: { toolId: tool.id, duplicateFlaggedAt: { not: null } } })).toBe(3);
    // Still public: flagged, not hidden.
    expect(await client.reason.count({ where: { toolId: tool.id, hiddenAt: null } })).toBe(3);
    const queue = (await listModerationQueue("open", 1)).items.filter((item) => item.tool.slug === tool.slug);
    expect(queue.map((item) => item.identicalAuthors)).toEqual([3, 3, 3]);
    await dismissReports(queue[0]!.id, staffId);
    expect((await listModerationQueue("open", 1)).items.filter((item) => item.tool.slug === tool.slug)).toHaveLength(2);
  });
});

describe("daily snapshots", () => {
  it("a day's snapshot is written once under concurrent runs, with every listed tool's figures", async () => {
    const day = "2031-05-17";
    const listed = await client.tool.count({ where: { archivedAt: null } });
    const written = await Promise.all(Array.from({ length: 4 }, () => writeDailySnapshot(client, day)));
    expect(written.reduce((sum, n) => sum + n, 0)).toBe(listed);
    expect(await client.toolSnapshot.count({ where: { day: new Date(`${day}T00:00:00Z`) } })).toBe(listed);
    expect(await writeDailySnapshot(client, day)).toBe(0);
    const stats = await client.toolStats.findFirstOrThrow({ where: { tool: { archivedAt: null } } });
    expect(await client.toolSnapshot.findUniqueOrThrow({ where: { toolId_day: { toolId: stats.toolId, day: new Date(`${day}T00:00:00Z`) } } })).toMatchObject({
      panelShip: stats.panelShip,
      panelTotal: stats.panelTotal,
      communityShip: stats.communityShip,
      communityTotal: stats.communityTotal,
      sample: false,
    });
  });

  it("the schedule names the promotion and the snapshot (and the weekly digest), and a cron run stands for its scheduled day", () => {
    const items = parseCrontab(CRONTAB);
    expect(items.map((item) => item.task).sort()).toEqual(["promote_pending_votes", "prune_comparison_visits", "send_follow_digests", "send_weekly_digest", "snapshot_tool_figures"]);
    expect(snapshotDay({ _cron: { ts: "2031-01-31T23:55:00.000Z" } }, new Date("2031-02-01T03:00:00Z"))).toBe("2031-01-31");
    expect(snapshotDay({}, new Date("2031-02-01T03:00:00Z"))).toBe("2031-02-01");
  });

  it("the queue runs the jobs: a snapshot and a promotion enqueued through graphile-worker are done by a worker", async () => {
    const connectionString = process.env.DATABASE_URL!;
    const tool = await createTool(client);
    const [reader] = await newAccounts(1);
    await setVote(reader!.id, tool.slug, "ship");
    await age([reader!.id], NEW_ACCOUNT_HOURS + 1);
    await quickAddJob({ connectionString }, "promote_pending_votes", {});
    await quickAddJob({ connectionString }, "snapshot_tool_figures", { _cron: { ts: "2031-06-01T23:55:00.000Z" } });
    await runOnce({ connectionString, taskList: jobTasks(client, { newAccountHours: NEW_ACCOUNT_HOURS }) });
    expect(await figures(tool.slug)).toEqual({ ship: 1, total: 1, pending: 0 });
    expect(await client.toolSnapshot.count({ where: { day: new Date("2031-06-01T00:00:00Z") } })).toBeGreaterThan(0);
    const [left] = await client.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM graphile_worker.jobs`;
    expect(left?.count).toBe(0);
  });
});
