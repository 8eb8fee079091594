import { NextResponse } from "next/server";
import { requireRequestUser } from "@/lib/auth/request-user";
import { ApiError, handle, notFound } from "@/lib/http/errors";
import { readJsonBody } from "@/lib/http/json";
import { assertSameOrigin } from "@/lib/http/origin";
import { consume } from "@/lib/rate-limit";
import type { DecisionJson } from "@/lib/scores/decision";
import { toolScoresResponse } from "@/lib/tools/api";
import { toolSlugSchema } from "@/lib/tools/schema";
import type { ReasonChange } from "./statements";
import { voteBodySchema } from "./schema";
import { ReasonsMutedError, setVote, ToolNotFoundError, VoterGoneError, type VoteResult } from "./writes";

/**
 * PUT /api/tools/:slug/vote  { "decision": "ship" | "skip", "reason"?: string | null }  — cast or change
 * DELETE /api/tools/:slug/vote                                                          — withdraw (and its reason)
 * Both answer { data: { tool, vote, pending, reason, scores } } with the tool's new figures; `pending`
 * is true while the vote waits for a new account to age (docs/decisions/030), and
 * scores.community.pending counts the tool's waiting votes.
 *
 * `reason` (docs/decisions/029): absent keeps the reason while the decision
 * stays and drops it when the decision flips; a text sets it; null or "" removes it.
 *
 * One implementation for both ways a vote arrives: the front gate answers it
 * (lib/votes/gate.ts, docs/decisions/046), and the route handler
 * (app/api/tools/[slug]/vote/route.ts) answers it when Next gets it (`next dev`,
 * an address the gate leaves to Next). A plain module: no "server-only" marker.
 */

type Change = { decision: DecisionJson | null; reason: ReasonChange };

async function vote(request: Request, slug: string, read: () => Promise<Change>): Promise<Response> {
  assertSameOrigin(request);
  const user = await requireRequestUser(request);
  if (!toolSlugSchema.safeParse(slug).success) throw notFound(`Tool "${slug}"`);
  const { decision, reason } = await read();
  await consume("vote", user.id);
  if (typeof reason === "string") await consume("reason", user.id);
  let result: VoteResult;
  try {
    result = await setVote(user.id, slug, decision, reason);
  } catch (error) {
    if (error instanceof ToolNotFoundError) throw notFound(`Tool "${slug}"`);
    if (error instanceof VoterGoneError) throw new ApiError(401, "unauthenticated", "Sign in to vote.");
    if (error instanceof ReasonsMutedError) throw new ApiError(403, "muted", error.message);
    throw error;
  }
  const scores = toolScoresResponse(result.scores, result.pendingVotes);
  return NextResponse.json({ data: { tool: result.tool, vote: result.vote, pending: result.pending, reason: result.reason, scores } });
}

async function readChange(request: Request): Promise<Change> {
  const body = await readJsonBody(request, voteBodySchema, { what: "vote", message: () => "Invalid vote" });
  return { decision: body.decision, reason: body.reason };
}

/** PUT: cast or change the reader's vote on the tool `slug` (the path's segment, decoded). */
export const putVote = handle((request: Request, slug: string) => vote(request, slug, () => readChange(request)));

/** DELETE: withdraw it, and its reason. */
export const deleteVote = handle((request: Request, slug: string) => vote(request, slug, async () => ({ decision: null, reason: null })));
