"use client";

import { useSyncExternalStore } from "react";
import { comparePicks } from "./compare-picks";

export const DIRECTORY_COMPARE_FORM = "directory-compare";

/**
 * A directory row's "Compare" tick. Without JavaScript it is a plain checkbox of the compare form below the
 * list (`tools=<slug>`); with it, ticks are kept for the compare bar (at most two).
 */
export function CompareCheckbox({ slug, name }: { slug: string; name: string }) {
  const { picks } = useSyncExternalStore(comparePicks.subscribe, comparePicks.getSnapshot, comparePicks.getServerSnapshot);
  const checked = picks.some((pick) => pick.slug === slug);
  return (
    <label className="relative z-10 inline-flex cursor-pointer items-center gap-1.5 rounded-md py-0.5 pr-1 text-xs font-medium text-stone-600 hover:text-stone-900 dark:text-stone-400 dark:hover:text-white">
      <input
        type="checkbox"
        name="tools"
        value={slug}
        form={DIRECTORY_COMPARE_FORM}
        checked={checked}
        onChange={(event) => comparePicks.toggle({ slug, name }, event.target.checked)}
        className="size-4 rounded border-stone-300 accent-stone-900 dark:border-stone-600 dark:accent-stone-100"
      />
      Compare<span className="sr-only"> {name}</span>
    </label>
  );
}
