"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { consume, RateLimitedError } from "@/lib/rate-limit";
import { toolSlugSchema } from "@/lib/tools/schema";
import { setVote, ToolNotFoundError } from "./writes";
import { decisionSchema, toVoteCommunity, type VoteCommunity } from "./schema";

export type VoteActionResult =
  | {
      ok: true;
      vote: "ship" | "skip" | null;
      community: VoteCommunity;
    }
  | { ok: false; error: string; signIn?: boolean };

/**
 * The vote widget's server action: the same `setVote` as the API, for the
 * signed-in user of this request only. `decision` null withdraws. Next checks
 * the Origin of every server action against the host.
 */
export async function voteAction(toolSlug: unknown, decision: unknown): Promise<VoteActionResult> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, error: "Sign in to vote.", signIn: true };
  const slug = toolSlugSchema.safeParse(toolSlug);
  const parsed = decision === null ? { success: true as const, data: null } : decisionSchema.safeParse(decision);
  if (!slug.success || !parsed.success) return { ok: false, error: "That vote is not valid." };
  try {
    await consume("vote", user.id);
    const result = await setVote(user.id, slug.data, parsed.data);
    refresh();
    return { ok: true, vote: result.vote, community: toVoteCommunity(result.scores.community) };
  } catch (error) {
    if (error instanceof RateLimitedError) return { ok: false, error: error.message };
    if (error instanceof ToolNotFoundError) return { ok: false, error: "This tool is no longer open for votes." };
    console.error(error);
    return { ok: false, error: "Your vote was not saved. Try again." };
  }
}

/** Form version (works without JavaScript): fields `tool` and `decision` ("ship", "skip" or "withdraw"). */
export async function voteFormAction(formData: FormData): Promise<void> {
  const decision = formData.get("decision");
  // Only an explicit "withdraw" withdraws: a form without a decision is not a vote.
  const result = await voteAction(formData.get("tool"), decision === "withdraw" ? null : (decision ?? ""));
  if (!result.ok && result.signIn) redirect("/signin");
}
