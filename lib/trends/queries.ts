import "server-only";
import { readDb } from "@/lib/db";
import { toDecisionJson, type Decision, type DecisionJson } from "@/lib/scores/decision";
import { HISTORY_DAYS, MAX_HISTORY_DAYS } from "./schema";
import { utcDay, type Day } from "./snapshot";

/** One day's snapshot of a tool's figures (lib/trends/snapshot.ts); `sample`: the seed's sample history, not a real snapshot. */
export type ToolHistoryDay = {
  day: Day;
  panelShip: number;
  panelTotal: number;
  communityShip: number;
  communityTotal: number;
  sample: boolean;
};

/** A day a reviewer's published call on the tool began (`first`) or changed. */
export type VerdictMarker = { day: Day; reviewer: string; decision: DecisionJson; first: boolean };

export type ToolHistory = {
  tool: { slug: string; name: string };
  /** Ascending, within the window. */
  days: ToolHistoryDay[];
  /** Ascending by day, then reviewer; within the window. */
  markers: VerdictMarker[];
};

const DAY_MS = 86_400_000;

/** The first UTC day of a window of `days` days that ends today. */
function windowStart(days: number, now: Date): Day {
  const span = Math.min(MAX_HISTORY_DAYS, Math.max(1, Math.floor(days)));
  return utcDay(new Date(now.getTime() - (span - 1) * DAY_MS));
}

type PublishedRevision = { verdictId: string; decision: Decision; createdAt: Date; reviewer: string };

/**
 * The days a published call began or changed, from every published revision
 * of each verdict (version order): per verdict and UTC day, the call at the
 * end of that day against the last published call before it. A flip and a
 * flip back on one day is no change; a republished verdict with the call it
 * had is none either.
 */
export function verdictMarkers(revisions: readonly PublishedRevision[], since: Day): VerdictMarker[] {
  const byVerdict = new Map<string, PublishedRevision[]>();
  for (const revision of revisions) {
    const history = byVerdict.get(revision.verdictId);
    if (history) history.push(revision);
    else byVerdict.set(revision.verdictId, [revision]);
  }
  const markers: VerdictMarker[] = [];
  for (const history of byVerdict.values()) {
    let before: Decision | null = null;
    for (let i = 0; i < history.length; i++) {
      const day = utcDay(history[i]!.createdAt);
      // The last revision of this day is the call the day ends with.
      while (i + 1 < history.length && utcDay(history[i + 1]!.createdAt) === day) i++;
      const { decision, reviewer } = history[i]!;
      if (before === null || decision !== before) {
        if (day >= since) markers.push({ day, reviewer, decision: toDecisionJson(decision), first: before === null });
      }
      before = decision;
    }
  }
  return markers.sort((a, b) => a.day.localeCompare(b.day) || a.reviewer.localeCompare(b.reviewer));
}

/**
 * A listed tool's daily figures over the last `days` days (today included, UTC;
 * at most 366), oldest first, with the days its panel's published calls began
 * or changed. The markers follow the public verdict history: published
 * revisions of published verdicts by active reviewers. Null for an unknown or
 * archived tool (as the tool and reasons APIs: an archived tool is not listed).
 */
export async function getToolHistory(slug: string, { days = HISTORY_DAYS, now = new Date() }: { days?: number; now?: Date } = {}): Promise<ToolHistory | null> {
  const since = windowStart(days, now);
  const listed = { slug, archivedAt: null };
  const [tool, snapshots, revisions] = await Promise.all([
    readDb.tool.findFirst({ where: listed, select: { slug: true, name: true } }),
    readDb.toolSnapshot.findMany({
      where: { tool: listed, day: { gte: new Date(`${since}T00:00:00Z`) } },
      orderBy: { day: "asc" },
      select: { day: true, panelShip: true, panelTotal: true, communityShip: true, communityTotal: true, sample: true },
    }),
    // Every published revision, before the window too: a change is against the call before it.
    readDb.verdictRevision.findMany({
      where: { published: true, verdict: { published: true, tool: listed, reviewer: { active: true } } },
      orderBy: [{ verdictId: "asc" }, { version: "asc" }],
      select: { verdictId: true, decision: true, createdAt: true, verdict: { select: { reviewer: { select: { name: true } } } } },
    }),
  ]);
  if (!tool) return null;
  return {
    tool,
    days: snapshots.map(({ day, ...figures }) => ({ day: utcDay(day), ...figures })),
    markers: verdictMarkers(
      revisions.map(({ verdict, ...revision }) => ({ ...revision, reviewer: verdict.reviewer.name })),
      since,
    ),
  };
}
