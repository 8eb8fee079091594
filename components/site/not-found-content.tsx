import Link from "next/link";

/** The friendly 404: what may have happened, and where to go instead. */
export function NotFoundContent() {
  return (
    <div className="py-24">
      <p className="text-sm font-semibold text-ship-700 dark:text-ship-400">404</p>
      <h1 className="mt-2 text-4xl font-semibold tracking-tight">We couldn&apos;t find that page</h1>
      <p className="mt-4 max-w-xl text-lg text-stone-600 dark:text-stone-400">
        The tool or comparison may have been renamed, or it was never here. Try the directory or the latest comparisons.
      </p>
      <div className="mt-8 flex flex-wrap gap-3">
        <Link href="/tools" className="rounded-lg bg-stone-900 px-4 py-2.5 text-sm font-medium text-white hover:bg-stone-700 dark:bg-white dark:text-stone-900 dark:hover:bg-stone-200">
          Browse tools
        </Link>
        <Link href="/#comparisons" className="rounded-lg px-4 py-2.5 text-sm font-medium ring-1 ring-stone-300 hover:bg-stone-100 dark:ring-stone-700 dark:hover:bg-stone-800">
          Latest comparisons
        </Link>
      </div>
    </div>
  );
}
