import Link from "next/link";
import type { ToolCard } from "@/lib/tools/select";
import { DisagreementBadge } from "./disagreement-badge";

/** A tool in a list: name, vendor, tagline, panel and community figures. */
export function ToolRow({ tool, rank }: { tool: ToolCard; rank?: number }) {
  const { panel, community } = tool.scores;
  return (
    <li className="relative flex items-center gap-4 px-5 py-4 transition-colors hover:bg-stone-50 dark:hover:bg-stone-800/40">
      {rank !== undefined ? (
        <span aria-hidden className="w-5 text-right text-sm font-medium tabular-nums text-stone-400">{rank}</span>
      ) : null}
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-baseline gap-x-2">
          <Link href={`/tools/${tool.slug}`} className="font-semibold after:absolute after:inset-0">
            {tool.name}
          </Link>
          <span className="text-xs text-stone-500 dark:text-stone-400">{tool.vendor}</span>
        </p>
        <p className="mt-0.5 truncate text-sm text-stone-600 dark:text-stone-400">{tool.tagline}</p>
        {tool.scores.disagreement ? (
          <div className="mt-1.5"><DisagreementBadge label={tool.scores.disagreement.label} /></div>
        ) : null}
      </div>
      <dl className="flex shrink-0 gap-5 text-right">
        <div>
          <dt className="text-[11px] uppercase tracking-wide text-stone-500 dark:text-stone-400">Panel</dt>
          <dd className="font-semibold tabular-nums">
            {panel.label}
            <span className="sr-only"> ({panel.splitLabel})</span>
          </dd>
        </div>
        <div className="hidden sm:block">
          <dt className="text-[11px] uppercase tracking-wide text-stone-500 dark:text-stone-400">Community</dt>
          <dd className={`tabular-nums ${community.status === "established" ? "font-semibold" : "text-stone-400"}`}>
            {community.status === "provisional" ? community.countLabel : community.label}
          </dd>
        </div>
      </dl>
    </li>
  );
}
