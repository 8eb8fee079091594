import { formatPercent, roundPercent, shipShare, type Split } from "./split";
import { wilsonInterval } from "./wilson";

/** Below this many votes a community figure is provisional: no bold percentage. */
export const MIN_COMMUNITY_VOTES = 5;

export type CommunityStatus = "none" | "provisional" | "established";

export type CommunityScore = {
  ship: number;
  total: number;
  share: number | null;
  percent: number | null;
  /** "62%", or "—" with no votes. Shown boldly only when `status` is "established". */
  label: string;
  /** "1 vote", "12 votes", "No votes yet". */
  countLabel: string;
  /** "Too few votes" when provisional, else null. */
  note: string | null;
  status: CommunityStatus;
  /** 95 % Wilson interval, in [0, 1]; null with no votes. */
  interval: { low: number; high: number } | null;
  call: "ship" | "skip" | "split" | null;
};

export function formatVoteCount(total: number): string {
  if (total === 0) return "No votes yet";
  return `${total.toLocaleString("en-US")} ${total === 1 ? "vote" : "votes"}`;
}

/** Community = ship votes / votes, "—" until there are votes. */
export function communityScore(split: Split, minVotes = MIN_COMMUNITY_VOTES): CommunityScore {
  const share = shipShare(split);
  const status: CommunityStatus =
    split.total === 0 ? "none" : split.total < minVotes ? "provisional" : "established";
  return {
    ship: split.ship,
    total: split.total,
    share,
    percent: roundPercent(split),
    label: formatPercent(split),
    countLabel: formatVoteCount(split.total),
    note: status === "provisional" ? "Too few votes" : null,
    status,
    interval: wilsonInterval(split),
    call: share === null ? null : share > 0.5 ? "ship" : share < 0.5 ? "skip" : "split",
  };
}
