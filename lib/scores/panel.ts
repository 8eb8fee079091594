import { shareScore, type ShareScore, type Split } from "./split";

export type PanelScore = ShareScore & {
  /** "3 of 4 ship" or "No verdicts yet". */
  splitLabel: string;
};

/** Panel ship = ship verdicts / published verdicts. */
export function panelScore(split: Split): PanelScore {
  return {
    ...shareScore(split),
    splitLabel: split.total === 0 ? "No verdicts yet" : `${split.ship} of ${split.total} ship`,
  };
}
