import type { MetadataRoute } from "next";
import { listSitemapEntries } from "@/lib/sharing/queries";
import { absoluteUrl, sitePaths } from "@/lib/site/urls";

/** Generated per request (not at build time, which has no database), so it follows publishing at once. */
export const dynamic = "force-dynamic";

/**
 * /sitemap.xml: the fixed pages, every listed tool (and its alternatives, when
 * another listed tool shares its category), every published comparison and
 * every active reviewer. Generated comparisons of other pairs are reachable
 * from the tool pages' picker but not listed (there are n² of them).
 */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const { tools, comparisons, reviewers } = await listSitemapEntries();
  const newest = (items: { lastModified: Date }[]) =>
    items.length ? new Date(Math.max(...items.map((item) => item.lastModified.getTime()))) : undefined;
  const entry = (path: string, lastModified: Date | undefined, priority: number): MetadataRoute.Sitemap[number] => ({
    url: absoluteUrl(path),
    ...(lastModified ? { lastModified } : {}),
    priority,
  });
  return [
    entry(sitePaths.home, newest([...comparisons, ...tools]), 1),
    entry(sitePaths.tools, newest(tools), 0.8),
    entry(sitePaths.compare, newest(comparisons), 0.8),
    entry(sitePaths.reviewers, newest(reviewers), 0.5),
    ...comparisons.map((comparison) => entry(sitePaths.comparison(comparison.slug), comparison.lastModified, 0.9)),
    ...tools.map((tool) => entry(sitePaths.tool(tool.slug), tool.lastModified, 0.7)),
    ...tools.filter((tool) => tool.hasAlternatives).map((tool) => entry(sitePaths.alternatives(tool.slug), tool.lastModified, 0.5)),
    ...reviewers.map((reviewer) => entry(sitePaths.reviewer(reviewer.slug), reviewer.lastModified, 0.4)),
  ];
}
