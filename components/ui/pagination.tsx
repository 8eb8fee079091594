import Link from "next/link";
import type { Route } from "next";

/** Previous / numbered / next links; every page is a plain link, so it works without JavaScript. */
export function Pagination({ page, totalPages, href }: { page: number; totalPages: number; href: (page: number) => string }) {
  if (totalPages <= 1) return null;
  const pages = Array.from({ length: totalPages }, (_, index) => index + 1).filter(
    (n) => n === 1 || n === totalPages || Math.abs(n - page) <= 1,
  );
  const item = "inline-flex min-w-9 items-center justify-center rounded-lg px-3 py-1.5 text-sm";
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm text-stone-500 dark:text-stone-400">
        Page {page} of {totalPages}
      </p>
      <ul className="flex flex-wrap items-center gap-1">
        <li>
          {page > 1 ? (
            <Link href={href(page - 1) as Route} rel="prev" className={`${item} ring-1 ring-stone-300 hover:bg-stone-100 dark:ring-stone-700 dark:hover:bg-stone-800`}>
              Previous
            </Link>
          ) : null}
        </li>
        {pages.map((n, index) => (
          <li key={n} className="flex items-center gap-1">
            {index > 0 && n - pages[index - 1]! > 1 ? <span aria-hidden className="px-1 text-stone-500 dark:text-stone-400">…</span> : null}
            <Link
              href={href(n) as Route}
              aria-current={n === page ? "page" : undefined}
              aria-label={`Page ${n}`}
              className={`${item} ${n === page ? "bg-stone-900 font-semibold text-white dark:bg-white dark:text-stone-900" : "hover:bg-stone-100 dark:hover:bg-stone-800"}`}
            >
              {n}
            </Link>
          </li>
        ))}
        <li>
          {page < totalPages ? (
            <Link href={href(page + 1) as Route} rel="next" className={`${item} ring-1 ring-stone-300 hover:bg-stone-100 dark:ring-stone-700 dark:hover:bg-stone-800`}>
              Next
            </Link>
          ) : null}
        </li>
      </ul>
    </nav>
  );
}
