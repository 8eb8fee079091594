import { z } from "zod";
import { DECISIONS_JSON } from "@/lib/scores/decision";
import { reasonFieldSchema, reasonTextSchema } from "@/lib/reasons/schema";
import { toolSlugSchema } from "@/lib/tools/schema";

/** A vote's decision as the API and the widget send it ("ship" | "skip"; lib/scores/decision.ts converts). */
export const decisionSchema = z.enum(DECISIONS_JSON, { error: 'decision must be "ship" or "skip"' });

/**
 * Body of PUT /api/tools/:slug/vote. Unknown fields are refused, not ignored.
 * `reason`: absent keeps it (dropped on a flip), a text sets it, null or "" removes it.
 */
export const voteBodySchema = z.strictObject({ decision: decisionSchema, reason: reasonFieldSchema });

/** The vote widget's server action: `voteAction(toolSlug, decision)`, `decision` null to withdraw. */
export const voteArgumentsSchema = z.tuple([toolSlugSchema, decisionSchema.nullable()]);

/** The vote widget without JavaScript: fields `tool` and `decision` ("ship", "skip" or "withdraw"; nothing else withdraws). */
export const voteFormSchema = z.object({
  tool: toolSlugSchema,
  decision: z.enum([...DECISIONS_JSON, "withdraw"]).transform((decision) => (decision === "withdraw" ? null : decision)),
});

/** The widget's reason box: `reasonAction(toolSlug, decision, text)`, text null or "" to remove the reason. */
export const reasonArgumentsSchema = z.tuple([toolSlugSchema, decisionSchema, reasonTextSchema.nullable()]);

/** /account's reason form: fields `tool`, `decision`, `reason` (empty removes the reason). */
export const reasonFormSchema = z.object({ tool: toolSlugSchema, decision: decisionSchema, reason: reasonTextSchema });

export type ReasonFormState = { ok?: string; error?: string; values?: Record<string, string> };

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
