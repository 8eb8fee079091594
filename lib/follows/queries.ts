import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { MAX_FOLLOWS_PER_USER } from "./schema";
import { verifyUnfollowSignature, type UnfollowLink } from "./tokens";

const followedToolSelect = { slug: true, name: true, tagline: true, archivedAt: true } satisfies Prisma.ToolSelect;

export type FollowedTool = { slug: string; name: string; tagline: string; archived: boolean; since: Date };

/** The tools a reader follows, newest first (at most MAX_FOLLOWS_PER_USER: the writes keep it so). */
export async function listFollows(userId: string): Promise<FollowedTool[]> {
  const rows = await db.follow.findMany({
    where: { userId },
    select: { createdAt: true, tool: { select: followedToolSelect } },
    orderBy: [{ createdAt: "desc" }, { toolId: "asc" }],
    take: MAX_FOLLOWS_PER_USER,
  });
  return rows.map((row) => ({ slug: row.tool.slug, name: row.tool.name, tagline: row.tool.tagline, archived: row.tool.archivedAt !== null, since: row.createdAt }));
}

/**
 * What an unfollow link from a follow digest would do, without doing it (the
 * page before its button): null when the link is not valid; else the tool it
 * names (null: every follow).
 */
export async function readUnfollowLink(link: UnfollowLink): Promise<{ tool: { slug: string; name: string } | null } | null> {
  const user = await db.user.findUnique({ where: { id: link.u }, select: { followKey: true } });
  if (!user?.followKey || !verifyUnfollowSignature(user.followKey, link.tool ?? null, link.sig)) return null;
  if (!link.tool) return { tool: null };
  const tool = await db.tool.findUnique({ where: { slug: link.tool }, select: { slug: true, name: true } });
  return tool ? { tool } : null;
}
