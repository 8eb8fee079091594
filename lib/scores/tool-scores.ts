import { communityScore, type CommunityScore } from "./community";
import { disagreement, type Disagreement } from "./disagreement";
import { panelScore, type PanelScore } from "./panel";

/** Stored counters of one tool, as kept by lib/stats. */
export type ToolStats = {
  panelShip: number;
  panelTotal: number;
  communityShip: number;
  communityTotal: number;
};

export type ToolScores = {
  panel: PanelScore;
  community: CommunityScore;
  disagreement: Disagreement | null;
};

export const EMPTY_STATS: ToolStats = { panelShip: 0, panelTotal: 0, communityShip: 0, communityTotal: 0 };

export function toolScores(counters: ToolStats | null | undefined): ToolScores {
  const c = counters ?? EMPTY_STATS;
  const panel = panelScore({ ship: c.panelShip, total: c.panelTotal });
  const community = communityScore({ ship: c.communityShip, total: c.communityTotal });
  return { panel, community, disagreement: disagreement(panel, community) };
}
