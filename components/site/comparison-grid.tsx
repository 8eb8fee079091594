import type { ComparisonSummary } from "@/lib/comparisons/queries";
import { ComparisonCard } from "./comparison-card";

/** Comparison cards in a responsive grid, or a plain line when there are none. */
export function ComparisonGrid({ comparisons }: { comparisons: ComparisonSummary[] }) {
  if (!comparisons.length) return <p className="text-stone-500 dark:text-stone-400">No comparisons are published yet.</p>;
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {comparisons.map((comparison) => (
        <li key={comparison.slug}>
          <ComparisonCard comparison={comparison} />
        </li>
      ))}
    </ul>
  );
}
