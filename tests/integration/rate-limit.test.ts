import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { limitSignInRequest } from "@/lib/auth/sign-in-limit";
import { consume, createLimiter, RateLimitedError, type Store } from "@/lib/rate-limit";

const redisUrl = process.env.TEST_REDIS_URL;
const redis = redisUrl ? new Redis(redisUrl, { enableOfflineQueue: true, maxRetriesPerRequest: 1 }) : null;
afterAll(() => redis?.quit());

async function spend(limiters: ReturnType<typeof createLimiter>[], key: string, times: number) {
  const outcomes: string[] = [];
  for (let i = 0; i < times; i++) {
    try {
      await consume("vote", key, limiters[i % limiters.length]);
      outcomes.push("ok");
    } catch (error) {
      outcomes.push(error instanceof RateLimitedError ? `429:${error.retryAfterSeconds > 0}` : String(error));
    }
  }
  return outcomes;
}

const stores: [string, () => Store][] = [["PostgreSQL", () => ({ kind: "postgres" })]];
if (redis) stores.push(["Redis", () => ({ kind: "redis", client: redis })]);

describe.each(stores)("rate limits in %s", (_name, store) => {
  it("hold across two app instances sharing the store", async () => {
    const nodeA = createLimiter("vote", store(), { points: 5, duration: 60 });
    const nodeB = createLimiter("vote", store(), { points: 5, duration: 60 });
    const key = `shared-${Math.random()}`;
    expect(await spend([nodeA, nodeB], key, 7)).toEqual(["ok", "ok", "ok", "ok", "ok", "429:true", "429:true"]);
    // Another key has its own budget.
    expect(await spend([nodeB], `${key}-other`, 1)).toEqual(["ok"]);
  });
});

describe("consume", () => {
  it("answers with the time until the window frees a point (whole seconds, at least 1)", async () => {
    const limiter = createLimiter("vote", { kind: "postgres" }, { points: 1, duration: 60 });
    const key = `retry-${Math.random()}`;
    await consume("vote", key, limiter);
    const refused = await consume("vote", key, limiter).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect((refused as RateLimitedError).retryAfterSeconds).toBeGreaterThanOrEqual(55);
    expect((refused as RateLimitedError).retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it("passes on a failure that is not a spent limit as it is", async () => {
    const broken = { consume: () => Promise.reject(new Error("store exploded")) } as unknown as ReturnType<typeof createLimiter>;
    await expect(consume("vote", "anyone", broken)).rejects.toThrow("store exploded");
    await expect(consume("vote", "anyone", broken)).rejects.not.toBeInstanceOf(RateLimitedError);
  });
});

describe("Redis store availability", () => {
  it("is tested wherever Redis runs (CI and the development machines)", () => {
    if (process.env.CI) expect(redisUrl, "CI must provide Redis at 127.0.0.1:6379").toBeTruthy();
  });
});

describe("magic-link requests", () => {
  it("are limited per email, whatever the IP", async () => {
    const email = `limit-${Math.random()}@example.test`;
    for (let i = 0; i < 5; i++) await limitSignInRequest(email, `10.0.0.${i}`);
    await expect(limitSignInRequest(email, "10.0.0.99")).rejects.toBeInstanceOf(RateLimitedError);
    await expect(limitSignInRequest(email.toUpperCase(), "10.0.0.98")).rejects.toBeInstanceOf(RateLimitedError);
  });

  it("are limited per IP, whatever the email", async () => {
    const ip = `192.0.2.${Math.floor(Math.random() * 250)}`;
    for (let i = 0; i < 20; i++) await limitSignInRequest(`person${i}-${Math.random()}@example.test`, ip);
    await expect(limitSignInRequest("fresh@example.test", ip)).rejects.toBeInstanceOf(RateLimitedError);
  });
});
