import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { env } from "@/lib/env";
import { toolSlugSchema } from "@/lib/tools/schema";

// No `server-only`: the follow digest (a job in plain Node) makes these links.

/**
 * Unfollow links that work without a session (docs/decisions/037): the
 * HMAC-SHA256 of what the link does ("unfollow:<slug>" or "unfollow:*"), keyed
 * by the reader's own random `followKey` (made with their first digest). Not
 * single-use: unfollowing twice changes nothing, so a second click (or a mail
 * scanner's) is harmless; forging a link needs the key in the database.
 */

/** A new reader's key: 32 random bytes. */
export const newFollowKey = () => randomBytes(32).toString("base64url");

/** `tool` null: every follow of the reader. */
export function unfollowSignature(key: string, tool: string | null): string {
  return createHmac("sha256", key).update(`unfollow:${tool ?? "*"}`).digest("base64url");
}

export function verifyUnfollowSignature(key: string, tool: string | null, signature: string): boolean {
  const expected = Buffer.from(unfollowSignature(key, tool));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The query of an unfollow link (the page, its form and the one-click endpoint): `u` the reader, `tool` absent for all, `sig`. */
export const unfollowLinkSchema = z.object({
  u: z.string().min(1).max(40).regex(/^[A-Za-z0-9_-]+$/),
  tool: toolSlugSchema.optional(),
  sig: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});
export type UnfollowLink = z.infer<typeof unfollowLinkSchema>;

function siteOrigin() {
  return env.SITE_URL.replace(/\/+$/, "");
}

function query(userId: string, key: string, tool: string | null) {
  const params = new URLSearchParams({ u: userId, ...(tool ? { tool } : {}), sig: unfollowSignature(key, tool) });
  return params.toString();
}

/** Absolute links of the follow digest, on SITE_URL. */
export const followLinks = {
  /** The page with one button (GET changes nothing: mail scanners open links). */
  unfollow: (userId: string, key: string, tool: string | null) => `${siteOrigin()}/follows/unfollow?${query(userId, key, tool)}`,
  /** RFC 8058 one-click target for the List-Unsubscribe header: every follow. */
  oneClick: (userId: string, key: string) => `${siteOrigin()}/api/follows/unfollow?${query(userId, key, null)}`,
  page: (path: string) => `${siteOrigin()}${path}`,
};
