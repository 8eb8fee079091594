export class RateLimitedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(
      retryAfterSeconds >= 120
        ? `Too many requests. Try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`
        : `Too many requests. Try again in ${retryAfterSeconds} seconds.`,
    );
  }
}
