"use client";

import Link from "next/link";
import { CallBadge } from "@/components/ui/call-badge";
import { Card } from "@/components/ui/card";

/** What a verdict card shows besides its text; dates come formatted by the server. */
export type VerdictCardData = {
  reviewer: { name: string; lens: string; slug: string };
  decision: "SHIP" | "SKIP";
  /** The tool's name and page, on a card shown beside another tool's (the comparison's scorecard). */
  tool?: { name: string; slug: string };
  toolSlug: string;
  published: { iso: string; label: string } | null;
  /** "history", or "updated <date>" for a revised verdict. */
  historyLabel: string;
  /** How long ago it was last revised ("7 months ago"), and whether that is past REVIEW_DUE_DAYS. */
  age?: { label: string; due: boolean };
  /** Folded behind "Read the case" on phones (the comparison's scorecard). */
  collapsible?: boolean;
};

/**
 * The frame of one reviewer's written case: who wrote it, their call, its date and history link, around the
 * (server-rendered) text. A client component only so the RSC payload carries these few fields instead of the
 * card's elements: a comparison renders eight of them, and every element costs Flight, its decoding for SSR and Fizz.
 */
export function VerdictCard({ data, children }: { data: VerdictCardData; children: React.ReactNode }) {
  const { reviewer, decision, tool, toolSlug, published, historyLabel, age, collapsible } = data;
  return (
    <Card as="article" className="flex h-full flex-col p-6">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
        <div className="min-w-0">
          <p className="text-sm font-semibold text-stone-900 dark:text-white">{reviewer.name}</p>
          <p className="text-xs text-stone-500 dark:text-stone-400">{reviewer.lens}</p>
        </div>
        <div className="flex items-center gap-2">
          {tool ? (
            <Link href={`/tools/${tool.slug}`} className="text-xs font-medium text-stone-600 hover:underline dark:text-stone-300">
              {tool.name}
            </Link>
          ) : null}
          <CallBadge decision={decision} />
        </div>
      </div>
      {collapsible ? (
        // Collapsed on phones, where eight cases are a very long scroll; open from md up (globals.css). No script needed.
        <details className="case-md-open group flex-1">
          <summary className="cursor-pointer list-none rounded-lg py-1 text-sm font-medium text-stone-700 underline decoration-stone-300 underline-offset-4 marker:hidden dark:text-stone-200 dark:decoration-stone-600 [&::-webkit-details-marker]:hidden">
            <span aria-hidden className="mr-1.5 inline-block transition-transform group-open:rotate-90">›</span>
            <span className="group-open:hidden">Read the case</span>
            <span className="hidden group-open:inline">Hide the case</span>
          </summary>
          <blockquote className="mt-2 text-[15px] leading-7 text-stone-700 dark:text-stone-300">{children}</blockquote>
        </details>
      ) : (
        <blockquote className="flex-1 text-[15px] leading-7 text-stone-700 dark:text-stone-300">{children}</blockquote>
      )}
      <p className="mt-4 text-xs text-stone-500 dark:text-stone-400">
        {published ? (
          <>
            <time dateTime={published.iso}>{published.label}</time>
            {" · "}
          </>
        ) : null}
        <Link
          href={`/tools/${toolSlug}/history/${reviewer.slug}`}
          className="underline decoration-stone-300 underline-offset-2 hover:text-stone-700 dark:decoration-stone-700 dark:hover:text-stone-300"
        >
          {historyLabel}
        </Link>
        {age ? <> · last revised {age.label}</> : null}
        {age?.due ? (
          <span className="ml-2 inline-block rounded-full bg-amber-100 px-2 py-0.5 font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-200" data-testid="review-due">
            Re-review due
          </span>
        ) : null}
      </p>
    </Card>
  );
}
