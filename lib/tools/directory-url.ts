import type { ToolSort } from "@/lib/scores/ranking";
import type { PricingFilter } from "./schema";

export type DirectoryParams = {
  q?: string;
  category?: string;
  pricing?: PricingFilter;
  sort?: ToolSort;
  page?: number;
};

/**
 * The canonical URL of a directory view: parameters in a fixed order, defaults
 * left out, so a link reproduces the view and equal views share one URL.
 */
export function isCanonicalDirectoryQuery(raw: Record<string, string | string[] | undefined>, params: DirectoryParams): boolean {
  const given = new URLSearchParams();
  for (const [key, value] of Object.entries(raw)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) given.append(key, item);
  }
  const canonical = directoryHref(params).split("?")[1] ?? "";
  return given.toString() === canonical;
}

/** The URL of a directory view (see isCanonicalDirectoryQuery). */
export function directoryHref(params: DirectoryParams): string {
  const search = new URLSearchParams();
  if (params.q) search.set("q", params.q);
  if (params.category) search.set("category", params.category);
  if (params.pricing) search.set("pricing", params.pricing);
  // The default order (best match while searching, overall otherwise) stays implicit.
  // Relevance means nothing without a search.
  if (params.sort && params.sort !== (params.q ? "relevance" : "overall") && (params.sort !== "relevance" || params.q)) {
    search.set("sort", params.sort);
  }
  if (params.page && params.page > 1) search.set("page", String(params.page));
  const query = search.toString();
  return query ? `/tools?${query}` : "/tools";
}
