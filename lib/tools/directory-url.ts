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
export function directoryHref(params: DirectoryParams): string {
  const search = new URLSearchParams();
  if (params.q) search.set("q", params.q);
  if (params.category) search.set("category", params.category);
  if (params.pricing) search.set("pricing", params.pricing);
  if (params.sort) search.set("sort", params.sort);
  if (params.page && params.page > 1) search.set("page", String(params.page));
  const query = search.toString();
  return query ? `/tools?${query}` : "/tools";
}
