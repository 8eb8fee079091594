import { NextResponse } from "next/server";
import { requireRequestUser } from "@/lib/auth/session";
import { ApiError, handle, notFound } from "@/lib/http/errors";
import { readJsonBody } from "@/lib/http/json";
import { assertSameOrigin } from "@/lib/http/origin";
import { consume } from "@/lib/rate-limit";
import { toolScoresResponse } from "@/lib/tools/api";
import { toolSlugSchema } from "@/lib/tools/schema";
import { setVote, ToolNotFoundError, VoterGoneError, type VoteResult } from "@/lib/votes/writes";
import type { DecisionJson } from "@/lib/scores/decision";
import { voteBodySchema } from "@/lib/votes/schema";

/**
 * PUT /api/tools/:slug/vote  { "decision": "ship" | "skip" }  — cast or change
 * DELETE /api/tools/:slug/vote                                 — withdraw
 * Both answer { data: { tool, vote, scores } } with the tool's new figures.
 */

async function vote(request: Request, context: RouteContext<"/api/tools/[slug]/vote">, decision: () => Promise<DecisionJson | null>) {
  assertSameOrigin(request);
  const user = await requireRequestUser(request);
  const { slug } = await context.params;
  if (!toolSlugSchema.safeParse(slug).success) throw notFound(`Tool "${slug}"`);
  const value = await decision();
  await consume("vote", user.id);
  let result: VoteResult;
  try {
    result = await setVote(user.id, slug, value);
  } catch (error) {
    if (error instanceof ToolNotFoundError) throw notFound(`Tool "${slug}"`);
    if (error instanceof VoterGoneError) throw new ApiError(401, "unauthenticated", "Sign in to vote.");
    throw error;
  }
  return NextResponse.json({ data: { tool: result.tool, vote: result.vote, scores: toolScoresResponse(result.scores) } });
}

async function readDecision(request: Request): Promise<DecisionJson> {
  const body = await readJsonBody(request, voteBodySchema, { what: "vote", message: () => "Invalid vote" });
  return body.decision;
}

export const PUT = handle((request: Request, context: RouteContext<"/api/tools/[slug]/vote">) =>
  vote(request, context, () => readDecision(request)),
);

export const DELETE = handle((request: Request, context: RouteContext<"/api/tools/[slug]/vote">) =>
  vote(request, context, async () => null),
);
