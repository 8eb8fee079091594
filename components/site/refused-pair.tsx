"use client";

import { usePathname } from "next/navigation";

type Tool = { slug: string; name: string };

/**
 * Which part of a /compare/<a>-vs-<b> address could not be compared, named:
 * the boundary that shows it (app/(site)/compare/[slug]/not-found.tsx) gets no
 * params, so it reads the address here, against the listed tools it has.
 */
export function RefusedPair({ tools }: { tools: Tool[] }) {
  const pathname = usePathname();
  const message = explain(pathname, tools);
  if (!message) return null;
  return (
    <p className="mt-4 max-w-2xl text-lg font-medium text-stone-800 dark:text-stone-200" data-testid="refused-pair">
      {message}
    </p>
  );
}

export function explain(pathname: string | null, tools: readonly Tool[]): string | null {
  const segment = pathname?.match(/^\/compare\/([^/]+)$/)?.[1];
  if (!segment) return null;
  let slug: string;
  try {
    slug = decodeURIComponent(segment);
  } catch {
    return null;
  }
  const at = slug.indexOf("-vs-");
  if (at <= 0 || at + 4 >= slug.length) return `“${shorten(slug)}” is not two tools: addresses look like /compare/cursor-vs-aider.`;
  const [a, b] = [slug.slice(0, at), slug.slice(at + 4)];
  const byslug = new Map(tools.map((tool) => [tool.slug, tool.name]));
  if (a === b) return `That is ${byslug.get(a) ?? `“${shorten(a)}”`} twice: pick a second tool to compare it with.`;
  const unknown = [a, b].filter((part) => !byslug.has(part)).map((part) => `“${shorten(part)}”`);
  if (unknown.length === 0) return null;
  return unknown.length === 2
    ? `Neither ${unknown[0]} nor ${unknown[1]} is in the directory (or they were archived).`
    : `${unknown[0]} is not in the directory (or it was archived).`;
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
