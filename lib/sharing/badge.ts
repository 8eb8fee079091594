import { makeBadge } from "badge-maker";
import type { ToolScores } from "@/lib/scores";
import { site } from "@/lib/site/config";

/**
 * The embeddable badge: a shields.io-style SVG drawn by `badge-maker` (the
 * Shields project's own library: Verdana text widths, escaping, `role="img"`,
 * `<title>`). Colours are the site's, dark enough for white text (≥ 4.5:1).
 */
const COLORS = {
  label: "#1c1917", // stone-900
  ship: "#047857", // emerald-700
  skip: "#be123c", // rose-700
  neutral: "#57534e", // stone-600
} as const;

/** "panel 75% · community 62%"; community "—" with no votes, "3 votes" while too few to show a share. */
export function badgeMessage(scores: ToolScores): string {
  const { panel, community } = scores;
  const communityText = community.status === "established" ? community.label : community.status === "provisional" ? community.countLabel.toLowerCase() : community.label;
  return `panel ${panel.label} · community ${communityText}`;
}

function badgeColor(scores: ToolScores): string {
  if (scores.panel.call === "ship") return COLORS.ship;
  if (scores.panel.call === "skip") return COLORS.skip;
  return COLORS.neutral;
}

export function renderToolBadge(scores: ToolScores): string {
  return makeBadge({ label: site.name, message: badgeMessage(scores), labelColor: COLORS.label, color: badgeColor(scores), style: "flat" });
}

/** Served with a 404 for an unknown or archived tool, so an embed shows why instead of a broken image. */
export function renderMissingBadge(): string {
  return makeBadge({ label: site.name, message: "tool not listed", labelColor: COLORS.label, color: COLORS.neutral, style: "flat" });
}
