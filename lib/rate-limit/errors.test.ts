import { describe, expect, it } from "vitest";
import { RateLimitedError } from "./errors";

describe("RateLimitedError", () => {
  it("says seconds under two minutes and whole minutes (rounded up) from two minutes on", () => {
    expect(new RateLimitedError(1).message).toBe("Too many requests. Try again in 1 seconds.");
    expect(new RateLimitedError(119).message).toBe("Too many requests. Try again in 119 seconds.");
    expect(new RateLimitedError(120).message).toBe("Too many requests. Try again in 2 minutes.");
    expect(new RateLimitedError(121).message).toBe("Too many requests. Try again in 3 minutes.");
    expect(new RateLimitedError(3600).message).toBe("Too many requests. Try again in 60 minutes.");
    expect(new RateLimitedError(90).retryAfterSeconds).toBe(90);
  });
});
