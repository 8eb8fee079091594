import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { newsworthyTopReasons } from "@/lib/reasons/top";
import { MAX_FOLLOWS_PER_USER, TOO_MANY_FOLLOWS_MESSAGE } from "./schema";
import { verifyUnfollowSignature, type UnfollowLink } from "./tokens";

/** The tool is unknown or archived: it cannot be followed. */
export class FollowToolNotFoundError extends Error {
  constructor(readonly slug: string) {
    super(`Tool "${slug}" not found`);
  }
}

/** The reader already follows MAX_FOLLOWS_PER_USER tools. */
export class TooManyFollowsError extends Error {
  constructor() {
    super(TOO_MANY_FOLLOWS_MESSAGE);
  }
}

/** The account was deleted while the request was on its way. */
export class FollowerGoneError extends Error {}

/**
 * Follows (`following` true) or unfollows a listed tool for one reader.
 * Idempotent: following twice keeps one row, unfollowing what is not followed
 * changes nothing. The per-reader limit is checked under a lock on the
 * reader's row, so two concurrent follows cannot pass it together.
 * Unfollowing works on an archived tool too (it stays on /account until
 * removed); following one is refused.
 */
export async function setFollow(userId: string, toolSlug: string, following: boolean): Promise<{ following: boolean }> {
  try {
    return await db.$transaction(async (tx) => {
      const tool = await tx.tool.findUnique({ where: { slug: toolSlug }, select: { id: true, archivedAt: true } });
      if (!tool || (following && tool.archivedAt)) throw new FollowToolNotFoundError(toolSlug);
      if (!following) {
        await tx.follow.deleteMany({ where: { userId, toolId: tool.id } });
        return { following: false };
      }
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "User" WHERE "id" = ${userId} AND "deletedAt" IS NULL FOR NO KEY UPDATE`;
      if (locked.length === 0) throw new FollowerGoneError();
      const existing = await tx.follow.findUnique({ where: { userId_toolId: { userId, toolId: tool.id } }, select: { userId: true } });
      if (existing) return { following: true };
      if ((await tx.follow.count({ where: { userId } })) >= MAX_FOLLOWS_PER_USER) throw new TooManyFollowsError();
      // The tool's top reasons as of now: the digest tells of those that join them later, not of these.
      const top = (await newsworthyTopReasons(tx, [tool.id])).get(tool.id) ?? [];
      await tx.follow.create({ data: { userId, toolId: tool.id, topReasonIds: top.map((reason) => reason.id) } });
      return { following: true };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003") throw new FollowerGoneError();
    throw error;
  }
}

/**
 * An unfollow link from a follow digest, used without a session
 * (docs/decisions/037): removes the follow of `tool`, or every follow when
 * none is named. False when the link is not valid (unknown reader, no key, a
 * wrong signature); true otherwise, also when there was nothing left to remove.
 */
export async function unfollowByLink(link: UnfollowLink): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: link.u }, select: { followKey: true } });
  if (!user?.followKey || !verifyUnfollowSignature(user.followKey, link.tool ?? null, link.sig)) return false;
  await db.follow.deleteMany({ where: { userId: link.u, ...(link.tool ? { tool: { slug: link.tool } } : {}) } });
  return true;
}
