import Link from "next/link";
import type { Route } from "next";
import type { ReasonsSummary } from "@/lib/reasons/queries";
import { ReasonQuote } from "./reason-quote";

type Props = {
  tool: { slug: string; name: string };
  summary: ReasonsSummary;
  /** The heading level of each side ("Why readers ship"), under the section's h2. */
  level?: 3 | 4;
  /** Show the tool's name in each side's heading (a comparison shows two tools). */
  named?: boolean;
};

/**
 * "Why readers ship / skip": a tool's most helpful reasons on each side, with
 * each side's count and a link to all of them (/tools/:slug/reasons). The same
 * for every reader: it is part of the cached page.
 */
export function CommunityReasons({ tool, summary, level = 3, named = false }: Props) {
  const Heading = `h${level}` as const;
  return (
    <div className="grid gap-6 md:grid-cols-2" data-testid={`reasons-${tool.slug}`}>
      {(["ship", "skip"] as const).map((side) => {
        const { count, top } = summary[side];
        const href = `/tools/${tool.slug}/reasons?decision=${side}` as Route;
        return (
          <div key={side} id={`${tool.slug}-why-${side}`} className="scroll-mt-20 space-y-3">
            <div className="flex items-baseline justify-between gap-3">
              <Heading className="text-sm font-semibold">
                Why readers {side}
                {named ? ` ${tool.name}` : null}
                <span className="ml-2 font-normal tabular-nums text-stone-500 dark:text-stone-400">{count}</span>
              </Heading>
              {count > top.length ? (
                <Link href={href} prefetch={false} className="text-xs font-medium text-stone-600 underline underline-offset-2 hover:text-stone-900 dark:text-stone-400 dark:hover:text-stone-100">
                  All {count}
                  <span className="sr-only"> reasons to {side} {tool.name}</span>
                </Link>
              ) : null}
            </div>
            {top.length ? (
              <ul className="space-y-3">
                {top.map((reason) => (
                  <li key={reason.id}>
                    <ReasonQuote reason={reason} />
                  </li>
                ))}
              </ul>
            ) : (
              <p className="rounded-xl border border-dashed border-stone-300 px-4 py-3 text-sm text-stone-500 dark:border-stone-700 dark:text-stone-400">
                No reader has said why they {side} {tool.name} yet. Vote and add yours.
              </p>
            )}
          </div>
        );
      })}
      <p className="text-xs text-stone-500 md:col-span-2 dark:text-stone-400">
        Most helpful first: ranked by readers&apos; helpful marks, weighed against reports.{" "}
        <Link href={`/tools/${tool.slug}/reasons` as Route} prefetch={false} className="font-medium underline underline-offset-2">
          Read and rate every reason on {tool.name}
        </Link>
        .
      </p>
    </div>
  );
}
