import { bayesianAverage, siteMean } from "./bayesian";
import { shipShare, type Split } from "./split";
import { wilsonLowerBound } from "./wilson";

/** How many votes the site-wide prior is worth in the overall rank. */
export const OVERALL_PRIOR_WEIGHT = 10;

export const TOOL_SORTS = ["overall", "panel", "community", "newest", "name", "relevance"] as const;
export type ToolSort = (typeof TOOL_SORTS)[number];

/** What ranking needs of a tool: its counters, when it appeared, and (when searching) how well it matched. */
export type Rankable = {
  id: string;
  name: string;
  panel: Split;
  community: Split;
  /** Release date, or when it was added to the directory. */
  newestAt: Date;
  relevance?: number;
};

export type RankKeys = {
  /** Bayesian average of the community share, shrunk toward the site mean. */
  overall: number;
  /** Wilson lower bound (z = 1.96) of the community share. */
  community: number;
  /** Panel ship share; -1 with no verdicts, so unreviewed tools sort last. */
  panel: number;
};

/**
 * The overall key: the community share shrunk toward the tool's own panel share (toward the site mean
 * for a tool without verdicts), worth `weight` votes. With no votes the order is the panel's; one vote
 * moves a tool by at most 1/(weight + 1) of the scale, so it cannot leap past tools the panel rates higher.
 */
export function rankKeys(tool: Rankable, prior: { mean: number; weight: number }): RankKeys {
  const panelShare = shipShare(tool.panel);
  return {
    overall: bayesianAverage(tool.community, { mean: panelShare ?? prior.mean, weight: prior.weight }),
    community: wilsonLowerBound(tool.community),
    panel: shipShare(tool.panel) ?? -1,
  };
}

type Keyed<T> = { tool: T; keys: RankKeys };
type Compare<T extends Rankable> = (x: Keyed<T>, y: Keyed<T>) => number;

const byName = <T extends Rankable>(x: Keyed<T>, y: Keyed<T>) =>
  x.tool.name.localeCompare(y.tool.name, "en") || (x.tool.id < y.tool.id ? -1 : x.tool.id > y.tool.id ? 1 : 0);
const desc = (a: number, b: number) => b - a;

function comparator<T extends Rankable>(sort: ToolSort): Compare<T> {
  const overall: Compare<T> = (x, y) =>
    desc(x.keys.overall, y.keys.overall) ||
    desc(x.keys.panel, y.keys.panel) ||
    desc(x.tool.community.total, y.tool.community.total) ||
    byName(x, y);
  switch (sort) {
    case "overall":
      return overall;
    case "community":
      return (x, y) => desc(x.keys.community, y.keys.community) || desc(x.tool.community.total, y.tool.community.total) || byName(x, y);
    case "panel":
      return (x, y) => desc(x.keys.panel, y.keys.panel) || desc(x.tool.panel.total, y.tool.panel.total) || byName(x, y);
    case "newest":
      return (x, y) => desc(x.tool.newestAt.getTime(), y.tool.newestAt.getTime()) || byName(x, y);
    case "name":
      return byName;
    case "relevance":
      return (x, y) => desc(x.tool.relevance ?? 0, y.tool.relevance ?? 0) || overall(x, y);
  }
}

/**
 * Orders tools for the directory. Every order ends in name then id, so it is
 * total and pages never overlap or skip. The overall prior's mean is the
 * community share across `population` (all listed tools, not just the matches).
 */
export function rankTools<T extends Rankable>(tools: T[], sort: ToolSort, population: Split[] = tools.map((t) => t.community)) {
  const prior = { mean: siteMean(population), weight: OVERALL_PRIOR_WEIGHT };
  return tools
    .map((tool) => ({ tool, keys: rankKeys(tool, prior) }))
    .sort(comparator<T>(sort))
    .map(({ tool, keys }) => ({ ...tool, rank: keys }));
}
