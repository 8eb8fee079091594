import { communityScore } from "./community";
import { fromDecisionJson, type Decision } from "./decision";
import { shareScore, type ShareScore, type Split } from "./split";


/** One verdict of the reviewer, with what the rest of the panel and the community said on that tool. */
export type AgreementInput = {
  decision: Decision;
  /** The other panel reviewers' published calls on the same tool. */
  others: Decision[];
  /** The tool's community counters. */
  community: Split;
};

export type Agreement = ShareScore & {
  /** "Agrees on 5 of 7" or "Not enough overlap yet". */
  summary: string;
};

function agreement(agree: number, total: number): Agreement {
  return {
    ...shareScore({ ship: agree, total }),
    summary: total === 0 ? "Not enough overlap yet" : `Agrees on ${agree} of ${total}`,
  };
}

/**
 * How often a reviewer sides with the rest of the panel: over tools where the
 * others have a majority (a tie has no side to agree with), the share of
 * verdicts that match it.
 */
export function panelAgreement(verdicts: AgreementInput[]): Agreement {
  let agree = 0;
  let total = 0;
  for (const verdict of verdicts) {
    const ships = verdict.others.filter((call) => call === "SHIP").length;
    const skips = verdict.others.length - ships;
    if (ships === skips) continue;
    total += 1;
    if ((ships > skips ? "SHIP" : "SKIP") === verdict.decision) agree += 1;
  }
  return agreement(agree, total);
}

/**
 * How often a reviewer sides with the community: over tools whose community
 * figure is established (enough votes) and not split down the middle.
 */
export function communityAgreement(verdicts: AgreementInput[], minVotes?: number): Agreement {
  let agree = 0;
  let total = 0;
  for (const verdict of verdicts) {
    const community = communityScore(verdict.community, minVotes);
    if (community.status !== "established" || community.call === "split" || community.call === null) continue;
    total += 1;
    if (fromDecisionJson(community.call) === verdict.decision) agree += 1;
  }
  return agreement(agree, total);
}
