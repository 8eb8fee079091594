import { assertSplit, type Split } from "./split";

export type Prior = {
  /** The site-wide ship share every tool starts from, in [0, 1]. */
  mean: number;
  /** How many votes the prior is worth: thin counts shrink toward `mean`. */
  weight: number;
};

/**
 * Bayesian average: (ship + weight·mean) / (total + weight). With no votes it
 * is the site mean; as votes grow it approaches the tool's own share.
 */
export function bayesianAverage(split: Split, prior: Prior): number {
  assertSplit(split);
  if (!(prior.mean >= 0 && prior.mean <= 1) || !(prior.weight > 0)) {
    throw new RangeError(`Invalid prior: mean ${prior.mean}, weight ${prior.weight}`);
  }
  return (split.ship + prior.weight * prior.mean) / (split.total + prior.weight);
}

/** The site mean from all tools' counts; 0.5 when nobody has voted anywhere. */
export function siteMean(splits: Split[]): number {
  let ship = 0;
  let total = 0;
  for (const split of splits) {
    assertSplit(split);
    ship += split.ship;
    total += split.total;
  }
  return total === 0 ? 0.5 : ship / total;
}
