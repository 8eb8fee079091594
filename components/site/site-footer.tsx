import type { Route } from "next";
import Link from "next/link";
import { site } from "@/lib/site/config";

const LINKS: { href: string; label: string }[] = [
  { href: "/about", label: "About" },
  { href: "/methodology", label: "Methodology" },
  { href: "/reviewers", label: "The panel" },
  { href: "/suggest", label: "Suggest a tool" },
  { href: "/methodology#api", label: "API" },
  { href: "/feed.xml", label: "Feed" },
  { href: "/#newsletter", label: "Newsletter" },
  { href: "/privacy", label: "Privacy" },
];

export function SiteFooter() {
  return (
    <footer className="mt-24 border-t border-stone-200 dark:border-stone-800">
      <div className="mx-auto grid max-w-6xl gap-6 px-4 py-8 text-sm text-stone-500 sm:px-6 md:grid-cols-[1fr_auto] md:items-start dark:text-stone-400">
        <div className="space-y-2">
          <p>
            <span className="font-medium text-stone-700 dark:text-stone-200">{site.name}</span> — {site.tagline}
          </p>
          <p>Panel verdicts are written by staff reviewer personas; community figures come from signed-in readers.</p>
        </div>
        <nav aria-label="Site">
          <ul className="flex flex-wrap gap-x-5 gap-y-2 md:max-w-sm md:justify-end">
            {LINKS.map((link) => (
              <li key={link.href}>
                {link.href === "/feed.xml" ? (
                  <a href={link.href} className="font-medium text-stone-600 underline-offset-2 hover:underline dark:text-stone-300">
                    {link.label}
                  </a>
                ) : (
                  <Link href={link.href as Route} className="font-medium text-stone-600 underline-offset-2 hover:underline dark:text-stone-300">
                    {link.label}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </footer>
  );
}
