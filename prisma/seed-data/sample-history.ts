/**
 * SAMPLE DATA — not real readers' votes. A believable trend of the community
 * figure for a few tools, so a new install's trend charts have something to
 * show; every row written from this is `ToolSnapshot.sample = true` and the
 * chart labels it "sample history". Written only for a tool with no
 * snapshot at all (the first seed), for the days before the seed ran; real
 * snapshots accrue from the day the app runs (the snapshot_tool_figures job).
 * The panel figures in these rows are real: counted from the seed's verdicts
 * as published on each day.
 */
export type SampleTrend = {
  tool: string;
  /** Community ship share and vote count at the start and the end of the sample period. */
  from: { share: number; votes: number };
  to: { share: number; votes: number };
};

export const SAMPLE_DAYS = 90;

export const sampleTrends: SampleTrend[] = [
  { tool: "claude-4-sonnet", from: { share: 0.58, votes: 40 }, to: { share: 0.71, votes: 310 } },
  { tool: "smolvlm2-2b", from: { share: 0.52, votes: 12 }, to: { share: 0.63, votes: 96 } },
  { tool: "gpt-4o", from: { share: 0.74, votes: 120 }, to: { share: 0.61, votes: 420 } },
  { tool: "cursor", from: { share: 0.66, votes: 55 }, to: { share: 0.78, votes: 260 } },
  { tool: "github-copilot", from: { share: 0.7, votes: 140 }, to: { share: 0.64, votes: 380 } },
];

/** A small deterministic generator (mulberry32): the same sample history on every install. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The trend's days, oldest first: `votes` grows from `from` to `to` and the
 * ship share drifts between them with day-to-day noise that shrinks as votes accumulate.
 */
export function sampleSeries(trend: SampleTrend, days = SAMPLE_DAYS): { communityShip: number; communityTotal: number }[] {
  const next = generator([...trend.tool].reduce((hash, char) => Math.imul(hash ^ char.charCodeAt(0), 16777619), 2166136261));
  let previousTotal = 0;
  return Array.from({ length: days }, (_, index) => {
    const progress = days === 1 ? 1 : index / (days - 1);
    const total = Math.max(previousTotal, Math.round(trend.from.votes + (trend.to.votes - trend.from.votes) * progress ** 1.3));
    previousTotal = total;
    const noise = (next() - 0.5) * (0.6 / Math.sqrt(Math.max(total, 1)));
    const share = Math.min(0.97, Math.max(0.03, trend.from.share + (trend.to.share - trend.from.share) * progress + noise));
    return { communityShip: Math.round(share * total), communityTotal: total };
  });
}
