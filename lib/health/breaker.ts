import { databaseEvents, type PingResult } from "@/lib/db-events/listener";
import { log } from "@/lib/observability/log";

/** A merely slow ping counts as an outage only this many times in a row (a busy machine, a GC pause is not an outage). */
export const SLOW_PINGS_FOR_OUTAGE = 3;

export type DatabaseBreaker = {
  /** False once the database stopped answering; true again as soon as it does. */
  readonly databaseUp: boolean;
  /** Look now (something just failed in a way that may mean the database is gone). */
  check(): void;
};

/**
 * The outage breaker: reads the database events' self-pings. A refused or
 * dropped connection is an outage at once; a ping that does not answer in
 * time only after SLOW_PINGS_FOR_OUTAGE in a row; one answered ping ends it.
 */
export function createBreaker(): { databaseUp: boolean; record(result: PingResult): void } {
  let slowPings = 0;
  return {
    databaseUp: true,
    record(result) {
      if (result.answered) {
        slowPings = 0;
        if (!this.databaseUp) log().warn("the database answers again");
        this.databaseUp = true;
        return;
      }
      slowPings = result.refused ? SLOW_PINGS_FOR_OUTAGE : slowPings + 1;
      if (slowPings >= SLOW_PINGS_FOR_OUTAGE && this.databaseUp) {
        log().error("the database does not answer; answering 503 until it does");
        this.databaseUp = false;
      }
    },
  };
}

const KEY = Symbol.for("ship-or-skip.breaker");
const globalForBreaker = globalThis as unknown as Record<typeof KEY, DatabaseBreaker | undefined>;

/** This process's breaker; null without a database (a build). */
export function databaseBreaker(): DatabaseBreaker | null {
  const existing = globalForBreaker[KEY];
  if (existing) return existing;
  const events = databaseEvents();
  if (!events) return null;
  const breaker = createBreaker();
  events.onPing((result) => breaker.record(result));
  const view: DatabaseBreaker = {
    get databaseUp() {
      return breaker.databaseUp;
    },
    check: () => events.check(),
  };
  globalForBreaker[KEY] = view;
  return view;
}
