import Link from "next/link";
import type { ComparisonSummary } from "@/lib/comparisons/queries";
import { Card } from "@/components/ui/card";
import { DisagreementBadge } from "./disagreement-badge";
import { ToolLogo } from "./tool-logo";

/** A comparison in a list: both tools with their panel figures. */
export function ComparisonCard({ comparison }: { comparison: ComparisonSummary }) {
  const { toolA, toolB } = comparison;
  return (
    <Card as="article" className="group relative flex h-full flex-col p-5 transition-shadow hover:shadow-md">
      <p className="text-xs font-medium text-stone-500 dark:text-stone-400">
        {toolA.category.name === toolB.category.name ? toolA.category.name : `${toolA.category.name} · ${toolB.category.name}`}
      </p>
      <h3 className="mt-1.5 text-lg font-semibold tracking-tight">
        <Link href={`/compare/${comparison.slug}`} className="after:absolute after:inset-0 after:rounded-2xl">
          {toolA.name} <span className="font-normal text-stone-500 dark:text-stone-400">vs</span> {toolB.name}
        </Link>
      </h3>
      {/* A line under every title, so cards in a row line up: the headline, else the bottom line's first half, else the panel's counts. */}
      <p className="mt-1 line-clamp-2 text-sm text-stone-600 dark:text-stone-400">
        {comparison.headline ??
          (comparison.pickA
            ? `Pick ${toolA.name} if ${comparison.pickA}`
            : `The panel: ${toolA.scores.panel.splitLabel} for ${toolA.name}, ${toolB.scores.panel.splitLabel} for ${toolB.name}.`)}
      </p>
      {[toolA, toolB].some((tool) => tool.scores.disagreement) ? (
        <ul className="mt-3 flex flex-wrap gap-1.5">
          {[toolA, toolB].map((tool) =>
            tool.scores.disagreement ? (
              <li key={tool.slug}>
                <DisagreementBadge label={`${tool.name}: ${tool.scores.disagreement.label.toLowerCase()}`} />
              </li>
            ) : null,
          )}
        </ul>
      ) : null}
      <dl className="mt-auto grid grid-cols-2 gap-3 pt-5">
        {[toolA, toolB].map((tool) => (
          <div key={tool.slug} className="rounded-xl bg-stone-50 px-3 py-2.5 dark:bg-stone-800/60">
            <dt className="flex items-center gap-1.5 text-xs text-stone-500 dark:text-stone-400">
              <ToolLogo name={tool.name} logoUrl={tool.logoUrl} size={20} className="rounded-md" />
              <span className="truncate">{tool.name}</span>
            </dt>
            <dd className="mt-0.5 text-sm">
              {tool.scores.panel.total ? (
                <>
                  <span className="text-lg font-semibold tabular-nums">
                    {tool.scores.panel.ship}
                    <span className="text-sm font-medium text-stone-500 dark:text-stone-400"> of {tool.scores.panel.total}</span>
                  </span>{" "}
                  <span className="text-xs text-stone-500 dark:text-stone-400">ship · {tool.scores.panel.label}</span>
                </>
              ) : (
                <span className="text-xs text-stone-500 dark:text-stone-400">No verdicts yet</span>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
