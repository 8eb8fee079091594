"use client";

import type { Disagreement } from "@/lib/scores";
import { DisagreementBadge } from "./disagreement-badge";
import { useLiveScores } from "./live-scores";

/** The panel-vs-community badge, appearing or going away as live figures change. */
export function LiveDisagreementBadge({ slug, initial, className = "" }: { slug: string; initial: Disagreement | null; className?: string }) {
  const live = useLiveScores(slug);
  const disagreement = live ? live.disagreement : initial;
  if (!disagreement) return null;
  return (
    <div className={className} data-testid={`disagreement-${slug}`}>
      <DisagreementBadge label={disagreement.label} />
    </div>
  );
}
