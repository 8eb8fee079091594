/** A count of ship calls out of a total: verdicts for the panel, votes for the community. */
export type Split = { ship: number; total: number };

export function assertSplit({ ship, total }: Split): void {
  if (!Number.isInteger(ship) || !Number.isInteger(total) || ship < 0 || total < 0 || ship > total) {
    throw new RangeError(`Invalid split: ${ship} ship of ${total}`);
  }
}

/** Ship share in [0, 1], or null when there is nothing to count. */
export function shipShare(split: Split): number | null {
  assertSplit(split);
  return split.total === 0 ? null : split.ship / split.total;
}

/**
 * Whole-number percentage that never overstates: 100 only when every call is
 * ship and 0 only when none is (199 of 200 reads 99 %, not 100 %).
 */
export function roundPercent(split: Split): number | null {
  const share = shipShare(split);
  if (share === null) return null;
  const rounded = Math.round(share * 100);
  if (rounded === 100 && split.ship < split.total) return 99;
  if (rounded === 0 && split.ship > 0) return 1;
  return rounded;
}

export const NO_SCORE = "—";

export function formatPercent(split: Split): string {
  const percent = roundPercent(split);
  return percent === null ? NO_SCORE : `${percent}%`;
}

export type Call = "ship" | "skip" | "split";

/** What every score shows: the counts, the share, the honest percentage and the overall call. */
export type ShareScore = Split & {
  /** 0..1, null when there is nothing to count. */
  share: number | null;
  percent: number | null;
  /** "75%" or "—". */
  label: string;
  call: Call | null;
};

export function shareScore(split: Split): ShareScore {
  const share = shipShare(split);
  return {
    ship: split.ship,
    total: split.total,
    share,
    percent: roundPercent(split),
    label: formatPercent(split),
    call: share === null ? null : share > 0.5 ? "ship" : share < 0.5 ? "skip" : "split",
  };
}
