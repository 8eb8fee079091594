import { communityScore, roundPercent, toDecisionJson, type Decision } from "@/lib/scores";
import type { DigestSnapshot } from "./schema";

/**
 * What a weekly digest says, as plain data: the HTML (lib/email/templates) and
 * the text version are both rendered from this, so they never disagree.
 * Pure: no I/O, unit-tested.
 */

export type DigestComparison = { slug: string; title: string; headline: string | null; url: string };

export type DigestVerdictChange = {
  tool: { slug: string; name: string };
  reviewer: { slug: string; name: string };
  /** The call before the change (null: a new verdict). */
  from: Decision | null;
  to: Decision;
  reason: string | null;
  changedAt: Date;
  /** The public history page: /tools/<slug>/history/<reviewer-slug>. */
  url: string;
};

export type DigestMover = {
  slug: string;
  name: string;
  url: string;
  /** Community figure now: "72%" or "too few votes"; and the vote count label. */
  community: string;
  votes: string;
  /** What moved: "+12 votes · ship 60% → 72%" or "8 votes this week". */
  change: string;
};

export type DigestContent = {
  periodStart: Date;
  periodEnd: Date;
  newComparisons: DigestComparison[];
  changedComparisons: DigestComparison[];
  verdictChanges: DigestVerdictChange[];
  movers: DigestMover[];
  /** What the movers are measured against. */
  moversBasis: "previous-digest" | "votes-this-week";
};

export const MAX_MOVERS = 5;

export const isEmptyDigest = (content: DigestContent) =>
  content.newComparisons.length + content.changedComparisons.length + content.verdictChanges.length + content.movers.length === 0;

type ToolRef = { id: string; slug: string; name: string };
type Counters = { ship: number; total: number };

function communityLabel(counters: Counters) {
  const score = communityScore(counters);
  return { community: score.status === "established" ? `${score.label} ship` : score.status === "none" ? "no votes" : "too few votes", votes: score.countLabel };
}

const signed = (value: number) => (value > 0 ? `+${value}` : `${value}`);

/**
 * Movers against the previous digest's snapshot: tools whose community ship
 * share moved most (in percentage points, counted only once a tool has enough
 * votes for a percentage to mean something), then those whose vote count
 * moved most. A tool missing from the old snapshot started at zero.
 */
export function moversSinceSnapshot(
  tools: (ToolRef & Counters)[],
  previous: DigestSnapshot,
  url: (slug: string) => string,
  limit = MAX_MOVERS,
): DigestMover[] {
  const before = new Map(previous.tools.map((tool) => [tool.id, tool]));
  return tools
    .map((tool) => {
      const old = before.get(tool.id) ?? { ship: 0, total: 0 };
      const now = { ship: tool.ship, total: tool.total };
      const votesDelta = now.total - old.total;
      const established = communityScore(now).status === "established" && communityScore(old).status === "established";
      const percentBefore = roundPercent(old);
      const percentNow = roundPercent(now);
      const points = established && percentBefore !== null && percentNow !== null ? percentNow - percentBefore : 0;
      const moved = votesDelta !== 0 || old.ship !== now.ship;
      const parts = [];
      if (votesDelta !== 0) parts.push(`${signed(votesDelta)} ${Math.abs(votesDelta) === 1 ? "vote" : "votes"}`);
      if (points !== 0) parts.push(`ship ${percentBefore}% → ${percentNow}%`);
      else if (votesDelta === 0 && moved) parts.push("votes changed sides");
      return { tool, now, moved, points, votesDelta, change: parts.join(" · ") };
    })
    .filter((row) => row.moved)
    .sort(
      (x, y) =>
        Math.abs(y.points) - Math.abs(x.points) || Math.abs(y.votesDelta) - Math.abs(x.votesDelta) || x.tool.name.localeCompare(y.tool.name),
    )
    .slice(0, limit)
    .map((row) => ({ slug: row.tool.slug, name: row.tool.name, url: url(row.tool.slug), ...communityLabel(row.now), change: row.change }));
}

/** With no earlier digest to compare with: the tools with the most votes cast (or changed) in the window. */
export function moversByVotesCast(
  rows: (ToolRef & Counters & { votesInWindow: number })[],
  url: (slug: string) => string,
  limit = MAX_MOVERS,
): DigestMover[] {
  return rows
    .filter((row) => row.votesInWindow > 0)
    .sort((x, y) => y.votesInWindow - x.votesInWindow || x.name.localeCompare(y.name))
    .slice(0, limit)
    .map((row) => ({
      slug: row.slug,
      name: row.name,
      url: url(row.slug),
      ...communityLabel(row),
      change: `${row.votesInWindow} ${row.votesInWindow === 1 ? "vote" : "votes"} this week`,
    }));
}

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
export const formatDigestDate = (value: Date) => dateFormat.format(value);

export function digestSubject(content: DigestContent, name: string): string {
  const parts: string[] = [];
  const comparisons = content.newComparisons.length;
  const verdicts = content.verdictChanges.length;
  if (comparisons) parts.push(`${comparisons} new comparison${comparisons === 1 ? "" : "s"}`);
  if (verdicts) parts.push(`${verdicts} verdict change${verdicts === 1 ? "" : "s"}`);
  const summary = parts.length ? parts.join(", ") : "this week's movers";
  return `${name}: ${summary} (${formatDigestDate(content.periodEnd)})`;
}

export function verdictChangeLabel(change: Pick<DigestVerdictChange, "from" | "to">): string {
  if (change.from === null) return `new verdict: ${toDecisionJson(change.to)}`;
  if (change.from !== change.to) return `changed ${toDecisionJson(change.from)} → ${toDecisionJson(change.to)}`;
  return `revised, still ${toDecisionJson(change.to)}`;
}

/** The plain-text version of a digest, from the same data as the HTML. */
export function digestText(content: DigestContent, options: { name: string; siteUrl: string; unsubscribeUrl: string }): string {
  const lines: string[] = [
    options.name,
    `${formatDigestDate(content.periodStart)} – ${formatDigestDate(content.periodEnd)}`,
    "",
  ];
  const section = (title: string, items: string[]) => {
    if (items.length === 0) return;
    lines.push(title, "-".repeat(title.length), ...items, "");
  };
  section(
    "New comparisons",
    content.newComparisons.map((c) => `* ${c.title}${c.headline ? ` — ${c.headline}` : ""}\n  ${c.url}`),
  );
  section(
    "Updated comparisons",
    content.changedComparisons.map((c) => `* ${c.title}${c.headline ? ` — ${c.headline}` : ""}\n  ${c.url}`),
  );
  section(
    "Verdict changes",
    content.verdictChanges.map(
      (v) => `* ${v.reviewer.name} on ${v.tool.name}: ${verdictChangeLabel(v)}${v.reason ? `\n  Why: ${v.reason}` : ""}\n  ${v.url}`,
    ),
  );
  section(
    content.moversBasis === "previous-digest" ? "Community movers since the last digest" : "Most voted this week",
    content.movers.map((m) => `* ${m.name}: ${m.change} (now ${m.community}, ${m.votes})\n  ${m.url}`),
  );
  lines.push(`Read more at ${options.siteUrl}`, "", `Unsubscribe (one click, no sign-in): ${options.unsubscribeUrl}`);
  return lines.join("\n");
}
