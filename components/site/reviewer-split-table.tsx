"use client";

import Link from "next/link";
import { CallBadge } from "@/components/ui/call-badge";
import { Card } from "@/components/ui/card";

type Decision = "SHIP" | "SKIP" | null;
/** One reviewer's row of the split: their calls on A and on B. */
export type SplitCall = { id: string; name: string; lens: string; a: Decision; b: Decision; differs: boolean };
type SplitTool = { name: string; slug: string };

/**
 * The reviewer split's table. A client component only so the RSC payload carries the calls instead of the
 * table's elements (each costs Flight, its decoding for SSR and Fizz); the markup is the server's as it was.
 */
export function ReviewerSplitTable({ rows, toolA, toolB }: { rows: SplitCall[]; toolA: SplitTool; toolB: SplitTool }) {
  const differing = rows.filter((row) => row.differs).length;
  return (
    <Card className="overflow-hidden">
      <table className="w-full text-left text-sm">
        <caption className="border-b border-stone-100 px-5 py-3 text-left text-[13px] text-stone-500 dark:border-stone-800 dark:text-stone-400">
          {differing === 0
            ? "Every reviewer makes the same call on both tools."
            : `${differing} of ${rows.length} reviewer${rows.length === 1 ? "" : "s"} call${differing === 1 ? "s" : ""} the two tools differently (highlighted).`}
        </caption>
        <thead className="bg-stone-50 text-xs uppercase tracking-wide text-stone-500 dark:bg-stone-900/60 dark:text-stone-400">
          <tr>
            <th scope="col" className="px-5 py-2.5 font-medium">Reviewer</th>
            <th scope="col" className="px-3 py-2.5 font-medium">{toolA.name}</th>
            <th scope="col" className="px-3 py-2.5 font-medium">{toolB.name}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100 dark:divide-stone-800">
          {rows.map((row) => (
            <tr key={row.id} data-differs={row.differs || undefined} className={row.differs ? "bg-amber-50/70 dark:bg-amber-950/30" : undefined}>
              <th scope="row" className="px-5 py-3 font-normal">
                <span className="block font-medium text-stone-900 dark:text-white">{row.name}</span>
                <span className="block text-xs text-stone-500 dark:text-stone-400">
                  {row.lens}
                  {row.differs ? <span className="ml-1.5 font-medium text-amber-700 dark:text-amber-400">· calls differ</span> : null}
                </span>
              </th>
              <td className="px-3 py-3"><CallBadge decision={row.a} /></td>
              <td className="px-3 py-3"><CallBadge decision={row.b} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      {/* Visible, not screen-reader-only: links a keyboard reaches must be seen when they have focus. */}
      <p className="border-t border-stone-100 px-5 py-3 text-xs text-stone-500 dark:border-stone-800 dark:text-stone-400">
        Read each reviewer&apos;s full case in the scorecard below, or on the{" "}
        <Link href={`/tools/${toolA.slug}`} className="font-medium underline underline-offset-2">
          {toolA.name}
        </Link>{" "}
        and{" "}
        <Link href={`/tools/${toolB.slug}`} className="font-medium underline underline-offset-2">
          {toolB.name}
        </Link>{" "}
        pages.
      </p>
    </Card>
  );
}
