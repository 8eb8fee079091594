// No `server-only`: the follow digest job (plain Node) builds and renders these.

/** One tool's news in a reader's follow digest. */
export type FollowedToolNews = {
  tool: { slug: string; name: string; url: string };
  /** Published verdict versions since the last digest, one per reviewer (the newest), with the public history page (the diff). */
  verdictChanges: { reviewer: string; decision: "ship" | "skip"; reason: string | null; version: number; url: string }[];
  /** Comparisons with this tool published since the last digest. */
  newComparisons: { title: string; url: string }[];
  /** Reasons that entered the tool's top on either side (and that readers marked helpful) since the reader last heard of it. */
  newTopReasons: { decision: "ship" | "skip"; text: string; author: string; helpful: number }[];
  /** The tool's reasons page (all of them, most helpful first). */
  reasonsUrl: string;
  /** The community's ship share crossed the panel's between the last two daily snapshots. */
  crossing: { direction: "above" | "below"; community: string; panel: string } | null;
  /** Where this tool's "unfollow" link goes (signed, no session needed). */
  unfollowUrl: string;
};

export type FollowDigestContent = { day: string; tools: FollowedToolNews[]; unfollowAllUrl: string; accountUrl: string };

/** Per-tool caps: one email stays small whatever happened (MAX_FOLLOWS_PER_USER tools at most). */
export const MAX_VERDICT_CHANGES_PER_TOOL = 8;
export const MAX_COMPARISONS_PER_TOOL = 5;

export const hasNews = (news: Pick<FollowedToolNews, "verdictChanges" | "newComparisons" | "newTopReasons" | "crossing">) =>
  news.verdictChanges.length > 0 || news.newComparisons.length > 0 || news.newTopReasons.length > 0 || news.crossing !== null;

/** A new top reason as one line: whose side, the words as typed (quoted, plain text), who wrote it and how many found it helpful. */
export function topReasonLine(reason: FollowedToolNews["newTopReasons"][number]): string {
  return `Now a top reason to ${reason.decision}: “${reason.text}” — ${reason.author} (${reason.helpful} found this helpful)`;
}

export function followDigestSubject(content: FollowDigestContent): string {
  const [first, ...rest] = content.tools;
  if (!first) return "No news on the tools you follow";
  return rest.length === 0 ? `What changed on ${first.tool.name}` : `What changed on ${first.tool.name} and ${rest.length} more tool${rest.length === 1 ? "" : "s"} you follow`;
}

export function crossingLine(crossing: NonNullable<FollowedToolNews["crossing"]>): string {
  return `The community (${crossing.community} ship) is now ${crossing.direction} the panel (${crossing.panel} ship).`;
}

/** The text twin of FollowDigestEmail (lib/email/templates/follow-digest-email.tsx). */
export function followDigestText(content: FollowDigestContent, siteName: string): string {
  const lines: string[] = [`What changed on the tools you follow on ${siteName}, ${content.day}`, ""];
  for (const news of content.tools) {
    lines.push(news.tool.name, "-".repeat(news.tool.name.length));
    for (const change of news.verdictChanges) {
      lines.push(`* ${change.reviewer} now says ${change.decision} (version ${change.version})${change.reason ? `\n  Why: ${change.reason}` : ""}\n  What changed: ${change.url}`);
    }
    for (const comparison of news.newComparisons) lines.push(`* New comparison: ${comparison.title}\n  ${comparison.url}`);
    for (const reason of news.newTopReasons) lines.push(`* ${topReasonLine(reason)}`);
    if (news.newTopReasons.length) lines.push(`  All reasons: ${news.reasonsUrl}`);
    if (news.crossing) lines.push(`* ${crossingLine(news.crossing)}`);
    lines.push(`  ${news.tool.url}`, `  Unfollow ${news.tool.name} (one click, no sign-in): ${news.unfollowUrl}`, "");
  }
  lines.push(`Your follows: ${content.accountUrl}`, `Unfollow every tool (one click, no sign-in): ${content.unfollowAllUrl}`);
  return lines.join("\n");
}
