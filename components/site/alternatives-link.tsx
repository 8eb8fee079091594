import Link from "next/link";

/** The tool page's way to its alternatives (/tools/<slug>/alternatives). */
export function AlternativesLink({ tool }: { tool: { slug: string; name: string } }) {
  return (
    <Link
      href={`/tools/${tool.slug}/alternatives`}
      className="mt-4 inline-flex items-center gap-1 text-sm font-medium text-stone-600 underline decoration-stone-300 underline-offset-2 hover:text-stone-900 dark:text-stone-400 dark:decoration-stone-600 dark:hover:text-white"
    >
      Alternatives to {tool.name}
      <span aria-hidden>→</span>
    </Link>
  );
}
