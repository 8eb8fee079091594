import { assertSplit, type Split } from "./split";

/** z for a two-sided 95 % interval. */
export const Z_95 = 1.96;

/**
 * Wilson score interval for a binomial proportion. The lower bound ranks
 * thin samples below well-supported ones: 2 of 2 ranks under 90 of 100.
 */
export function wilsonInterval(split: Split, z = Z_95): { low: number; high: number } | null {
  assertSplit(split);
  const { ship, total: n } = split;
  if (n === 0) return null;
  const p = ship / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const margin = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const denominator = 1 + z2 / n;
  return {
    low: Math.max(0, (centre - margin) / denominator),
    high: Math.min(1, (centre + margin) / denominator),
  };
}

/** Wilson lower bound; 0 with no votes. */
export function wilsonLowerBound(split: Split, z = Z_95): number {
  return wilsonInterval(split, z)?.low ?? 0;
}
