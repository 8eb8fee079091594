import type { Route } from "next";
import Link from "next/link";

/**
 * The views of an admin queue (/admin/moderation, /admin/suggestions) as tabs:
 * plain links to `?view=…` (the first view is the bare address), the current
 * one marked for assistive technology.
 */
export function QueueTabs<View extends string>({ base, views, current }: { base: string; views: readonly (readonly [View, string])[]; current: View }) {
  const first = views[0]?.[0];
  return (
    <nav aria-label="Queue" className="mt-6 flex gap-1">
      {views.map(([value, label]) => (
        <Link
          key={value}
          href={`${base}${value === first ? "" : `?view=${value}`}` as Route}
          aria-current={current === value ? "page" : undefined}
          className={`rounded-lg px-3 py-1.5 text-sm font-medium ${current === value ? "bg-stone-900 text-white dark:bg-white dark:text-stone-900" : "hover:bg-stone-200/60 dark:hover:bg-stone-800"}`}
        >
          {label}
        </Link>
      ))}
    </nav>
  );
}
