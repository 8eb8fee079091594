import type { Route } from "next";
import Link from "next/link";

/** A page of reading (/about, /methodology, /privacy): a title, a lede, sections with anchors, and the other such pages. */
export function ProsePage({ eyebrow, title, lede, children }: { eyebrow: string; title: string; lede: string; children: React.ReactNode }) {
  return (
    <article className="mx-auto max-w-3xl pb-8 pt-10 sm:pt-14">
      <p className="text-xs font-semibold uppercase tracking-[0.16em] text-ship-700 dark:text-ship-400">{eyebrow}</p>
      <h1 className="mt-2 text-4xl font-semibold tracking-tight text-balance sm:text-5xl">{title}</h1>
      <p className="mt-4 text-pretty text-lg leading-8 text-stone-700 dark:text-stone-300">{lede}</p>
      <div className="mt-10 space-y-12 text-[15px] leading-7 text-stone-700 dark:text-stone-300 [&_a]:font-medium [&_a]:text-stone-900 [&_a]:underline [&_a]:decoration-stone-300 [&_a]:underline-offset-2 dark:[&_a]:text-white dark:[&_a]:decoration-stone-600 [&_code]:rounded [&_code]:bg-stone-100 [&_code]:px-1 [&_code]:text-[13px] dark:[&_code]:bg-stone-800 [&_h2]:mb-3 [&_h2]:text-2xl [&_h2]:font-semibold [&_h2]:tracking-tight [&_h2]:text-stone-900 dark:[&_h2]:text-white [&_h3]:mb-2 [&_h3]:mt-6 [&_h3]:font-semibold [&_h3]:text-stone-900 dark:[&_h3]:text-white [&_li]:mt-1.5 [&_p+p]:mt-3 [&_ul]:list-disc [&_ul]:pl-5">
        {children}
      </div>
      <nav aria-label="More about the site" className="mt-16 flex flex-wrap gap-x-6 gap-y-2 border-t border-stone-200 pt-6 text-sm dark:border-stone-800">
        {PAGES.map((page) => (
          <Link key={page.href} href={page.href as Route} className="font-medium text-stone-600 underline-offset-2 hover:underline dark:text-stone-400">
            {page.label}
          </Link>
        ))}
      </nav>
    </article>
  );
}

const PAGES = [
  { href: "/about", label: "About" },
  { href: "/methodology", label: "Methodology" },
  { href: "/privacy", label: "Privacy" },
  { href: "/reviewers", label: "The panel" },
];

/** A formula, set apart and readable aloud (the text is the formula). */
export function Formula({ children, label }: { children: string; label: string }) {
  return (
    <p className="my-3 overflow-x-auto rounded-xl bg-stone-100 px-4 py-3 font-mono text-[13px] text-stone-800 dark:bg-stone-900 dark:text-stone-200" aria-label={label}>
      {children}
    </p>
  );
}
