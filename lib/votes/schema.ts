import { z } from "zod";
import { DECISIONS_JSON } from "@/lib/scores/decision";

/** A vote's decision as the API and the widget send it ("ship" | "skip"; lib/scores/decision.ts converts). */
export const decisionSchema = z.enum(DECISIONS_JSON, { error: 'decision must be "ship" or "skip"' });

/** Body of PUT /api/tools/:slug/vote. Unknown fields are refused, not ignored. */
export const voteBodySchema = z.strictObject({ decision: decisionSchema });

/** The community figure as the vote widget shows it. */
export type VoteCommunity = {
  ship: number;
  total: number;
  label: string;
  countLabel: string;
  status: "none" | "provisional" | "established";
};

export function toVoteCommunity(community: VoteCommunity): VoteCommunity {
  const { ship, total, label, countLabel, status } = community;
  return { ship, total, label, countLabel, status };
}
