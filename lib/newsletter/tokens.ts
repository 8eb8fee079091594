import { createHash, randomBytes } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { newsletterTokenSchema, type TokenPurpose } from "./schema";

/**
 * Single-use newsletter link tokens. The random token exists only in the
 * email that carries it; the database keeps its SHA-256. Consuming a token
 * marks it used in the same statement that checks it is unused and unexpired,
 * so two clicks (or a click and a scanner) cannot both use it.
 *
 * No `server-only` here: `npm run digest` issues tokens from a script.
 */

type Tx = Prisma.TransactionClient;

const HOUR = 60 * 60 * 1000;
export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  CONFIRM: 48 * HOUR,
  UNSUBSCRIBE: 365 * 24 * HOUR,
};

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Creates a token for `purpose` and returns the raw token (to put in a link; never stored). */
export async function issueToken(tx: Tx, subscriberId: string, purpose: TokenPurpose, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await tx.newsletterToken.create({
    data: { subscriberId, purpose, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]) },
  });
  return token;
}

/**
 * Uses a token once: the subscriber id when the token exists, has this
 * purpose, is unused and unexpired (and is now used); null otherwise.
 */
export async function consumeToken(tx: Tx, token: unknown, purpose: TokenPurpose, now = new Date()): Promise<string | null> {
  const parsed = newsletterTokenSchema.safeParse(token);
  if (!parsed.success) return null;
  const [used] = await tx.newsletterToken.updateManyAndReturn({
    where: { tokenHash: hashToken(parsed.data), purpose, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
    select: { subscriberId: true },
  });
  return used?.subscriberId ?? null;
}

/** Who a still-usable token belongs to, without using it (the page before the button). */
export async function findUsableToken(tx: Tx, token: unknown, purpose: TokenPurpose, now = new Date()) {
  const parsed = newsletterTokenSchema.safeParse(token);
  if (!parsed.success) return null;
  return tx.newsletterToken.findFirst({
    where: { tokenHash: hashToken(parsed.data), purpose, usedAt: null, expiresAt: { gt: now } },
    select: { subscriber: { select: { email: true, status: true } } },
  });
}

/** Absolute links of the newsletter, on SITE_URL. */
export const newsletterLinks = {
  confirm: (token: string) => `${siteOrigin()}/newsletter/confirm?token=${encodeURIComponent(token)}`,
  unsubscribe: (token: string) => `${siteOrigin()}/newsletter/unsubscribe?token=${encodeURIComponent(token)}`,
  /** RFC 8058 one-click target, for the List-Unsubscribe header. */
  oneClickUnsubscribe: (token: string) => `${siteOrigin()}/api/newsletter/unsubscribe?token=${encodeURIComponent(token)}`,
  page: (path: string) => `${siteOrigin()}${path}`,
};

function siteOrigin() {
  return env.SITE_URL.replace(/\/+$/, "");
}
