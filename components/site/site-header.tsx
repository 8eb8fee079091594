import Link from "next/link";
import { signOutAction } from "@/lib/auth/actions";
import { Logo } from "./logo";

const nav = [
  { href: "/tools", label: "Tools" },
  { href: "/compare", label: "Compare" },
  { href: "/reviewers", label: "Reviewers" },
] as const;

const linkClass =
  "rounded-md px-3 py-1.5 transition-colors hover:bg-stone-200/60 hover:text-stone-900 dark:hover:bg-stone-800 dark:hover:text-white";

/** Search the directory from any page: a plain GET form to /tools (works without JavaScript). */
function HeaderSearch({ id, className, placeholder = "Search tools" }: { id: string; className: string; placeholder?: string }) {
  return (
    <form action="/tools" role="search" aria-label="Tools" className={className}>
      <label htmlFor={id} className="sr-only">
        Search tools
      </label>
      <input
        id={id}
        name="q"
        type="search"
        maxLength={100}
        placeholder={placeholder}
        autoComplete="off"
        className="w-full rounded-lg border border-stone-300 bg-white px-3 py-1.5 text-sm placeholder:text-stone-500 dark:border-stone-700 dark:bg-stone-900 dark:placeholder:text-stone-400"
      />
    </form>
  );
}

/**
 * The same header for every reader (pages are cached and shared): the signed-in
 * links and the sign-in button are both there, and the `member:` variant shows
 * the right ones from the first paint (components/site/viewer.tsx).
 */
export function SiteHeader() {
  return (
    <header className="sticky top-0 z-20 border-b border-stone-200/80 bg-stone-50/85 backdrop-blur dark:border-stone-800/80 dark:bg-stone-950/85">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-3 focus:rounded focus:bg-white focus:px-3 focus:py-1.5 focus:text-sm focus:shadow dark:focus:bg-stone-900"
      >
        Skip to content
      </a>
      <div className="mx-auto flex h-14 max-w-6xl items-center justify-between gap-4 px-4 sm:px-6">
        <Logo />
        <HeaderSearch id="header-search" className="hidden max-w-xs flex-1 md:block" />
        <nav aria-label="Main">
          <ul className="flex items-center gap-1 text-sm text-stone-600 dark:text-stone-300">
            {nav.map((item) => (
              <li key={item.href} className="hidden sm:block">
                <Link href={item.href} className={linkClass}>
                  {item.label}
                </Link>
              </li>
            ))}
            <li className="hidden staff:block">
              <Link href="/admin" className={linkClass}>
                Admin
              </Link>
            </li>
            <li className="hidden member:block">
              <Link href="/account" className={linkClass}>
                Account
              </Link>
            </li>
            <li className="hidden member:block">
              <form action={signOutAction}>
                <button type="submit" className={linkClass}>
                  Sign out
                </button>
              </form>
            </li>
            <li className="member:hidden">
              <Link
                href="/signin"
                className="ml-1 rounded-lg bg-stone-900 px-3 py-1.5 font-medium text-white hover:bg-stone-700 dark:bg-white dark:text-stone-900 dark:hover:bg-stone-200"
              >
                Sign in
              </Link>
            </li>
          </ul>
        </nav>
      </div>
      <div className="flex items-center gap-2 border-t border-stone-200/80 pr-3 md:hidden dark:border-stone-800/80">
        <nav aria-label="Sections" className="sm:hidden">
          <ul className="mx-auto flex max-w-6xl items-center gap-1 px-2 py-1 text-sm text-stone-600 dark:text-stone-300">
            {nav.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className={linkClass}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <HeaderSearch id="header-search-narrow" placeholder="Search" className="ml-auto min-w-0 flex-1 py-1 sm:max-w-xs" />
      </div>
    </header>
  );
}
