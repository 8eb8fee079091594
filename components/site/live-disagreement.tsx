"use client";

import type { Disagreement } from "@/lib/scores";
import { DisagreementBadge } from "./disagreement-badge";
import { useLiveScores } from "./live-scores";

/**
 * The panel-vs-community badge, appearing or going away as live figures
 * change. It links to the community's top reasons for its call on this page
 * (the "Why readers ship / skip" block, components/site/community-reasons.tsx).
 */
export function LiveDisagreementBadge({ slug, initial, className = "" }: { slug: string; initial: Disagreement | null; className?: string }) {
  const live = useLiveScores(slug);
  const disagreement = live ? live.disagreement : initial;
  if (!disagreement) return null;
  return (
    <div className={className} data-testid={`disagreement-${slug}`}>
      <DisagreementBadge
        label={disagreement.label}
        href={`#${slug}-why-${disagreement.kind === "panel-ships-community-skips" ? "skip" : "ship"}`}
        linkLabel={disagreement.kind === "panel-ships-community-skips" ? "why readers skip" : "why readers ship"}
      />
    </div>
  );
}
