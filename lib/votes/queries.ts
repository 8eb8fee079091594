import "server-only";
import { db } from "@/lib/db";
import { toolCardSelect, toToolCard } from "@/lib/tools/select";
import { toOwnReason } from "@/lib/reasons/queries";
import { toDecisionJson } from "@/lib/scores/decision";

/** Every vote of a user, newest change first, with the tool as cards show it and the reason given with the vote (or null). */
export async function listUserVotes(userId: string) {
  const votes = await db.vote.findMany({
    where: { userId },
    select: { decision: true, updatedAt: true, tool: { select: toolCardSelect }, reason: { select: { id: true, text: true, hiddenAt: true, hiddenReason: true } } },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
  });
  return votes.map((vote) => ({ decision: toDecisionJson(vote.decision), updatedAt: vote.updatedAt, tool: toToolCard(vote.tool), reason: vote.reason && toOwnReason(vote.reason) }));
}
