"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { answer, argumentsAction, formAction } from "@/lib/http/action";
import { consume, RateLimitedError } from "@/lib/rate-limit";
import type { DecisionJson } from "@/lib/scores/decision";
import { setVote, ToolNotFoundError, VoterGoneError } from "./writes";
import { toVoteCommunity, voteArgumentsSchema, voteFormSchema, type VoteCommunity } from "./schema";

export type VoteActionResult =
  | {
      ok: true;
      vote: "ship" | "skip" | null;
      community: VoteCommunity;
    }
  | { ok: false; error: string; signIn?: boolean };

/** The same `setVote` as the API, for the signed-in user of this request only. */
async function castVote(user: CurrentUser, toolSlug: string, decision: DecisionJson | null): Promise<VoteActionResult> {
  try {
    await consume("vote", user.id);
    const result = await setVote(user.id, toolSlug, decision);
    refresh();
    return { ok: true, vote: result.vote, community: toVoteCommunity(result.scores.community) };
  } catch (error) {
    if (error instanceof RateLimitedError) return { ok: false, error: error.message };
    if (error instanceof ToolNotFoundError) return { ok: false, error: "This tool is no longer open for votes." };
    if (error instanceof VoterGoneError) return { ok: false, error: "Sign in to vote.", signIn: true };
    console.error(error);
    return { ok: false, error: "Your vote was not saved. Try again." };
  }
}

/**
 * The vote widget's server action: `decision` null withdraws. Next checks
 * the Origin of every server action against the host.
 */
export const voteAction: (toolSlug: unknown, decision: unknown) => Promise<VoteActionResult> = argumentsAction({
  schema: voteArgumentsSchema,
  authorize: async () => (await getCurrentUser()) ?? answer<VoteActionResult>({ ok: false, error: "Sign in to vote.", signIn: true }),
  invalid: (): VoteActionResult => ({ ok: false, error: "That vote is not valid." }),
  handle: ([toolSlug, decision], { user }) => castVote(user, toolSlug, decision),
});

/** Form version (works without JavaScript): fields `tool` and `decision` ("ship", "skip" or "withdraw"). */
export const voteFormAction: (formData: FormData) => Promise<void> = formAction({
  schema: voteFormSchema,
  authorize: async () => (await getCurrentUser()) ?? redirect("/signin"),
  handle: async ({ tool, decision }, { user }) => {
    await castVote(user, tool, decision);
  },
});
