import "server-only";
import { db } from "@/lib/db";
import { toolCardSelect, toToolCard } from "@/lib/tools/select";
import { toDecisionJson, type DecisionJson } from "@/lib/scores/decision";

/** The user's votes on the given tools, by tool id. */
export async function getUserVotes(userId: string, toolIds: string[]): Promise<Map<string, DecisionJson>> {
  if (toolIds.length === 0) return new Map();
  const votes = await db.vote.findMany({
    where: { userId, toolId: { in: toolIds } },
    select: { toolId: true, decision: true },
  });
  return new Map(votes.map((vote) => [vote.toolId, toDecisionJson(vote.decision)]));
}

/** Every vote of a user, newest change first, with the tool as cards show it. */
export async function listUserVotes(userId: string) {
  const votes = await db.vote.findMany({
    where: { userId },
    select: { decision: true, updatedAt: true, tool: { select: toolCardSelect } },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
  });
  return votes.map((vote) => ({ decision: toDecisionJson(vote.decision), updatedAt: vote.updatedAt, tool: toToolCard(vote.tool) }));
}
