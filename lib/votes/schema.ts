import { z } from "zod";

export const decisionSchema = z.enum(["ship", "skip"], { error: 'decision must be "ship" or "skip"' });
export type DecisionInput = z.infer<typeof decisionSchema>;

/** Body of PUT /api/tools/:slug/vote. Unknown fields are refused, not ignored. */
export const voteBodySchema = z.strictObject({ decision: decisionSchema });

export const toDbDecision = (decision: DecisionInput) => (decision === "ship" ? "SHIP" : "SKIP") as "SHIP" | "SKIP";
export const fromDbDecision = (decision: "SHIP" | "SKIP") => (decision === "SHIP" ? "ship" : "skip") as DecisionInput;

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
