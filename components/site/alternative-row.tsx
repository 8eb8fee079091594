import Link from "next/link";
import type { Alternative } from "@/lib/alternatives/queries";
import type { AlternativeReason } from "@/lib/alternatives/rank";
import { PAIR_VISIT_WINDOW_DAYS } from "@/lib/alternatives/rank";
import { toVoteCommunity } from "@/lib/votes/schema";
import { CommunityFigure, PanelFigure } from "./score-figures";
import { ToolLogo } from "./tool-logo";

const COUNT = new Intl.NumberFormat("en-US");

/** Why a tool is listed, in words a reader can check against the page. */
function reasonText(reason: AlternativeReason, subject: string): string {
  // The category's name is on the row already, beside the vendor.
  switch (reason.kind) {
    case "category":
      return "Same category";
    case "specs":
      return `Shared: ${reason.shared.join(", ")}`;
    case "compared":
      return `Often compared with ${subject}: ${COUNT.format(reason.visits)} ${reason.visits === 1 ? "visit" : "visits"} in ${PAIR_VISIT_WINDOW_DAYS} days`;
    case "editorial":
      return `Our editors compared it with ${subject}`;
  }
}

const REASON_TONE: Record<AlternativeReason["kind"], string> = {
  category: "bg-stone-100 text-stone-700 ring-stone-300/60 dark:bg-stone-800 dark:text-stone-300 dark:ring-stone-600/50",
  specs: "bg-stone-100 text-stone-700 ring-stone-300/60 dark:bg-stone-800 dark:text-stone-300 dark:ring-stone-600/50",
  compared: "bg-ship-50 text-ship-700 ring-ship-600/20 dark:bg-ship-950 dark:text-ship-300 dark:ring-ship-400/25",
  editorial: "bg-ship-50 text-ship-700 ring-ship-600/20 dark:bg-ship-950 dark:text-ship-300 dark:ring-ship-400/25",
};

/**
 * One alternative: rank, logo, name, category and tagline, why it is listed,
 * the panel's and the community's figures (counts first, live), and the
 * one-click comparison with the subject.
 */
export function AlternativeRow({ alternative, subject, rank }: { alternative: Alternative; subject: { name: string }; rank: number }) {
  const { tool, reasons, compareSlug } = alternative;
  return (
    <li
      data-alternative={tool.slug}
      className="grid grid-cols-[auto_1fr] items-center gap-x-4 gap-y-3 rounded-2xl border border-stone-200 bg-white p-4 shadow-[0_1px_2px_rgba(0,0,0,0.04)] sm:p-5 md:grid-cols-[auto_1fr_auto] md:gap-x-6 dark:border-stone-800 dark:bg-stone-900"
    >
      <div className="flex items-center gap-3 md:row-span-2 md:self-start">
        <span aria-hidden className="w-4 text-right text-sm font-medium tabular-nums text-stone-400 dark:text-stone-500">
          {rank}
        </span>
        <ToolLogo name={tool.name} logoUrl={tool.logoUrl} size={44} className="rounded-xl" />
      </div>
      <p className="min-w-0 md:self-end">
        <Link href={`/tools/${tool.slug}`} prefetch={false} className="text-lg font-semibold tracking-tight hover:underline hover:underline-offset-2">
          {tool.name}
        </Link>
        <span className="block text-xs text-stone-500 sm:ml-2 sm:inline dark:text-stone-400">
          {tool.vendor} · {tool.category.name}
        </span>
      </p>
      <div className="col-span-2 min-w-0 md:col-span-1 md:col-start-2 md:self-start">
        <p className="text-sm text-stone-600 dark:text-stone-400">{tool.tagline}</p>
        <ul className="mt-2.5 flex flex-wrap gap-1.5" aria-label={`Why ${tool.name} is listed`}>
          {reasons.map((reason) => (
            <li key={reason.kind} className={`rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${REASON_TONE[reason.kind]}`}>
              {reasonText(reason, subject.name)}
            </li>
          ))}
        </ul>
      </div>
      <div className="col-span-2 flex flex-wrap items-center gap-x-6 gap-y-4 border-t border-stone-100 pt-4 sm:flex-nowrap sm:justify-between md:col-span-1 md:col-start-3 md:row-span-2 md:row-start-1 md:border-0 md:pt-0 dark:border-stone-800">
        <div className="flex gap-6">
          <div className="min-w-28">
            <PanelFigure panel={tool.scores.panel} emphasis={false} slug={tool.slug} />
          </div>
          <div className="min-w-28">
            <CommunityFigure community={toVoteCommunity(tool.scores.community)} emphasis={false} slug={tool.slug} />
          </div>
        </div>
        <Link
          href={`/compare/${compareSlug}`}
          prefetch={false}
          className="inline-flex w-full items-center justify-center gap-1.5 rounded-lg bg-stone-900 px-3.5 py-2 text-sm font-medium text-white hover:bg-stone-700 sm:w-auto dark:bg-white dark:text-stone-900 dark:hover:bg-stone-200"
        >
          Compare<span className="sr-only"> {subject.name} with {tool.name}</span>
          <span aria-hidden>→</span>
        </Link>
      </div>
    </li>
  );
}
