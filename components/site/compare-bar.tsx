"use client";

import Link from "next/link";
import { useRef, useSyncExternalStore } from "react";
import { DIRECTORY_COMPARE_FORM } from "./compare-checkbox";
import { comparePicks, comparisonHref } from "./compare-picks";
import { useHydrated } from "./use-hydrated";

const button =
  "inline-flex shrink-0 items-center gap-1.5 rounded-lg px-4 py-2 text-sm font-medium";
const primary = `${button} bg-stone-900 text-white hover:bg-stone-700 dark:bg-white dark:text-stone-900 dark:hover:bg-stone-200`;

/**
 * Below the directory's list: the form its "Compare" ticks belong to. Without JavaScript it submits the ticked
 * slugs (`/compare?tools=a&tools=b`). With it, the bar follows the reader (sticky) once a tool is ticked, names
 * the picks, links straight to the pair's comparison once two are ticked, and says politely why a third is not
 * taken. The same box in both, so nothing moves when it hydrates.
 */
export function CompareBar({ curated }: { curated: string[] }) {
  const hydrated = useHydrated();
  const { picks, refused } = useSyncExternalStore(comparePicks.subscribe, comparePicks.getSnapshot, comparePicks.getServerSnapshot);
  const message = useRef<HTMLParagraphElement>(null);
  const pair = picks.length === 2 ? [...picks].sort((x, y) => (x.slug < y.slug ? -1 : 1)) : null;

  const text = !hydrated || picks.length === 0
    ? "Tick “Compare” on two tools to set them side by side."
    : refused
      ? `Two tools at a time: untick ${picks[0]!.name} or ${picks[1]!.name} to compare ${refused.name}.`
      : pair
        ? `${pair[0]!.name} and ${pair[1]!.name} are ready to compare.`
        : `${picks[0]!.name} is ticked: tick one more tool to compare.`;

  return (
    <form
      id={DIRECTORY_COMPARE_FORM}
      action="/compare"
      method="get"
      aria-label="Compare ticked tools"
      className={`${picks.length ? "sticky bottom-3 z-20 shadow-lg shadow-stone-900/10 dark:shadow-black/40" : ""} flex min-h-16 flex-wrap items-center justify-between gap-x-4 gap-y-2 rounded-xl border border-stone-200 bg-white/95 px-4 py-3 backdrop-blur dark:border-stone-800 dark:bg-stone-900/95`}
    >
      <p ref={message} tabIndex={-1} role="status" className={`text-sm outline-none ${refused ? "font-medium text-skip-700 dark:text-skip-400" : "text-stone-600 dark:text-stone-400"}`}>
        {text}
      </p>
      {!hydrated ? (
        <button type="submit" className={primary}>
          Compare ticked tools
        </button>
      ) : picks.length ? (
        <div className="flex w-full min-w-0 items-center gap-2 sm:w-auto">
          <button
            type="button"
            onClick={() => {
              comparePicks.clear();
              message.current?.focus();
            }}
            className={`${button} text-stone-700 hover:bg-stone-100 dark:text-stone-300 dark:hover:bg-stone-800`}
          >
            Clear
          </button>
          {pair ? (
            <Link
              href={comparisonHref(pair[0]!.slug, pair[1]!.slug, curated)}
              className={`${primary.replace("shrink-0", "min-w-0")} flex-1 justify-center text-center sm:flex-none`}
            >
              Compare {pair[0]!.name} vs {pair[1]!.name}
              <span aria-hidden>→</span>
            </Link>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
