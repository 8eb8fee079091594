import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Redirected } from "../helpers/next-mocks";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { createSignedInUser } from "../helpers/auth";
import { createComparison, createReviewer, createTool, createVerdict } from "../helpers/factories";

/**
 * The daily follow digest (docs/decisions/037): follow → a verdict edit → one
 * batched email with the public diff link; nothing more the same day; nothing
 * on a day without change; the unfollow links work without a session.
 */

delete process.env.REDIS_URL;
vi.mock("next/navigation", async () => (await import("../helpers/next-mocks")).navigation);
vi.mock("next/cache", async () => (await import("../helpers/next-mocks")).cache);

const { runFollowDigests, crossingOf } = await import("@/lib/follows/digest");
const { setFollow } = await import("@/lib/follows/writes");
const { unfollowLinkFormAction } = await import("@/lib/follows/actions");
const { readUnfollowLink } = await import("@/lib/follows/queries");
const { saveVerdict } = await import("@/lib/verdicts/writes");
const { setVote } = await import("@/lib/votes/writes");
const { setHelpful } = await import("@/lib/reasons/writes");
const { jobTasks } = await import("@/lib/jobs/tasks");
const { POST: oneClick } = await import("@/app/api/follows/unfollow/route");

let client: PrismaClient;
beforeAll(() => {
  client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 2 });
});
afterAll(() => client.$disconnect());

type Queued = { to: string; key: string; subject: string; text: string; html: string; headers: Record<string, string>; max_attempts: number };
const queued = async (to: string) =>
  client.$queryRaw<Queued[]>`
    SELECT payload #>> '{email,to}' AS to, key, payload #>> '{email,subject}' AS subject, payload #>> '{email,text}' AS text,
           payload #>> '{email,html}' AS html, payload #> '{email,headers}' AS headers, max_attempts
    FROM graphile_worker._private_jobs WHERE payload->>'kind' = 'follow' AND payload #>> '{email,to}' = ${to} ORDER BY id`;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A reader following a tool since an hour ago, whose panel verdict was written two hours ago (before the follow: no news). */
async function readerFollowing() {
  const tool = await createTool(client);
  const reviewer = await createReviewer(client);
  const verdict = await createVerdict(client, { tool, reviewer, decision: "SHIP", at: new Date(Date.now() - 2 * HOUR) });
  const reader = await createSignedInUser(client);
  await setFollow(reader.user.id, tool.slug, true);
  await client.follow.updateMany({ where: { userId: reader.user.id }, data: { createdAt: new Date(Date.now() - HOUR) } });
  const staff = await createSignedInUser(client, { role: "STAFF" });
  const editVerdict = () =>
    saveVerdict({ verdictId: verdict.id, expectedVersion: 1, decision: "SKIP", body: `${verdict.body} Revised after the price change.`, published: true, reason: "The price doubled." }, staff.user.id);
  return { tool, reviewer, reader, editVerdict };
}

/** The query of a link as the form or the one-click endpoint gets it. */
const linkQuery = (url: string) => Object.fromEntries(new URL(url).searchParams);

describe("the follow digest", () => {
  it("follow → verdict edit → one batched email with the diff link; a second run the same day queues nothing", async () => {
    const { tool, reviewer, reader, editVerdict } = await readerFollowing();
    // A second followed tool with a new comparison: the same email, not a second one.
    const other = await createTool(client);
    await setFollow(reader.user.id, other.slug, true);
    await client.follow.updateMany({ where: { userId: reader.user.id }, data: { createdAt: new Date(Date.now() - HOUR) } });
    await editVerdict();
    await createComparison(client, { toolA: other, toolB: await createTool(client), status: "PUBLISHED", publishedAt: new Date() });

    const now = new Date(Date.now() + 1000);
    const result = await runFollowDigests(client, { now });
    expect(result.queued).toBeGreaterThanOrEqual(1);
    const [email, ...more] = await queued(reader.user.email!);
    expect(more).toEqual([]);
    expect(email!.key).toBe(`follow:${reader.user.id}:${now.toISOString().slice(0, 10)}`);
    expect(email!.max_attempts).toBe(11);
    const diffLink = `/tools/${tool.slug}/history/${reviewer.slug}`;
    expect(email!.text).toContain(diffLink);
    expect(email!.html).toContain(diffLink);
    expect(email!.text).toContain("The price doubled.");
    expect(email!.text).toContain("now says skip");
    expect(email!.text).toContain(`New comparison: ${other.name} vs`);
    expect(email!.subject).toContain("and 1 more tool");
    expect(email!.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(email!.headers["List-Unsubscribe"]).toMatch(/^<http.*\/api\/follows\/unfollow\?u=.*&sig=.*>$/);

    // The same day again (a second node, a backfilled tick): nothing more, even with news since (it waits for tomorrow).
    await createComparison(client, { toolA: tool, toolB: await createTool(client), status: "PUBLISHED", publishedAt: new Date(now.getTime() + 1) });
    expect(await runFollowDigests(client, { now: new Date(now.getTime() + 1) })).toMatchObject({ queued: 0 });
    expect(await queued(reader.user.email!)).toHaveLength(1);
  });

  it("a day with no change queues nothing, and the next change is in the next day's email", async () => {
    const { reader, editVerdict } = await readerFollowing();
    const day1 = new Date(Date.now() + 1000);
    await runFollowDigests(client, { now: day1 });
    expect(await queued(reader.user.email!)).toEqual([]);
    // The watermark moved: the following day's run looks only at what came after.
    expect((await client.user.findUniqueOrThrow({ where: { id: reader.user.id } })).followDigestAt).toEqual(day1);
    // The edit lands on the next day, after day 1's run (the test clock: its revision is dated so).
    await editVerdict();
    await client.verdictRevision.updateMany({ where: { version: 2, verdict: { tool: { follows: { some: { userId: reader.user.id } } } } }, data: { createdAt: new Date(day1.getTime() + HOUR) } });
    const day2 = new Date(day1.getTime() + DAY);
    // (Other tests' readers, digested today, may have news for tomorrow too: only this reader's email is counted.)
    await runFollowDigests(client, { now: day2 });
    const [email, ...more] = await queued(reader.user.email!);
    expect(more).toEqual([]);
    expect(email!.key).toBe(`follow:${reader.user.id}:${day2.toISOString().slice(0, 10)}`);
  });

  it("a reason that joins the tool's top (marked helpful) is news once; the top the reader followed with, and unmarked reasons, are not", async () => {
    const tool = await createTool(client);
    /** A reader's vote with a reason, and `marks` helpful marks on it from other readers. */
    const reason = async (decision: "ship" | "skip", text: string, marks: number) => {
      const author = await createSignedInUser(client);
      await client.user.update({ where: { id: author.user.id }, data: { displayName: `Author of ${text.slice(0, 12)}` } });
      const vote = await setVote(author.user.id, tool.slug, decision, text);
      for (let i = 0; i < marks; i++) await setHelpful((await createSignedInUser(client)).user.id, vote.reason!.id, true);
      return vote.reason!.id;
    };
    await reason("ship", "Already on top when the reader followed: the API is stable.", 2);
    const reader = await createSignedInUser(client);
    await setFollow(reader.user.id, tool.slug, true);
    expect((await client.follow.findFirstOrThrow({ where: { userId: reader.user.id } })).topReasonIds).toHaveLength(1);

    await reason("skip", "Joined the top since: the free tier went away in March.", 1);
    await reason("ship", "Nobody marked this one helpful yet.", 0);
    const now = new Date(Date.now() + 1000);
    await runFollowDigests(client, { now });
    const [email, ...more] = await queued(reader.user.email!);
    expect(more).toEqual([]);
    expect(email!.text).toContain("Now a top reason to skip: “Joined the top since: the free tier went away in March.” — Author of Joined the t (1 found this helpful)");
    expect(email!.text).toMatch(new RegExp(`All reasons: https?://[^/]+/tools/${tool.slug}/reasons\\n`));
    expect(email!.html).toContain("Joined the top since: the free tier went away in March.");
    expect(email!.text).not.toContain("Already on top when the reader followed");
    expect(email!.text).not.toContain("Nobody marked this one helpful yet.");

    // The next day, nothing new on top: no email (the follow remembers the top it told of).
    await runFollowDigests(client, { now: new Date(now.getTime() + DAY) });
    expect(await queued(reader.user.email!)).toHaveLength(1);
  });

  it("runs from the queue's crontab tick (test clock) as the send_follow_digests task", async () => {
    const { reader, editVerdict } = await readerFollowing();
    await editVerdict();
    const tasks = jobTasks(client, { newAccountHours: 0 });
    const helpers = { logger: { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined }, job: { id: "test" } } as never;
    const tick = { _cron: { ts: new Date(Date.now() + 1000).toISOString(), backfilled: false } };
    await tasks.send_follow_digests!(tick, helpers);
    await tasks.send_follow_digests!(tick, helpers);
    expect(await queued(reader.user.email!)).toHaveLength(1);
  });

  it("the unfollow links work signed out: one tool from the page's button, everything by RFC 8058 one-click", async () => {
    const { tool, reader, editVerdict } = await readerFollowing();
    const other = await createTool(client);
    await setFollow(reader.user.id, other.slug, true);
    await editVerdict();
    await runFollowDigests(client, { now: new Date(Date.now() + 1000) });
    const [email] = await queued(reader.user.email!);
    const toolLink = email!.text.match(new RegExp(`Unfollow ${tool.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\(one click, no sign-in\\): (\\S+)`))![1]!;
    const allLink = email!.text.match(/Unfollow every tool \(one click, no sign-in\): (\S+)/)![1]!;

    // The page reads the link without using it; a tampered link reads as nothing.
    expect(await readUnfollowLink(linkQuery(toolLink) as never)).toEqual({ tool: { slug: tool.slug, name: tool.name } });
    expect(await readUnfollowLink({ ...linkQuery(toolLink), tool: other.slug } as never)).toBeNull();

    // The page's button: a form posted with no session.
    const form = new FormData();
    for (const [name, value] of Object.entries(linkQuery(toolLink))) form.set(name, value);
    await expect(unfollowLinkFormAction(form)).rejects.toEqual(new Redirected("/follows/unfollow?done=tool"));
    expect((await client.follow.findMany({ where: { userId: reader.user.id }, select: { toolId: true } })).map((f) => f.toolId)).toEqual([other.id]);

    // The List-Unsubscribe header's one-click POST, cross-site, no cookie: every follow goes.
    const oneClickUrl = email!.headers["List-Unsubscribe"]!.slice(1, -1);
    expect(new URL(oneClickUrl).search).toBe(new URL(allLink).search);
    const response = await oneClick(
      new Request(oneClickUrl, { method: "POST", body: "List-Unsubscribe=One-Click", headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://mail.example.com" } }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { following: false } });
    expect(await client.follow.count({ where: { userId: reader.user.id } })).toBe(0);
  });
});

describe("the community crossing the panel", () => {
  const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * HOUR);
  const since = at(30);
  const figures = (createdAt: Date, community: [number, number], panel: [number, number]) => ({
    createdAt,
    communityShip: community[0],
    communityTotal: community[1],
    panelShip: panel[0],
    panelTotal: panel[1],
  });
  it("is news when the newer snapshot (inside the window) sits on the other side of the panel", () => {
    expect(crossingOf([figures(at(1), [8, 10], [2, 4]), figures(at(25), [4, 10], [2, 4])], since)).toEqual({ direction: "above", community: "80%", panel: "50%" });
    expect(crossingOf([figures(at(1), [2, 10], [2, 4]), figures(at(25), [6, 10], [2, 4])], since)).toMatchObject({ direction: "below" });
  });
  it("is not news: the same side, equal figures, too few votes, no panel, or a snapshot older than the window", () => {
    expect(crossingOf([figures(at(1), [8, 10], [2, 4]), figures(at(25), [7, 10], [2, 4])], since)).toBeNull();
    expect(crossingOf([figures(at(1), [5, 10], [2, 4]), figures(at(25), [4, 10], [2, 4])], since)).toBeNull();
    expect(crossingOf([figures(at(1), [4, 4], [2, 4]), figures(at(25), [0, 4], [2, 4])], since)).toBeNull();
    expect(crossingOf([figures(at(1), [8, 10], [0, 0]), figures(at(25), [4, 10], [0, 0])], since)).toBeNull();
    expect(crossingOf([figures(at(31), [8, 10], [2, 4]), figures(at(55), [4, 10], [2, 4])], since)).toBeNull();
    expect(crossingOf([figures(at(1), [8, 10], [2, 4])], since)).toBeNull();
  });
});
