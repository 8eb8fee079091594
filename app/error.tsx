"use client";

import Link from "next/link";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="mx-auto max-w-6xl px-4 py-24 sm:px-6">
      <p className="text-sm font-semibold text-skip-600 dark:text-skip-400">Something went wrong</p>
      <h1 className="mt-2 text-4xl font-semibold tracking-tight">This page didn&apos;t load</h1>
      <p className="mt-4 max-w-xl text-lg text-stone-600 dark:text-stone-400">
        It&apos;s on our side, not yours. Try again in a moment; if it keeps happening, the reference below helps us find it.
      </p>
      {error.digest ? <p className="mt-3 font-mono text-xs text-stone-500 dark:text-stone-400">Reference: {error.digest}</p> : null}
      <div className="mt-8 flex flex-wrap gap-3">
        <button type="button" onClick={reset} className="rounded-lg bg-stone-900 px-4 py-2.5 text-sm font-medium text-white hover:bg-stone-700 dark:bg-white dark:text-stone-900 dark:hover:bg-stone-200">
          Try again
        </button>
        <Link href="/" className="rounded-lg px-4 py-2.5 text-sm font-medium ring-1 ring-stone-300 hover:bg-stone-100 dark:ring-stone-700 dark:hover:bg-stone-800">
          Home
        </Link>
      </div>
    </main>
  );
}
