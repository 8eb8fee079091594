import { describe, expect, it } from "vitest";
import { communityAgreement, panelAgreement, type AgreementInput } from "./agreement";

const v = (decision: "SHIP" | "SKIP", others: ("SHIP" | "SKIP")[], community: [number, number] = [0, 0]): AgreementInput => ({
  decision,
  others,
  community: { ship: community[0], total: community[1] },
});

describe("reviewer agreement", () => {
  it("counts agreement with the rest of the panel's majority, skipping ties", () => {
    const result = panelAgreement([
      v("SHIP", ["SHIP", "SHIP", "SKIP"]), // agrees
      v("SKIP", ["SHIP", "SHIP", "SHIP"]), // disagrees
      v("SHIP", ["SHIP", "SKIP"]), // tie: not counted
      v("SKIP", ["SKIP"]), // agrees
      v("SHIP", []), // nobody else: not counted
    ]);
    expect(result).toMatchObject({ ship: 2, total: 3, percent: 67, summary: "Agrees on 2 of 3" });
  });

  it("counts agreement with the community only where its figure is established and not split", () => {
    const result = communityAgreement([
      v("SHIP", [], [8, 10]), // community ships: agrees
      v("SHIP", [], [2, 10]), // community skips: disagrees
      v("SKIP", [], [3, 4]), // too few votes: not counted
      v("SKIP", [], [5, 10]), // split: not counted
      v("SKIP", [], [1, 6]), // agrees
    ]);
    expect(result).toMatchObject({ ship: 2, total: 3, summary: "Agrees on 2 of 3" });
  });

  it("says so when there is nothing to compare", () => {
    expect(communityAgreement([v("SHIP", [], [1, 1])])).toMatchObject({ total: 0, label: "—", summary: "Not enough overlap yet" });
  });
});
