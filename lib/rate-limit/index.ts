import "server-only";
import { createHash } from "node:crypto";
import { Redis } from "ioredis";
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { getPool } from "@/lib/db";
import { env } from "@/lib/env";
import { RateLimitedError } from "./errors";

/**
 * Rate limits through rate-limiter-flexible, kept where every app node sees
 * them: PostgreSQL (table rate_limits) by default, Redis when REDIS_URL is
 * set. If the store fails, an in-memory limiter of the same size stands in,
 * so an outage of the store neither opens the gates nor takes the site down.
 */

export type LimitName = "vote" | "signinEmail" | "signinIp" | "newsletterEmail" | "newsletterIp";

const LIMITS: Record<LimitName, { points: number; duration: number }> = {
  vote: env.RATE_LIMIT_VOTES,
  signinEmail: env.RATE_LIMIT_SIGNIN_EMAIL,
  signinIp: env.RATE_LIMIT_SIGNIN_IP,
  newsletterEmail: env.RATE_LIMIT_NEWSLETTER_EMAIL,
  newsletterIp: env.RATE_LIMIT_NEWSLETTER_IP,
};

export { RateLimitedError };

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

/** Keys that may be personal (emails) are stored hashed. */
export function hashKey(value: string): string {
  return createHash("sha256").update(value.trim().toLowerCase()).digest("base64url").slice(0, 32);
}

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
 * The client's IP for per-IP limits. Next's server fills X-Forwarded-For from
 * the socket only when the request has none, so a client talking to it
 * directly can set its own: per-IP limits are only as good as the proxy in
 * front. Behind a proxy you run (TRUST_PROXY=true, proxy overwriting the
 * header) the first entry is the client; otherwise the last. Per-email and
 * per-user limits do not depend on it.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const parts = forwarded?.split(",").map((part) => part.trim()).filter(Boolean) ?? [];
  const ip = (env.TRUST_PROXY ? parts[0] : parts.at(-1)) ?? headers.get("x-real-ip") ?? "unknown";
  return ip.slice(0, 64);
}
