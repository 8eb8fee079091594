import { site } from "@/lib/site/config";
import { absoluteUrl, sitePaths } from "@/lib/site/urls";
import { renderAtomFeed, type AtomEntry } from "./atom";
import type { FeedComparison } from "./queries";

type ToolFigures = Pick<FeedComparison["toolA"], "name" | "scores" | "category">;

const panelFigure = (tool: ToolFigures) =>
  tool.scores.panel.total === 0 ? `${tool.name} no verdicts yet` : `${tool.name} ${tool.scores.panel.label} (${tool.scores.panel.splitLabel})`;

/** The entry's text: the editor's headline and intro, then both panel figures. */
export function comparisonSummary(comparison: Pick<FeedComparison, "headline" | "intro" | "toolA" | "toolB">): string {
  const lead = [comparison.headline, comparison.intro].filter(Boolean).join(" — ");
  const figures = `Panel ship: ${panelFigure(comparison.toolA)}; ${panelFigure(comparison.toolB)}.`;
  return lead ? `${lead}\n\n${figures}` : figures;
}

/**
 * A tag: URI (RFC 4151) from the comparison's id and creation date, so an
 * entry keeps its identity when a tool is renamed and the slug changes.
 */
export function comparisonEntryId(comparison: Pick<FeedComparison, "id" | "createdAt">): string {
  const host = new URL(absoluteUrl(sitePaths.home)).hostname;
  return `tag:${host},${comparison.createdAt.toISOString().slice(0, 10)}:comparison:${comparison.id}`;
}

function comparisonEntry(comparison: FeedComparison): AtomEntry {
  const published = comparison.publishedAt ?? comparison.createdAt;
  const categories = [...new Set([comparison.toolA.category.name, comparison.toolB.category.name])];
  return {
    id: comparisonEntryId(comparison),
    title: `${comparison.toolA.name} vs ${comparison.toolB.name}${comparison.headline ? `: ${comparison.headline}` : ""}`,
    link: absoluteUrl(sitePaths.comparison(comparison.slug)),
    published,
    updated: comparison.updatedAt > published ? comparison.updatedAt : published,
    summary: comparisonSummary(comparison),
    categories,
  };
}

/** The Atom feed of published comparisons, newest first. */
export function renderComparisonFeed(comparisons: FeedComparison[]): string {
  const entries = comparisons.map(comparisonEntry);
  const updated = entries.reduce((newest, entry) => (entry.updated > newest ? entry.updated : newest), new Date(0));
  return renderAtomFeed({
    id: absoluteUrl(sitePaths.feed),
    title: `${site.name}: comparisons`,
    subtitle: site.tagline,
    link: absoluteUrl(sitePaths.home),
    self: absoluteUrl(sitePaths.feed),
    updated: entries.length ? updated : new Date(0),
    author: { name: site.name, uri: absoluteUrl(sitePaths.home) },
    entries,
  });
}
