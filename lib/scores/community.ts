import { shareScore, type ShareScore, type Split } from "./split";
import { wilsonInterval } from "./wilson";


/** One formatter for every count: `toLocaleString(locale)` builds a new one per call (it showed in the vote's profile). */
const COUNT = new Intl.NumberFormat("en-US");
/** Below this many votes a community figure is provisional: no bold percentage. */
export const MIN_COMMUNITY_VOTES = 5;

export type CommunityStatus = "none" | "provisional" | "established";

export type CommunityScore = ShareScore & {
  /** "1 vote", "12 votes", "No votes yet". */
  countLabel: string;
  /** "Too few votes" when provisional, else null. */
  note: string | null;
  /** Shown as a bold percentage only when "established". */
  status: CommunityStatus;
  /** 95 % Wilson interval, in [0, 1]; null with no votes. */
  interval: { low: number; high: number } | null;
};

export function formatVoteCount(total: number): string {
  if (total === 0) return "No votes yet";
  return `${COUNT.format(total)} ${total === 1 ? "vote" : "votes"}`;
}

/** Community = ship votes / votes, "—" until there are votes. */
export function communityScore(split: Split, minVotes = MIN_COMMUNITY_VOTES): CommunityScore {
  const status: CommunityStatus =
    split.total === 0 ? "none" : split.total < minVotes ? "provisional" : "established";
  return {
    ...shareScore(split),
    countLabel: formatVoteCount(split.total),
    note: status === "provisional" ? "Too few votes" : null,
    status,
    interval: wilsonInterval(split),
  };
}
