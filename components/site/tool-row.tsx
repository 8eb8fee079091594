import Link from "next/link";
import type { ToolCard } from "@/lib/tools/select";
import { CompareCheckbox } from "./compare-checkbox";
import { DisagreementBadge } from "./disagreement-badge";
import { ToolLogo } from "./tool-logo";

/** A tool in a list: name, vendor, tagline, panel and community figures; with `compare`, a "Compare" tick (the directory). */
export function ToolRow({ tool, rank, compare = false }: { tool: ToolCard; rank?: number; compare?: boolean }) {
  const { panel, community } = tool.scores;
  return (
    <li className="relative flex items-center gap-4 px-5 py-4 transition-colors hover:bg-stone-50 dark:hover:bg-stone-800/40">
      {rank !== undefined ? (
        <span aria-hidden className="w-5 text-right text-sm font-medium tabular-nums text-stone-500 dark:text-stone-400">{rank}</span>
      ) : null}
      <ToolLogo name={tool.name} logoUrl={tool.logoUrl} size={40} />
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-baseline gap-x-2">
          <Link href={`/tools/${tool.slug}`} className="font-semibold after:absolute after:inset-0">
            {tool.name}
          </Link>
          <span className="text-xs text-stone-500 dark:text-stone-400">{tool.vendor}</span>
        </p>
        <p className="mt-0.5 line-clamp-2 text-sm text-stone-600 sm:truncate dark:text-stone-400">{tool.tagline}</p>
        {tool.scores.disagreement || compare ? (
          <div className="mt-1.5 flex flex-wrap items-center gap-x-3 gap-y-1">
            {tool.scores.disagreement ? <DisagreementBadge label={tool.scores.disagreement.label} /> : null}
            {compare ? <CompareCheckbox slug={tool.slug} name={tool.name} /> : null}
          </div>
        ) : null}
      </div>
      <dl className="flex shrink-0 gap-4 text-right sm:gap-6">
        <div className="w-14 sm:w-16">
          <dt className="text-[11px] uppercase tracking-wide text-stone-500 dark:text-stone-400">Panel</dt>
          <dd className={`tabular-nums ${panel.total ? "font-semibold" : "text-stone-500 dark:text-stone-400"}`}>
            {panel.label}
            <span className="block text-[11px] font-normal text-stone-500 dark:text-stone-400">
              {panel.total ? `${panel.ship} of ${panel.total}` : "no verdicts"}
            </span>
          </dd>
        </div>
        <div className="w-16 sm:w-20">
          <dt className="text-[11px] uppercase tracking-wide text-stone-500 dark:text-stone-400">Community</dt>
          {community.status === "established" ? (
            <dd className="font-semibold tabular-nums">
              {community.label}
              <span className="block text-[11px] font-normal text-stone-500 dark:text-stone-400">{community.countLabel}</span>
            </dd>
          ) : (
            <dd className="tabular-nums text-stone-500 dark:text-stone-400">
              {community.status === "none" ? "—" : community.countLabel}
              <span className="block text-[11px]">{community.status === "none" ? "no votes" : "provisional"}</span>
            </dd>
          )}
        </div>
      </dl>
    </li>
  );
}
