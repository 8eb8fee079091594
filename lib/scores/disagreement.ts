import type { CommunityScore } from "./community";
import type { PanelScore } from "./panel";

export type Disagreement = {
  kind: "panel-ships-community-skips" | "panel-skips-community-ships";
  label: string;
  /** Absolute gap between the two shares, in percentage points. */
  gap: number;
};

/**
 * Panel and community disagree when they make opposite calls. A provisional
 * community figure (too few votes) never counts as a call.
 */
export function disagreement(panel: PanelScore, community: CommunityScore): Disagreement | null {
  if (community.status !== "established" || panel.share === null || community.share === null) return null;
  const gap = Math.round(Math.abs(panel.share - community.share) * 100);
  if (panel.call === "ship" && community.call === "skip") {
    return { kind: "panel-ships-community-skips", label: "Panel ships, community skips", gap };
  }
  if (panel.call === "skip" && community.call === "ship") {
    return { kind: "panel-skips-community-ships", label: "Panel skips, community ships", gap };
  }
  return null;
}
