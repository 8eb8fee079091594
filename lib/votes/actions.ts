"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { getOwnVote } from "@/lib/reasons/queries";
import { answer, argumentsAction, formAction, formStateAction, logActionError } from "@/lib/http/action";
import { consume, RateLimitedError } from "@/lib/rate-limit";
import type { DecisionJson } from "@/lib/scores/decision";
import type { ReasonChange } from "./statements";
import { ReasonsMutedError, setVote, ToolNotFoundError, VoterGoneError } from "./writes";
import { reasonArgumentsSchema, reasonFormSchema, toVoteCommunity, voteArgumentsSchema, voteFormSchema, type ReasonFormState, type VoteCommunity } from "./schema";

export type VoteActionResult =
  | {
      ok: true;
      vote: "ship" | "skip" | null;
      /** The reader's reason with the vote after the change (docs/decisions/029). */
      reason: { id: string; text: string } | null;
      community: VoteCommunity;
      /** The vote is stored but not counted yet: a new account's (docs/decisions/030). */
      pending: boolean;
      /** Votes on the tool waiting for their accounts to age. */
      pendingVotes: number;
    }
  | { ok: false; error: string; signIn?: boolean };

/** The same `setVote` as the API, for the signed-in user of this request only. */
async function castVote(user: CurrentUser, toolSlug: string, decision: DecisionJson | null, reason?: ReasonChange): Promise<VoteActionResult> {
  try {
    await consume("vote", user.id);
    if (typeof reason === "string") await consume("reason", user.id);
    const result = await setVote(user.id, toolSlug, decision, reason);
    refresh();
    return {
      ok: true,
      vote: result.vote,
      reason: result.reason,
      community: toVoteCommunity(result.scores.community),
      pending: result.pending,
      pendingVotes: result.pendingVotes,
    };
  } catch (error) {
    if (error instanceof RateLimitedError || error instanceof ReasonsMutedError) return { ok: false, error: error.message };
    if (error instanceof ToolNotFoundError) return { ok: false, error: "This tool is no longer open for votes." };
    if (error instanceof VoterGoneError) return { ok: false, error: "Sign in to vote.", signIn: true };
    await logActionError(error, "vote failed");
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

/**
 * A reason for the reader's current vote: refused when the vote is no longer
 * `decision` (changed in another tab since the page loaded), so a stale form
 * cannot flip a vote back.
 */
async function saveReason(user: CurrentUser, toolSlug: string, decision: DecisionJson, text: string | null): Promise<VoteActionResult> {
  const own = await getOwnVote(user.id, toolSlug);
  if (!own) return { ok: false, error: "You have no vote on this tool now: vote first, then say why." };
  if (own.vote !== decision) return { ok: false, error: `Your vote on this tool is now ${own.vote}: reload the page to give a reason for it.` };
  return castVote(user, toolSlug, decision, text);
}

/**
 * The vote widget's reason box: `reasonAction(toolSlug, decision, text)` sets
 * the reason of the reader's `decision` vote; text null or empty removes the
 * reason and keeps the vote.
 */
export const reasonAction: (toolSlug: unknown, decision: unknown, text: unknown) => Promise<VoteActionResult> = argumentsAction({
  schema: reasonArgumentsSchema,
  authorize: async () => (await getCurrentUser()) ?? answer<VoteActionResult>({ ok: false, error: "Sign in to give a reason.", signIn: true }),
  invalid: (error): VoteActionResult => ({ ok: false, error: error.issues[0]?.message ?? "That reason is not valid." }),
  handle: ([toolSlug, decision, text], { user }) => saveReason(user, toolSlug, decision, text),
});

/** /account's reason forms (work without JavaScript): fields `tool`, `decision`, `reason` (empty removes it). */
export const reasonFormAction: (state: ReasonFormState, formData: FormData) => Promise<ReasonFormState> = formStateAction({
  schema: reasonFormSchema,
  authorize: async () => (await getCurrentUser()) ?? redirect("/signin?callbackUrl=%2Faccount"),
  invalid: (refusal): ReasonFormState => ({ error: refusal.fieldErrors.reason ?? refusal.error, values: refusal.values }),
  handle: async ({ tool, decision, reason }, { user, values }): Promise<ReasonFormState> => {
    const result = await saveReason(user, tool, decision, reason);
    if (!result.ok) return { error: result.error, values };
    return { ok: result.reason ? "Reason saved." : "Reason removed.", values: { ...values, reason: result.reason?.text ?? "" } };
  },
});
