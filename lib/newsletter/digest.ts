import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueEmail } from "@/lib/jobs/enqueue";
import { site } from "@/lib/site/config";
import {
  digestSubject,
  isEmptyDigest,
  moversByVotesCast,
  moversSinceSnapshot,
  type DigestComparison,
  type DigestContent,
  type DigestVerdictChange,
} from "./digest-content";
import { digestEmail } from "./emails";
import { digestSnapshotSchema, type DigestSnapshot } from "./schema";
import { issueToken, newsletterLinks } from "./tokens";

/**
 * The weekly digest: the queue's `send_weekly_digest` task (Mondays, lib/jobs/tasks.ts)
 * and `npm run digest` run this, each with its own Prisma client, so nothing
 * here imports the app's `server-only` modules.
 *
 * A run creates a Digest row (period, subject, every tool's community
 * counters as the next digest's baseline), then, for each CONFIRMED
 * subscriber whose lastDigestId is not this digest, in one transaction:
 * claims the subscriber (lastDigestId = digest, a conditional UPDATE), issues
 * their unsubscribe token, renders their email and enqueues it as a send_email
 * job keyed `digest:<digest>:<subscriber>` (docs/decisions/035). The queue
 * sends and retries it; two runs at once, or a rerun, never queue a subscriber
 * twice. When everyone is queued the digest is completed. A run that finds an
 * incomplete digest (a run stopped midway) resumes it instead of starting a
 * new one; its content is rebuilt from its stored period and snapshot, so
 * resumed recipients get the same digest.
 */

export const DIGEST_PERIOD_MS = 7 * 24 * 60 * 60 * 1000;
/** A new digest starts only this long after the last one ended: a rerun of the week's run (cron backfill, a second `npm run digest`) queues nothing. */
export const DIGEST_MIN_GAP_MS = 6 * 24 * 60 * 60 * 1000;
const BATCH = 50;

type Db = PrismaClient;

const comparisonUrl = (slug: string) => newsletterLinks.page(`/compare/${slug}`);
const toolUrl = (slug: string) => newsletterLinks.page(`/tools/${slug}`);

/** Every listed tool's community counters now. */
export async function takeSnapshot(client: Db): Promise<DigestSnapshot> {
  const tools = await client.tool.findMany({
    where: { archivedAt: null },
    orderBy: { slug: "asc" },
    select: { id: true, slug: true, stats: { select: { communityShip: true, communityTotal: true } } },
  });
  return { tools: tools.map((tool) => ({ id: tool.id, slug: tool.slug, ship: tool.stats?.communityShip ?? 0, total: tool.stats?.communityTotal ?? 0 })) };
}

const comparisonSelect = {
  slug: true,
  headline: true,
  toolA: { select: { name: true } },
  toolB: { select: { name: true } },
} satisfies Prisma.ComparisonSelect;

function toDigestComparison(row: Prisma.ComparisonGetPayload<{ select: typeof comparisonSelect }>): DigestComparison {
  return { slug: row.slug, title: `${row.toolA.name} vs ${row.toolB.name}`, headline: row.headline, url: comparisonUrl(row.slug) };
}

/**
 * What happened in [periodStart, periodEnd): comparisons published (or
 * created published), comparisons whose headline or intro changed, published
 * verdict revisions, and the community movers — against `baseline` (the
 * previous completed digest's snapshot) or, without one, by votes cast in the
 * window. `current` is the snapshot of this digest.
 */
export async function buildDigestContent(
  client: Db,
  window: { periodStart: Date; periodEnd: Date },
  current: DigestSnapshot,
  baseline: DigestSnapshot | null,
): Promise<DigestContent> {
  const inWindow = { gte: window.periodStart, lt: window.periodEnd };
  const published = { status: "PUBLISHED" as const, toolA: { archivedAt: null }, toolB: { archivedAt: null } };

  const [fresh, audits, revisions, tools] = await Promise.all([
    client.comparison.findMany({
      where: { ...published, OR: [{ publishedAt: inWindow }, { createdAt: inWindow }] },
      orderBy: [{ publishedAt: "desc" }, { slug: "asc" }],
      select: comparisonSelect,
    }),
    client.auditLog.findMany({
      where: { entityType: "Comparison", action: "comparison.update", createdAt: inWindow },
      select: { entityId: true, before: true, after: true },
    }),
    client.verdictRevision.findMany({
      where: { createdAt: inWindow, published: true, verdict: { published: true, reviewer: { active: true }, tool: { archivedAt: null } } },
      orderBy: [{ createdAt: "desc" }, { version: "desc" }],
      select: {
        verdictId: true,
        version: true,
        decision: true,
        reason: true,
        createdAt: true,
        verdict: { select: { tool: { select: { slug: true, name: true } }, reviewer: { select: { slug: true, name: true } } } },
      },
    }),
    client.tool.findMany({ where: { archivedAt: null }, select: { id: true, slug: true, name: true } }),
  ]);

  // Comparisons whose words changed (not just a publish/unpublish), other than the new ones.
  const wordsChanged = (entry: { before: unknown; after: unknown }) => {
    const before = (entry.before ?? {}) as { headline?: unknown; intro?: unknown };
    const after = (entry.after ?? {}) as { headline?: unknown; intro?: unknown };
    return before.headline !== after.headline || before.intro !== after.intro;
  };
  const changedIds = [...new Set(audits.filter(wordsChanged).map((entry) => entry.entityId))];
  const freshSlugs = new Set(fresh.map((row) => row.slug));
  const changed = changedIds.length
    ? (await client.comparison.findMany({ where: { ...published, id: { in: changedIds } }, orderBy: { slug: "asc" }, select: comparisonSelect })).filter(
        (row) => !freshSlugs.has(row.slug),
      )
    : [];

  // One line per verdict: its latest published revision in the window, against the call before the window's first.
  const latest = new Map<string, (typeof revisions)[number]>();
  const earliestVersion = new Map<string, number>();
  for (const revision of revisions) {
    if (!latest.has(revision.verdictId)) latest.set(revision.verdictId, revision);
    earliestVersion.set(revision.verdictId, Math.min(earliestVersion.get(revision.verdictId) ?? Infinity, revision.version));
  }
  const previous = latest.size
    ? await client.verdictRevision.findMany({
        where: { verdictId: { in: [...latest.keys()] }, published: true, createdAt: { lt: window.periodStart } },
        orderBy: { version: "desc" },
        select: { verdictId: true, version: true, decision: true },
      })
    : [];
  const verdictChanges: DigestVerdictChange[] = [...latest.values()].map((revision) => {
    const before = previous.find((row) => row.verdictId === revision.verdictId && row.version < earliestVersion.get(revision.verdictId)!);
    const { tool, reviewer } = revision.verdict;
    return {
      tool,
      reviewer,
      from: before?.decision ?? null,
      to: revision.decision,
      reason: revision.reason,
      changedAt: revision.createdAt,
      url: newsletterLinks.page(`/tools/${tool.slug}/history/${reviewer.slug}`),
    };
  });

  const names = new Map(tools.map((tool) => [tool.id, tool]));
  let movers;
  if (baseline) {
    const rows = current.tools.flatMap((counters) => {
      const tool = names.get(counters.id);
      return tool ? [{ ...tool, ship: counters.ship, total: counters.total }] : [];
    });
    movers = moversSinceSnapshot(rows, baseline, toolUrl);
  } else {
    const votes = await client.vote.groupBy({ by: ["toolId"], where: { updatedAt: inWindow }, _count: { _all: true } });
    const counters = new Map(current.tools.map((tool) => [tool.id, tool]));
    const rows = votes.flatMap((row) => {
      const tool = names.get(row.toolId);
      const now = counters.get(row.toolId);
      return tool && now ? [{ ...tool, ship: now.ship, total: now.total, votesInWindow: row._count._all }] : [];
    });
    movers = moversByVotesCast(rows, toolUrl);
  }

  return {
    periodStart: window.periodStart,
    periodEnd: window.periodEnd,
    newComparisons: fresh.map(toDigestComparison),
    changedComparisons: changed.map(toDigestComparison),
    verdictChanges,
    movers,
    moversBasis: baseline ? "previous-digest" : "votes-this-week",
  };
}

/** The snapshot of the latest digest completed before `before`: the movers' baseline. */
async function baselineBefore(client: Db, before: Date): Promise<DigestSnapshot | null> {
  const previous = await client.digest.findFirst({
    where: { completedAt: { not: null }, createdAt: { lt: before } },
    orderBy: { createdAt: "desc" },
    select: { snapshot: true },
  });
  if (!previous) return null;
  const parsed = digestSnapshotSchema.safeParse(previous.snapshot);
  return parsed.success ? parsed.data : null;
}

export type DigestRunResult =
  | { kind: "dry-run"; files: { html: string; text: string }; subject: string; content: DigestContent }
  | { kind: "empty"; subject: string }
  | { kind: "recent"; digestId: string; subject: string; createdAt: Date }
  | { kind: "queued"; digestId: string; subject: string; queued: number; resumed: boolean };

export type DigestRunOptions = {
  now?: Date;
  /** Write the email to `<dryRun>.html` and `<dryRun>.txt` instead: nothing sent, nothing recorded. */
  dryRun?: string;
  log?: (line: string) => void;
};

export const DEFAULT_DRY_RUN_PATH = path.join(".data", "digest", "digest");

export async function runDigest(client: Db, options: DigestRunOptions): Promise<DigestRunResult> {
  const now = options.now ?? new Date();
  const log = options.log ?? (() => undefined);

  if (options.dryRun !== undefined) {
    const window = { periodStart: new Date(now.getTime() - DIGEST_PERIOD_MS), periodEnd: now };
    const content = await buildDigestContent(client, window, await takeSnapshot(client), await baselineBefore(client, now));
    const email = await digestEmail("subscriber@example.com", content, "dry-run-unsubscribe-token-not-valid-anywhere");
    const base = path.resolve(options.dryRun || DEFAULT_DRY_RUN_PATH);
    await mkdir(path.dirname(base), { recursive: true });
    const files = { html: `${base}.html`, text: `${base}.txt` };
    await writeFile(files.html, email.html);
    await writeFile(files.text, `Subject: ${email.subject}\n\n${email.text}\n`);
    return { kind: "dry-run", files, subject: email.subject, content };
  }

  // Resume the latest unfinished digest, or start this week's.
  let digest = await client.digest.findFirst({ where: { completedAt: null }, orderBy: { createdAt: "desc" } });
  const resumed = Boolean(digest);
  let content: DigestContent;
  if (digest) {
    log(`Resuming digest ${digest.id} from ${digest.createdAt.toISOString()}.`);
    const snapshot = digestSnapshotSchema.parse(digest.snapshot);
    content = await buildDigestContent(client, digest, snapshot, await baselineBefore(client, digest.createdAt));
  } else {
    const last = await client.digest.findFirst({ orderBy: { periodEnd: "desc" }, select: { id: true, subject: true, createdAt: true, periodEnd: true } });
    if (last && last.periodEnd.getTime() > now.getTime() - DIGEST_MIN_GAP_MS) return { kind: "recent", digestId: last.id, subject: last.subject, createdAt: last.createdAt };
    const window = { periodStart: new Date(now.getTime() - DIGEST_PERIOD_MS), periodEnd: now };
    const snapshot = await takeSnapshot(client);
    content = await buildDigestContent(client, window, snapshot, await baselineBefore(client, now));
    const subject = digestSubject(content, site.newsletter.name);
    if (isEmptyDigest(content)) return { kind: "empty", subject };
    digest = await client.digest.create({ data: { ...window, subject, snapshot, createdAt: now } });
    log(`Created digest ${digest.id}: ${subject}`);
  }

  const digestId = digest.id;
  let queued = 0;
  for (;;) {
    const batch = await client.newsletterSubscriber.findMany({
      where: { status: "CONFIRMED", OR: [{ lastDigestId: null }, { lastDigestId: { not: digestId } }] },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true, email: true, lastDigestId: true },
    });
    if (batch.length === 0) break;
    for (const subscriber of batch) {
      // Claim, token, email and job in one transaction: all or none, and only one run queues this subscriber.
      const claimed = await client.$transaction(async (tx) => {
        const claim = await tx.newsletterSubscriber.updateMany({
          where: { id: subscriber.id, status: "CONFIRMED", lastDigestId: subscriber.lastDigestId },
          data: { lastDigestId: digestId },
        });
        if (claim.count === 0) return false;
        const token = await issueToken(tx, subscriber.id, "UNSUBSCRIBE", now);
        await enqueueEmail(tx, "digest", await digestEmail(subscriber.email, content, token), { key: `digest:${digestId}:${subscriber.id}` });
        await tx.digest.update({ where: { id: digestId }, data: { recipientCount: { increment: 1 } } });
        return true;
      });
      if (claimed) queued++;
    }
  }

  await client.digest.update({ where: { id: digestId }, data: { completedAt: new Date() } });
  log(`Queued ${queued} email(s) for digest ${digestId}.`);
  return { kind: "queued", digestId, subject: digest.subject, queued, resumed };
}
