import Link from "next/link";
import { firstName } from "@/components/og/parts";
import { generatedBottomLine, splitSummary } from "@/lib/comparisons/bottom-line";
import type { ComparisonView } from "@/lib/comparisons/queries";
import type { ToolCard } from "@/lib/tools/select";
import { ToolLogo } from "./tool-logo";

type Side = "a" | "b";

/** One reviewer's call on one tool, as the share image shows it: a first name, the call, ringed where the pair splits. */
function CallChip({ name, decision, differs }: { name: string; decision: "SHIP" | "SKIP" | null; differs: boolean }) {
  const tone =
    decision === "SHIP"
      ? "bg-ship-50 text-ship-800 ring-ship-600/25 dark:bg-ship-950 dark:text-ship-200 dark:ring-ship-400/30"
      : decision === "SKIP"
        ? "bg-skip-50 text-skip-800 ring-skip-600/25 dark:bg-skip-950 dark:text-skip-200 dark:ring-skip-400/30"
        : "bg-stone-100 text-stone-600 ring-stone-300 dark:bg-stone-800 dark:text-stone-300 dark:ring-stone-700";
  return (
    <li
      className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-1 text-xs font-semibold ring-1 ring-inset ${tone} ${
        differs ? "outline-2 outline-offset-1 outline-amber-500 dark:outline-amber-400" : ""
      }`}
    >
      <span>{name}</span>
      <span aria-hidden className="opacity-80">{decision === "SHIP" ? "↑ ship" : decision === "SKIP" ? "↓ skip" : "—"}</span>
      <span className="sr-only">{decision === "SHIP" ? ": ship" : decision === "SKIP" ? ": skip" : ": no verdict"}{differs ? " (splits on this pair)" : ""}</span>
    </li>
  );
}

function ToolCalls({ tool, split, side, pick }: { tool: ToolCard; split: ComparisonView["split"]; side: Side; pick: string | null }) {
  const { panel } = tool.scores;
  return (
    <div className="flex flex-col gap-3">
      <div className="flex items-center gap-3">
        <ToolLogo name={tool.name} logoUrl={tool.logoUrl} size={32} />
        <p className="text-[15px] font-semibold text-stone-900 dark:text-white">
          {pick !== null ? "Pick " : null}
          <Link href={`/tools/${tool.slug}`} className="underline decoration-stone-300 underline-offset-4 hover:decoration-stone-500 dark:decoration-stone-600">
            {tool.name}
          </Link>
          {pick !== null ? " if " : null}
        </p>
      </div>
      {pick !== null ? <p className="-mt-1 text-[15px] leading-7 text-stone-800 dark:text-stone-100">{pick}</p> : null}
      <p className="text-sm text-stone-600 dark:text-stone-400">
        <span className="font-semibold tabular-nums text-stone-900 dark:text-white">{panel.splitLabel}</span>
        {panel.total ? <span className="tabular-nums"> · {panel.label}</span> : null}
        <span> from the panel</span>
      </p>
      <ul aria-label={`Each reviewer's call on ${tool.name}`} className="flex flex-wrap gap-1.5">
        {split.map((row) => (
          <CallChip key={row.reviewer.id} name={firstName(row.reviewer.name)} decision={(side === "a" ? row.a : row.b)?.decision ?? null} differs={row.differs} />
        ))}
      </ul>
    </div>
  );
}

/**
 * The bottom line, first: staff's "Pick A if … / Pick B if …" on a curated
 * comparison, else a line written from the figures and marked generated; each
 * tool's reviewer calls as chips, the split in counts.
 */
export function BottomLine({ comparison }: { comparison: ComparisonView }) {
  const { toolA, toolB, split, picks } = comparison;
  const differing = split.some((row) => row.differs);
  return (
    <section aria-labelledby="bottom-line-title" className="mt-8 rounded-3xl border border-stone-200 bg-white p-5 shadow-sm sm:p-7 dark:border-stone-800 dark:bg-stone-900">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id="bottom-line-title" className="text-xs font-semibold uppercase tracking-[0.16em] text-ship-700 dark:text-ship-400">
          The bottom line
        </h2>
        {picks ? null : (
          <p className="text-xs text-stone-500 dark:text-stone-400">
            Generated from the figures below — no editor has written this one yet
          </p>
        )}
      </div>
      {picks ? null : (
        <p className="mt-3 max-w-3xl text-pretty text-base leading-7 text-stone-800 sm:text-[17px] sm:leading-8 dark:text-stone-100">{generatedBottomLine(toolA, toolB, split).join(" ")}</p>
      )}
      <div className="mt-5 grid gap-6 md:grid-cols-2 md:gap-8">
        <ToolCalls tool={toolA} split={split} side="a" pick={picks?.a ?? null} />
        <div className="border-t border-stone-100 pt-6 md:border-l md:border-t-0 md:pl-8 md:pt-0 dark:border-stone-800">
          <ToolCalls tool={toolB} split={split} side="b" pick={picks?.b ?? null} />
        </div>
      </div>
      <p className="mt-5 flex items-center gap-2 border-t border-stone-100 pt-4 text-sm font-medium text-stone-700 dark:border-stone-800 dark:text-stone-300">
        <span aria-hidden className={`size-2.5 rounded-full ${differing ? "bg-amber-500" : "bg-ship-600"}`} />
        {splitSummary(split)}
        {differing ? (
          <a href="#reviewer-split" className="ml-1 font-normal text-stone-500 underline underline-offset-2 hover:text-stone-800 dark:text-stone-400 dark:hover:text-stone-200">
            see who
          </a>
        ) : null}
      </p>
    </section>
  );
}

export const SECTION_LINKS = [
  ["panel-verdict", "Panel verdict"],
  ["pricing", "Pricing"],
  ["specs", "Specs"],
  ["reviewer-split", "Reviewer split"],
  ["community", "Community"],
  ["scorecard", "Scorecard"],
] as const;

/**
 * In-page navigation that stays under the site header while the page scrolls; plain anchors, no script.
 * Its offset is the header's height: two rows below md (99 px), one row from md (56 px).
 */
export function SectionNav() {
  return (
    <nav
      aria-label="On this page"
      className="sticky top-[99px] z-10 md:top-[56px] -mx-4 mt-8 border-y border-stone-200/80 bg-stone-50/90 px-4 backdrop-blur sm:-mx-6 sm:px-6 dark:border-stone-800/80 dark:bg-stone-950/90"
    >
      <ul className="-mb-px flex gap-1 overflow-x-auto py-2 text-sm [scrollbar-width:none]">
        {SECTION_LINKS.map(([id, label]) => (
          <li key={id} className="shrink-0">
            <a href={`#${id}`} className="block rounded-full px-3 py-1.5 font-medium text-stone-600 hover:bg-stone-200/70 hover:text-stone-900 dark:text-stone-300 dark:hover:bg-stone-800 dark:hover:text-white">
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
