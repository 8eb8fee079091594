import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { MAX_FOLLOWS_PER_USER } from "./schema";

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
