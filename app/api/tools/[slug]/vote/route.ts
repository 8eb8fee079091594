import { NextResponse } from "next/server";
import { requireRequestUser } from "@/lib/auth/session";
import { ApiError, handle, notFound } from "@/lib/http/errors";
import { readJsonBody } from "@/lib/http/json";
import { assertSameOrigin } from "@/lib/http/origin";
import { consume } from "@/lib/rate-limit";
import { getOwnVote } from "@/lib/reasons/queries";
import { toolScoresResponse } from "@/lib/tools/api";
import { toolSlugSchema } from "@/lib/tools/schema";
import type { ReasonChange } from "@/lib/votes/statements";
import { ReasonsMutedError, setVote, ToolNotFoundError, VoterGoneError, type VoteResult } from "@/lib/votes/writes";
import type { DecisionJson } from "@/lib/scores/decision";
import { voteBodySchema } from "@/lib/votes/schema";

/**
 * PUT /api/tools/:slug/vote  { "decision": "ship" | "skip", "reason"?: string | null }  — cast or change
 * DELETE /api/tools/:slug/vote                                                          — withdraw (and its reason)
 * Both answer { data: { tool, vote, pending, reason, scores } } with the tool's new figures; `pending`
 * is true while the vote waits for a new account to age (docs/decisions/030), and
 * scores.community.pending counts the tool's waiting votes.
 * GET /api/tools/:slug/vote — the reader's own vote and reason: { data: { vote, reason } }.
 *
 * `reason` (docs/decisions/029): absent keeps the reason while the decision
 * stays and drops it when the decision flips; a text sets it; null or "" removes it.
 */

type Change = { decision: DecisionJson | null; reason: ReasonChange };

async function vote(request: Request, context: RouteContext<"/api/tools/[slug]/vote">, read: () => Promise<Change>) {
  assertSameOrigin(request);
  const user = await requireRequestUser(request);
  const { slug } = await context.params;
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

export const PUT = handle((request: Request, context: RouteContext<"/api/tools/[slug]/vote">) =>
  vote(request, context, () => readChange(request)),
);

export const DELETE = handle((request: Request, context: RouteContext<"/api/tools/[slug]/vote">) =>
  vote(request, context, async () => ({ decision: null, reason: null })),
);

export const GET = handle(async (request: Request, context: RouteContext<"/api/tools/[slug]/vote">) => {
  const user = await requireRequestUser(request);
  const { slug } = await context.params;
  if (!toolSlugSchema.safeParse(slug).success) throw notFound(`Tool "${slug}"`);
  const own = await getOwnVote(user.id, slug);
  return NextResponse.json(
    { data: { vote: own?.vote ?? null, reason: own?.reason ?? null } },
    { headers: { "Cache-Control": "private, no-store", Vary: "Cookie" } },
  );
});
