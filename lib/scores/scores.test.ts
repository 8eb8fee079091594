import { describe, expect, it } from "vitest";
import {
  bayesianAverage,
  communityScore,
  disagreement,
  formatPercent,
  formatVoteCount,
  MIN_COMMUNITY_VOTES,
  panelScore,
  roundPercent,
  shipShare,
  siteMean,
  toolScores,
  wilsonInterval,
  wilsonLowerBound,
} from ".";

describe("panel ship", () => {
  it("is ship verdicts over published verdicts: 3 of 4 is 75 %", () => {
    const score = panelScore({ ship: 3, total: 4 });
    expect(score.label).toBe("75%");
    expect(score.splitLabel).toBe("3 of 4 ship");
    expect(score.share).toBe(0.75);
    expect(score.call).toBe("ship");
  });

  it("reads 100 % only when every verdict ships", () => {
    expect(panelScore({ ship: 4, total: 4 }).label).toBe("100%");
    expect(panelScore({ ship: 4, total: 4 }).splitLabel).toBe("4 of 4 ship");
  });

  it("reads 0 % when every verdict skips", () => {
    const score = panelScore({ ship: 0, total: 4 });
    expect(score.label).toBe("0%");
    expect(score.call).toBe("skip");
  });

  it("shows a dash, not 0 %, without published verdicts", () => {
    const score = panelScore({ ship: 0, total: 0 });
    expect(score.label).toBe("—");
    expect(score.share).toBeNull();
    expect(score.splitLabel).toBe("No verdicts yet");
    expect(score.call).toBeNull();
  });

  it("calls an even panel a split", () => {
    expect(panelScore({ ship: 2, total: 4 }).call).toBe("split");
    expect(panelScore({ ship: 1, total: 4 }).call).toBe("skip");
  });

  it("handles a single verdict", () => {
    expect(panelScore({ ship: 1, total: 1 }).label).toBe("100%");
    expect(panelScore({ ship: 0, total: 1 }).label).toBe("0%");
  });
});

describe("rounding", () => {
  it("rounds to the nearest whole percent", () => {
    expect(formatPercent({ ship: 1, total: 3 })).toBe("33%");
    expect(formatPercent({ ship: 2, total: 3 })).toBe("67%");
    expect(formatPercent({ ship: 1, total: 8 })).toBe("13%"); // 12.5 rounds half up
  });

  it("never rounds a near-unanimous figure up to 100 % or a near-zero one down to 0 %", () => {
    expect(roundPercent({ ship: 199, total: 200 })).toBe(99);
    expect(roundPercent({ ship: 1, total: 200 })).toBe(1);
    expect(roundPercent({ ship: 200, total: 200 })).toBe(100);
    expect(roundPercent({ ship: 0, total: 200 })).toBe(0);
  });

  it("rejects impossible splits", () => {
    expect(() => shipShare({ ship: 5, total: 4 })).toThrow(RangeError);
    expect(() => shipShare({ ship: -1, total: 4 })).toThrow(RangeError);
    expect(() => shipShare({ ship: 1.5, total: 4 })).toThrow(RangeError);
    expect(() => shipShare({ ship: 0, total: Number.NaN })).toThrow(RangeError);
  });
});

describe("community", () => {
  it("shows a dash until there are votes", () => {
    const score = communityScore({ ship: 0, total: 0 });
    expect(score.label).toBe("—");
    expect(score.status).toBe("none");
    expect(score.countLabel).toBe("No votes yet");
    expect(score.interval).toBeNull();
    expect(score.note).toBeNull();
  });

  it(`says "too few votes" below ${MIN_COMMUNITY_VOTES} votes`, () => {
    const one = communityScore({ ship: 1, total: 1 });
    expect(one.status).toBe("provisional");
    expect(one.note).toBe("Too few votes");
    expect(one.countLabel).toBe("1 vote");
    const four = communityScore({ ship: 4, total: MIN_COMMUNITY_VOTES - 1 });
    expect(four.status).toBe("provisional");
  });

  it("is established from the minimum on", () => {
    const score = communityScore({ ship: 3, total: MIN_COMMUNITY_VOTES });
    expect(score.status).toBe("established");
    expect(score.note).toBeNull();
    expect(score.label).toBe("60%");
    expect(score.countLabel).toBe("5 votes");
  });

  it("formats large counts with separators", () => {
    expect(formatVoteCount(1234567)).toBe("1,234,567 votes");
  });

  it("accepts a custom minimum", () => {
    expect(communityScore({ ship: 2, total: 3 }, 3).status).toBe("established");
  });
});

describe("Wilson lower bound (z = 1.96)", () => {
  // Hand-computed: (p + z²/2n − z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n)
  it.each([
    [9, 10, 0.59584],
    [1, 1, 0.20654],
    [50, 100, 0.40383],
    [0, 5, 0],
    [5, 5, 0.56552],
  ])("%i of %i → %f", (ship, total, expected) => {
    expect(wilsonLowerBound({ ship, total })).toBeCloseTo(expected, 4);
  });

  it("is 0 with no votes", () => {
    expect(wilsonLowerBound({ ship: 0, total: 0 })).toBe(0);
  });

  it("ranks a thin unanimous sample below a large strong one", () => {
    expect(wilsonLowerBound({ ship: 2, total: 2 })).toBeLessThan(wilsonLowerBound({ ship: 90, total: 100 }));
  });

  it("gives an interval that contains the observed share", () => {
    const interval = wilsonInterval({ ship: 30, total: 40 });
    expect(interval).not.toBeNull();
    expect(interval!.low).toBeLessThan(0.75);
    expect(interval!.high).toBeGreaterThan(0.75);
    expect(interval!.high).toBeLessThanOrEqual(1);
  });
});

describe("Bayesian average", () => {
  it("is the site mean with no votes", () => {
    expect(bayesianAverage({ ship: 0, total: 0 }, { mean: 0.62, weight: 10 })).toBeCloseTo(0.62, 10);
  });

  it("shrinks a thin count toward the mean: 3 of 4 with prior 0.5 × 10 → 8/14", () => {
    expect(bayesianAverage({ ship: 3, total: 4 }, { mean: 0.5, weight: 10 })).toBeCloseTo(8 / 14, 10);
  });

  it("approaches the tool's own share as votes grow", () => {
    const value = bayesianAverage({ ship: 9000, total: 10000 }, { mean: 0.5, weight: 10 });
    expect(value).toBeCloseTo((9000 + 5) / 10010, 10);
    expect(Math.abs(value - 0.9)).toBeLessThan(0.001);
  });

  it("rejects an invalid prior", () => {
    expect(() => bayesianAverage({ ship: 1, total: 2 }, { mean: 1.5, weight: 10 })).toThrow(RangeError);
    expect(() => bayesianAverage({ ship: 1, total: 2 }, { mean: 0.5, weight: 0 })).toThrow(RangeError);
  });

  it("takes the site mean over all votes, 0.5 when there are none", () => {
    expect(siteMean([{ ship: 3, total: 4 }, { ship: 1, total: 6 }])).toBeCloseTo(0.4, 10);
    expect(siteMean([{ ship: 0, total: 0 }])).toBe(0.5);
    expect(siteMean([])).toBe(0.5);
  });
});

describe("panel vs community disagreement", () => {
  it("flags a panel that ships where the community skips", () => {
    const result = disagreement(panelScore({ ship: 4, total: 4 }), communityScore({ ship: 2, total: 10 }));
    expect(result?.label).toBe("Panel ships, community skips");
    expect(result?.gap).toBe(80);
  });

  it("flags a panel that skips where the community ships", () => {
    const result = disagreement(panelScore({ ship: 1, total: 4 }), communityScore({ ship: 8, total: 10 }));
    expect(result?.kind).toBe("panel-skips-community-ships");
  });

  it("ignores a provisional community figure", () => {
    expect(disagreement(panelScore({ ship: 4, total: 4 }), communityScore({ ship: 0, total: 4 }))).toBeNull();
  });

  it("does not flag agreement or a split", () => {
    expect(disagreement(panelScore({ ship: 3, total: 4 }), communityScore({ ship: 7, total: 10 }))).toBeNull();
    expect(disagreement(panelScore({ ship: 2, total: 4 }), communityScore({ ship: 0, total: 10 }))).toBeNull();
  });
});

describe("tool scores from counters", () => {
  it("reads stored counters, treating missing ones as empty", () => {
    const scores = toolScores(null);
    expect(scores.panel.label).toBe("—");
    expect(scores.community.label).toBe("—");
    expect(scores.disagreement).toBeNull();
    const seeded = toolScores({ panelShip: 3, panelTotal: 4, communityShip: 0, communityTotal: 0 });
    expect(seeded.panel.label).toBe("75%");
    expect(seeded.community.label).toBe("—");
  });
});
