import type { PrismaClient } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueEmail } from "@/lib/jobs/enqueue";
import { newsworthyTopReasons } from "@/lib/reasons/top";
import { MIN_COMMUNITY_VOTES } from "@/lib/scores/community";
import { publicName } from "@/lib/users/display-name";
import { utcDay } from "@/lib/trends/snapshot";
import { hasNews, MAX_COMPARISONS_PER_TOOL, MAX_VERDICT_CHANGES_PER_TOOL, type FollowDigestContent, type FollowedToolNews } from "./digest-content";
import { followDigestEmail } from "./emails";
import { MAX_FOLLOWS_PER_USER } from "./schema";
import { followLinks, newFollowKey } from "./tokens";

// No `server-only`: the send_follow_digests job runs this in plain Node (lib/jobs/tasks.ts).

type Tx = Prisma.TransactionClient;

/** Readers looked at per batch (keyset by id): a run's memory does not grow with the number of readers. */
export const FOLLOW_DIGEST_BATCH = 100;

export type FollowDigestRun = { readers: number; queued: number };

const startOfUtcDay = (at: Date) => new Date(`${utcDay(at)}T00:00:00.000Z`);
const percent = (ship: number, total: number) => `${Math.round((100 * ship) / total)}%`;

/**
 * The daily follow digest (docs/decisions/037): for each reader who follows
 * a tool and has had no digest yet this UTC day, one transaction locks the
 * reader, gathers what changed on each followed tool since their watermark
 * (`followDigestAt`, or the follow's start) up to `now`, enqueues one email when
 * something did (job key `follow:<reader>:<day>`), and moves the watermark to
 * `now` either way. A second run the same day finds every reader done and
 * queues nothing; a day with no change queues nothing.
 */
export async function runFollowDigests(client: PrismaClient, options: { now?: Date; log?: (line: string) => void } = {}): Promise<FollowDigestRun> {
  const now = options.now ?? new Date();
  const dayStart = startOfUtcDay(now);
  let after = "";
  let readers = 0;
  let queued = 0;
  for (;;) {
    const batch = await client.user.findMany({
      where: {
        id: { gt: after },
        deletedAt: null,
        email: { not: null },
        follows: { some: {} },
        OR: [{ followDigestAt: null }, { followDigestAt: { lt: dayStart } }],
      },
      select: { id: true },
      orderBy: { id: "asc" },
      take: FOLLOW_DIGEST_BATCH,
    });
    for (const { id } of batch) {
      readers += 1;
      if (await digestReader(client, id, now, dayStart)) queued += 1;
    }
    if (batch.length < FOLLOW_DIGEST_BATCH) break;
    after = batch.at(-1)!.id;
  }
  options.log?.(`follow digests: ${readers} reader(s) looked at, ${queued} email(s) queued`);
  return { readers, queued };
}

/** One reader, in one transaction: their news, the email (if any) and the watermark, all or none. Answers whether an email was queued. */
async function digestReader(client: PrismaClient, userId: string, now: Date, dayStart: Date): Promise<boolean> {
  return client.$transaction(
    async (tx) => {
      const [user] = await tx.$queryRaw<{ email: string | null; followDigestAt: Date | null; followKey: string | null }[]>`
        SELECT "email", "followDigestAt", "followKey" FROM "User" WHERE "id" = ${userId} AND "deletedAt" IS NULL FOR UPDATE`;
      // Gone, or done by another run (another node) while this one waited for the lock.
      if (!user?.email || (user.followDigestAt && user.followDigestAt >= dayStart)) return false;
      const key = user.followKey ?? newFollowKey();
      const tools = await collectNews(tx, userId, user.followDigestAt, now);
      await tx.user.update({ where: { id: userId }, data: { followDigestAt: now, followKey: key } });
      if (tools.length === 0) return false;
      const content: FollowDigestContent = {
        day: utcDay(now),
        tools: tools.map((news) => ({ ...news, unfollowUrl: followLinks.unfollow(userId, key, news.tool.slug) })),
        unfollowAllUrl: followLinks.unfollow(userId, key, null),
        accountUrl: followLinks.page("/account#following"),
      };
      await enqueueEmail(tx, "follow", await followDigestEmail(user.email, content, followLinks.oneClick(userId, key)), { key: `follow:${userId}:${content.day}` });
      return true;
    },
    { maxWait: 15_000, timeout: 30_000 },
  );
}

/**
 * What changed on each tool the reader follows, in (max(watermark, follow's start), now];
 * tools without news left out. Four queries per reader whatever the number of follows,
 * plus one write per follow whose top reasons changed (what the reader has now heard of).
 */
async function collectNews(tx: Tx, userId: string, watermark: Date | null, now: Date): Promise<Omit<FollowedToolNews, "unfollowUrl">[]> {
  const follows = await tx.follow.findMany({
    where: { userId, tool: { archivedAt: null } },
    select: { createdAt: true, topReasonIds: true, tool: { select: { id: true, slug: true, name: true } } },
    orderBy: { tool: { name: "asc" } },
    take: MAX_FOLLOWS_PER_USER,
  });
  if (follows.length === 0) return [];
  const sinceOf = new Map(follows.map((follow) => [follow.tool.id, watermark && watermark > follow.createdAt ? watermark : follow.createdAt]));
  const toolIds = [...sinceOf.keys()];
  const earliest = new Date(Math.min(...[...sinceOf.values()].map((at) => at.getTime())));
  const window = { gt: earliest, lte: now };
  const [revisions, comparisons, snapshots, tops] = await Promise.all([
    tx.verdictRevision.findMany({
      where: { published: true, createdAt: window, verdict: { toolId: { in: toolIds }, published: true, reviewer: { active: true } } },
      select: { createdAt: true, version: true, decision: true, reason: true, verdict: { select: { toolId: true, reviewer: { select: { slug: true, name: true } } } } },
      orderBy: [{ createdAt: "desc" }, { version: "desc" }],
      take: MAX_FOLLOWS_PER_USER * MAX_VERDICT_CHANGES_PER_TOOL,
    }),
    tx.comparison.findMany({
      where: { status: "PUBLISHED", publishedAt: window, OR: [{ toolAId: { in: toolIds } }, { toolBId: { in: toolIds } }] },
      select: { slug: true, publishedAt: true, toolAId: true, toolBId: true, toolA: { select: { name: true } }, toolB: { select: { name: true } } },
      orderBy: { publishedAt: "desc" },
      take: MAX_FOLLOWS_PER_USER * MAX_COMPARISONS_PER_TOOL,
    }),
    // The two newest real (not sample) daily snapshots of each followed tool.
    tx.$queryRaw<(Figures & { toolId: string })[]>`
      SELECT "toolId", "createdAt", "panelShip", "panelTotal", "communityShip", "communityTotal" FROM (
        SELECT s.*, row_number() OVER (PARTITION BY s."toolId" ORDER BY s."day" DESC) AS n
        FROM "ToolSnapshot" s WHERE s."toolId" = ANY(${toolIds}) AND NOT s."sample" AND s."createdAt" <= ${now}
      ) ranked WHERE n <= 2 ORDER BY "toolId", n`,
    newsworthyTopReasons(tx, toolIds),
  ]);
  const news: Omit<FollowedToolNews, "unfollowUrl">[] = [];
  for (const follow of follows) {
    const toolId = follow.tool.id;
    const since = sinceOf.get(toolId)!;
    // The newest published version per reviewer: one line each, linking to the public history with its diff.
    const seen = new Set<string>();
    const verdictChanges: FollowedToolNews["verdictChanges"] = [];
    for (const revision of revisions) {
      const reviewer = revision.verdict.reviewer;
      if (revision.verdict.toolId !== toolId || revision.createdAt <= since || seen.has(reviewer.slug)) continue;
      if (verdictChanges.length >= MAX_VERDICT_CHANGES_PER_TOOL) break;
      seen.add(reviewer.slug);
      verdictChanges.push({
        reviewer: reviewer.name,
        decision: revision.decision === "SHIP" ? "ship" : "skip",
        reason: revision.reason,
        version: revision.version,
        url: followLinks.page(`/tools/${follow.tool.slug}/history/${reviewer.slug}`),
      });
    }
    const newComparisons = comparisons
      .filter((c) => (c.toolAId === toolId || c.toolBId === toolId) && c.publishedAt! > since)
      .slice(0, MAX_COMPARISONS_PER_TOOL)
      .map((c) => ({ title: `${c.toolA.name} vs ${c.toolB.name}`, url: followLinks.page(`/compare/${c.slug}`) }));
    // A top reason the reader has not heard of: news once; the follow then remembers today's top.
    const top = tops.get(toolId) ?? [];
    const heard = new Set(follow.topReasonIds);
    const newTopReasons = top
      .filter((reason) => !heard.has(reason.id))
      .map((reason) => ({ decision: reason.decision === "SHIP" ? ("ship" as const) : ("skip" as const), text: reason.text, author: publicName({ id: reason.userId, displayName: reason.displayName }), helpful: reason.helpfulCount }));
    const topIds = top.map((reason) => reason.id);
    if (topIds.length !== heard.size || newTopReasons.length > 0) {
      await tx.follow.update({ where: { userId_toolId: { userId, toolId } }, data: { topReasonIds: topIds } });
    }
    const item = { verdictChanges, newComparisons, newTopReasons, crossing: crossingOf(snapshots.filter((row) => row.toolId === toolId), since) };
    if (hasNews(item)) {
      news.push({ tool: { slug: follow.tool.slug, name: follow.tool.name, url: followLinks.page(`/tools/${follow.tool.slug}`) }, reasonsUrl: followLinks.page(`/tools/${follow.tool.slug}/reasons`), ...item });
    }
  }
  return news;
}

type Figures = { createdAt: Date; panelShip: number; panelTotal: number; communityShip: number; communityTotal: number };

/**
 * The community's ship share crossed the panel's between the two newest daily
 * snapshots, the newer written inside the window: both days with a panel and
 * at least MIN_COMMUNITY_VOTES votes, one side strictly above, then strictly
 * below (or the reverse). Equal figures cross nothing.
 */
export function crossingOf(snapshots: Figures[], since: Date): FollowedToolNews["crossing"] {
  const [latest, previous] = snapshots;
  if (!latest || !previous || latest.createdAt <= since) return null;
  const side = (s: Figures) => {
    if (s.panelTotal === 0 || s.communityTotal < MIN_COMMUNITY_VOTES) return 0;
    return Math.sign(s.communityShip * s.panelTotal - s.panelShip * s.communityTotal);
  };
  const [before, after] = [side(previous), side(latest)];
  if (before === 0 || after === 0 || before === after) return null;
  return {
    direction: after > 0 ? "above" : "below",
    community: percent(latest.communityShip, latest.communityTotal),
    panel: percent(latest.panelShip, latest.panelTotal),
  };
}
