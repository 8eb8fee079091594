import type { ToolSort } from "@/lib/scores/ranking";
import type { PricingFilter } from "@/lib/tools/schema";

export const SORT_LABELS: Record<ToolSort, string> = {
  relevance: "Best match",
  overall: "Overall",
  panel: "Panel ship",
  community: "Community",
  newest: "Newest",
  name: "Name (A–Z)",
};

export const PRICING_LABELS: Record<PricingFilter, string> = {
  free: "Free",
  freemium: "Freemium",
  paid: "Paid",
  usage: "Usage-based",
  "open-weights": "Open weights",
};

const control =
  "w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm text-stone-900 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100";
const labelClass = "mb-1 block text-xs font-medium text-stone-600 dark:text-stone-400";

/**
 * The directory's filters: one GET form, so every filter is in the URL and it
 * works without JavaScript. Submitting starts again at page 1. "Recommended" is
 * the best match while searching and the overall rank otherwise.
 */
export function DirectoryFilters({
  q,
  category,
  pricing,
  sort,
  categories,
}: {
  q?: string;
  category?: string;
  pricing?: PricingFilter;
  sort?: ToolSort;
  categories: { slug: string; name: string; count: number }[];
}) {
  const sorts = (Object.keys(SORT_LABELS) as ToolSort[]).filter((key) => key !== "relevance");
  return (
    <form role="search" aria-label="Filter tools" action="/tools" method="get" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[minmax(0,2fr)_repeat(3,minmax(0,1fr))_auto] lg:items-end">
      <label className="sm:col-span-2 lg:col-span-1">
        <span className={labelClass}>Search by name, vendor or description</span>
        <input type="search" name="q" defaultValue={q} maxLength={100} placeholder="e.g. code editor, whisper" className={control} />
      </label>
      <label>
        <span className={labelClass}>Category</span>
        <select name="category" defaultValue={category ?? ""} className={control}>
          <option value="">All categories</option>
          {categories.map((option) => (
            <option key={option.slug} value={option.slug}>
              {option.name} ({option.count})
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className={labelClass}>Pricing</span>
        <select name="pricing" defaultValue={pricing ?? ""} className={control}>
          <option value="">Any pricing</option>
          {(Object.keys(PRICING_LABELS) as PricingFilter[]).map((key) => (
            <option key={key} value={key}>
              {PRICING_LABELS[key]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className={labelClass}>Sort by</span>
        <select name="sort" defaultValue={sort === "relevance" ? "" : (sort ?? "")} className={control}>
          <option value="">Recommended</option>
          {sorts.map((key) => (
            <option key={key} value={key}>
              {SORT_LABELS[key]}
            </option>
          ))}
        </select>
      </label>
      <button
        type="submit"
        className="rounded-lg bg-stone-900 px-4 py-2 text-sm font-medium text-white hover:bg-stone-700 dark:bg-white dark:text-stone-900 dark:hover:bg-stone-200"
      >
        Show tools
      </button>
    </form>
  );
}
