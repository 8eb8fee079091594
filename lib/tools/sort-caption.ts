import type { ToolSort } from "@/lib/scores/ranking";

/** Below this many community votes on the whole site, the overall order is mostly the panel's, and its caption says so. */
export const THIN_SITE_VOTES = 50;

const SORT_NOTES: Record<ToolSort, string> = {
  relevance: "Closest matches to your search first.",
  overall: "Community ship share, with thin vote counts pulled toward the panel's share (a Bayesian average).",
  panel: "Share of the panel's published verdicts that say ship.",
  community: "The lower bound of the 95 % Wilson interval on the community ship share, so 2 of 2 ranks below 90 of 100.",
  newest: "Most recently released first.",
  name: "Alphabetical.",
};

/**
 * What decides the directory's order, said under the results. Honest while
 * readers have barely voted: the prior is every tool's figure then, so the
 * panel's share decides the overall order, and the caption says so.
 */
export function sortCaption(sort: ToolSort, siteVotes: number): string {
  if (sort !== "overall" || siteVotes >= THIN_SITE_VOTES) return SORT_NOTES[sort];
  if (siteVotes === 0) return "No reader has voted yet, so this follows the panel's share until votes arrive.";
  return `Readers have cast only ${siteVotes} ${siteVotes === 1 ? "vote" : "votes"} so far: the panel's share decides most of this order until more arrive.`;
}
