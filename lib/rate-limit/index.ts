// A plain module (no "server-only" marker): the front gate runs it for the votes it answers (lib/votes/gate.ts, docs/decisions/046).
import { Redis } from "ioredis";
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { getPool } from "@/lib/db/pool";
import { env } from "@/lib/env";
import { addressKey, clientAddress } from "@/lib/http/forwarded";
import { RateLimitedError } from "./errors";

/**
 * Rate limits through rate-limiter-flexible, kept where every app node sees
 * them: PostgreSQL (table rate_limits) by default, Redis when REDIS_URL is
 * set. If the store fails, an in-memory limiter of the same size stands in,
 * so an outage of the store neither opens the gates nor takes the site down.
 *
 * Every key is one a client cannot mint at will: a user id, a folded and
 * hashed address (`emailKey`), a client address that no client-settable
 * header decides (`clientIp`), and for what sends email a total over all keys
 * (`TOTAL_KEY`), the backstop against a spread of addresses and IPs.
 */

export type LimitName = "vote" | "follow" | "reason" | "report" | "signinEmail" | "signinIp" | "signinTotal" | "newsletterEmail" | "newsletterIp" | "newsletterTotal" | "suggestion";

const LIMITS: Record<LimitName, { points: number; duration: number }> = {
  vote: env.RATE_LIMIT_VOTES,
  // Following and unfollowing: a reader clicks a few times a minute at most (docs/decisions/037).
  follow: { points: 60, duration: 60 },
  reason: env.RATE_LIMIT_REASONS,
  report: env.RATE_LIMIT_REPORTS,
  signinEmail: env.RATE_LIMIT_SIGNIN_EMAIL,
  signinIp: env.RATE_LIMIT_SIGNIN_IP,
  signinTotal: env.RATE_LIMIT_SIGNIN_TOTAL,
  newsletterEmail: env.RATE_LIMIT_NEWSLETTER_EMAIL,
  newsletterIp: env.RATE_LIMIT_NEWSLETTER_IP,
  newsletterTotal: env.RATE_LIMIT_NEWSLETTER_TOTAL,
  // Tool suggestions and problem reports together, per reader (docs/decisions/041).
  suggestion: env.RATE_LIMIT_SUGGESTIONS,
};

/** The one key of a total limit (`signinTotal`, `newsletterTotal`). */
export const TOTAL_KEY = "all";

export { RateLimitedError };
export { emailKey, foldEmail } from "./keys";

let redis: Redis | undefined;

export type Store = { kind: "postgres" } | { kind: "redis"; client: Redis };

export function defaultStore(): Store {
  if (!env.REDIS_URL) return { kind: "postgres" };
  redis ??= new Redis(env.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
  redis.on("error", () => undefined); // reported through the insurance limiter's fallback
  return { kind: "redis", client: redis };
}

/** A limiter on a store; two of them on the same store share their counts, as two app nodes do. */
export function createLimiter(name: LimitName, store: Store = defaultStore(), limit = LIMITS[name]): RateLimiterAbstract {
  const common = { keyPrefix: `rl_${name}`, points: limit.points, duration: limit.duration };
  const insuranceLimiter = new RateLimiterMemory(common);
  if (store.kind === "redis") {
    return new RateLimiterRedis({ ...common, storeClient: store.client, insuranceLimiter });
  }
  return new RateLimiterPostgres({
    ...common,
    storeClient: getPool(),
    storeType: "pool",
    tableName: "rate_limits",
    tableCreated: true,
    insuranceLimiter,
  });
}

const limiters = new Map<LimitName, RateLimiterAbstract>();

/** Spends one point of `name` for `key`; throws RateLimitedError when none is left. */
export async function consume(name: LimitName, key: string, limiter?: RateLimiterAbstract): Promise<void> {
  const target = limiter ?? limiters.get(name) ?? createLimiter(name);
  if (!limiter) limiters.set(name, target);
  try {
    await target.consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      throw new RateLimitedError(Math.max(1, Math.ceil(error.msBeforeNext / 1000)));
    }
    throw error;
  }
}

/**
 * The key of a per-IP limit for this request: the client's address as
 * lib/http/forwarded.ts finds it (the TCP peer, or with TRUST_PROXY the entry
 * your proxy appended to X-Forwarded-For), an IPv6 address as its /64.
 */
export function clientIp(headers: Headers): string {
  return addressKey(clientAddress(headers));
}
