import { formatPercent, roundPercent, shipShare, type Split } from "./split";

export type PanelScore = {
  ship: number;
  total: number;
  /** 0..1, null without published verdicts. */
  share: number | null;
  percent: number | null;
  /** "75%" or "—". */
  label: string;
  /** "3 of 4 ship" or "No verdicts yet". */
  splitLabel: string;
  call: "ship" | "skip" | "split" | null;
};

/** Panel ship = ship verdicts / published verdicts. */
export function panelScore(split: Split): PanelScore {
  const share = shipShare(split);
  return {
    ship: split.ship,
    total: split.total,
    share,
    percent: roundPercent(split),
    label: formatPercent(split),
    splitLabel: split.total === 0 ? "No verdicts yet" : `${split.ship} of ${split.total} ship`,
    call: share === null ? null : share > 0.5 ? "ship" : share < 0.5 ? "skip" : "split",
  };
}
