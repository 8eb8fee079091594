"use client";

import type { ToolScores } from "@/lib/scores";
import { useLiveScores } from "./live-scores";
import type { VoteCommunity } from "@/lib/votes/schema";

/** The panel figure: bold percentage with its split; live when given the tool's slug. */
export function PanelFigure({ panel: initial, emphasis = true, slug }: { panel: ToolScores["panel"]; emphasis?: boolean; slug?: string }) {
  const panel = useLiveScores(slug ?? "")?.panel ?? initial;
  return (
    <div>
      {/* Counts first: a panel of four is four people, and "100 %" alone overstates the precision. */}
      <p className={`font-semibold tabular-nums tracking-tight ${emphasis ? "text-3xl" : "text-xl"} ${panel.total === 0 ? "text-stone-500 dark:text-stone-400" : ""}`}>
        {panel.total === 0 ? (
          panel.label
        ) : (
          <>
            {panel.ship}
            <span className="text-[0.6em] text-stone-500 dark:text-stone-400"> of {panel.total} ship</span>
          </>
        )}
      </p>
      <p className="text-xs font-medium uppercase tracking-wide text-stone-500 dark:text-stone-400">
        Panel ship{panel.total === 0 ? null : <> · {panel.label}</>}
      </p>
      {panel.total === 0 ? <p className="mt-0.5 text-xs text-stone-500 dark:text-stone-400">{panel.splitLabel}</p> : null}
    </div>
  );
}

/**
 * The community figure. Honest small samples: "—" with no votes, and below the
 * minimum a muted figure marked "too few votes" instead of a bold percentage.
 */
export function CommunityFigure({ community: initial, emphasis = true, slug }: { community: VoteCommunity; emphasis?: boolean; slug?: string }) {
  const community = useLiveScores(slug ?? "")?.community ?? initial;
  const established = community.status === "established";
  return (
    <div>
      <p
        className={`font-semibold tabular-nums tracking-tight ${emphasis ? "text-3xl" : "text-xl"} ${
          established ? "" : "text-stone-500 dark:text-stone-400"
        }`}
      >
        {/* Too few votes for a percentage to mean much (one vote would read "100 %"): the count instead. */}
        {community.status === "provisional" ? (
          <span className="text-[0.7em]">
            {community.ship} of {community.total} ship
          </span>
        ) : (
          community.label
        )}
      </p>
      <p className="text-xs font-medium uppercase tracking-wide text-stone-500 dark:text-stone-400">Community</p>
      <p className="mt-0.5 text-xs text-stone-500 dark:text-stone-400">
        {community.countLabel}
        {community.status === "provisional" ? " · too few votes" : ""}
      </p>
    </div>
  );
}

export function EntryFigure({ entry, emphasis = true }: { entry: string | null; emphasis?: boolean }) {
  return (
    <div>
      <p className={`font-semibold tracking-tight ${emphasis ? "text-3xl" : "text-xl"} ${entry ? "" : "text-stone-500 dark:text-stone-400"}`}>{entry ?? "—"}</p>
      <p className="text-xs font-medium uppercase tracking-wide text-stone-500 dark:text-stone-400">Entry</p>
    </div>
  );
}

/** A horizontal ship share bar; empty (striped) with no data. */
export function ShareBar({ share, label }: { share: number | null; label: string }) {
  return (
    <div
      role="img"
      aria-label={label}
      className="h-2 w-full overflow-hidden rounded-full bg-skip-100 dark:bg-skip-950"
    >
      {share === null ? (
        <div className="h-full w-full bg-stone-200 dark:bg-stone-800" />
      ) : (
        <div className="h-full rounded-full bg-ship-500" style={{ width: `${Math.round(share * 100)}%` }} />
      )}
    </div>
  );
}
