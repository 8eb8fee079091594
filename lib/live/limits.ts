import type { Refusal } from "@/lib/http/refusal";

/**
 * How many live streams (GET /api/live) are open on this node, per client
 * address, per session and in all: each stream holds a connection and ~100 KB,
 * so no client may open them without bound. Beyond a client's share the
 * answer is 429 with Retry-After (its browser's EventSource tries again);
 * beyond the node's, 503 (a load balancer sends the next one elsewhere).
 * In memory: a node counts its own streams.
 */
export type StreamLimits = { perAddress: number; perSession: number; perNode: number };

export class LiveStreamCounter {
  private readonly byAddress = new Map<string, number>();
  private readonly bySession = new Map<string, number>();
  private total = 0;

  constructor(private readonly limits: StreamLimits) {}

  get open(): number {
    return this.total;
  }

  /** Counts a new stream, or says why it may not open. `release` must be called once when it ends. */
  acquire(address: string, session: string | null): { release: () => void } | { refusal: Refusal } {
    if (this.total >= this.limits.perNode) {
      return { refusal: { status: 503, code: "unavailable", message: "This server holds as many live streams as it can: try again shortly.", headers: { "Retry-After": "5" } } };
    }
    if ((this.byAddress.get(address) ?? 0) >= this.limits.perAddress || (session !== null && (this.bySession.get(session) ?? 0) >= this.limits.perSession)) {
      return { refusal: { status: 429, code: "rate_limited", message: "Too many live streams are open from here: close some tabs.", headers: { "Retry-After": "10" } } };
    }
    this.total += 1;
    increment(this.byAddress, address, 1);
    if (session !== null) increment(this.bySession, session, 1);
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        this.total -= 1;
        increment(this.byAddress, address, -1);
        if (session !== null) increment(this.bySession, session, -1);
      },
    };
  }
}

function increment(map: Map<string, number>, key: string, by: number) {
  const next = (map.get(key) ?? 0) + by;
  if (next <= 0) map.delete(key);
  else map.set(key, next);
}
