"use client";

import Link from "next/link";
import type { Disagreement, PanelScore } from "@/lib/scores";
import type { VoteCommunity } from "@/lib/votes/schema";
import { Card } from "@/components/ui/card";
import { CommunityFigure, EntryFigure, PanelFigure } from "./score-figures";
import { LiveDisagreementBadge } from "./live-disagreement";
import { ToolLogo } from "./tool-logo";

/** What one side of a comparison shows. */
export type ComparisonToolCardData = {
  slug: string;
  name: string;
  /** Content-addressed logo path, or null for the monogram. */
  logoUrl: string | null;
  category: string;
  vendor: string;
  tagline: string;
  description: string;
  entryPrice: string | null;
  panel: PanelScore;
  community: VoteCommunity;
  disagreement: Disagreement | null;
};

/**
 * The card's markup. A client component (its figures are live ones already) so the RSC payload carries the
 * tool's fields once instead of the card's elements, which cost Flight, its decoding for SSR and Fizz each.
 */
export function ComparisonToolCardView({ tool, side }: { tool: ComparisonToolCardData; side: "A" | "B" }) {
  return (
    <Card as="article" className="flex flex-col p-6 sm:p-7">
      <div className="flex items-center justify-between gap-3">
        <p className="text-xs font-semibold uppercase tracking-[0.14em] text-stone-500 dark:text-stone-400">{tool.category}</p>
        <span aria-hidden className="grid size-6 place-items-center rounded-full bg-stone-100 text-[11px] font-semibold text-stone-500 dark:bg-stone-800 dark:text-stone-400">
          {side}
        </span>
      </div>
      <div className="mt-2 flex items-center gap-3">
        <ToolLogo name={tool.name} logoUrl={tool.logoUrl} size={44} />
        <h2 className="text-2xl font-semibold tracking-tight sm:text-[28px]">
          <Link href={`/tools/${tool.slug}`} className="rounded hover:underline hover:decoration-stone-300 hover:underline-offset-4">
            {tool.name}
          </Link>
        </h2>
      </div>
      <p className="mt-1 text-sm text-stone-500 dark:text-stone-400">by {tool.vendor}</p>
      <p className="mt-3 text-[15px] leading-relaxed text-stone-700 dark:text-stone-300">{tool.tagline}</p>
      <LiveDisagreementBadge slug={tool.slug} initial={tool.disagreement} className="mt-3" />
      <dl className="mt-6 grid grid-cols-3 gap-4 border-y border-stone-100 py-5 dark:border-stone-800">
        <div>
          <dt className="sr-only">Panel ship</dt>
          <dd><PanelFigure panel={tool.panel} slug={tool.slug} /></dd>
        </div>
        <div>
          <dt className="sr-only">Community</dt>
          <dd><CommunityFigure community={tool.community} slug={tool.slug} /></dd>
        </div>
        <div>
          <dt className="sr-only">Entry</dt>
          <dd><EntryFigure entry={tool.entryPrice} /></dd>
        </div>
      </dl>
      <p className="mt-5 text-[15px] leading-7 text-stone-600 dark:text-stone-300">{tool.description}</p>
    </Card>
  );
}
