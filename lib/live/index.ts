import "server-only";
import { databaseEvents } from "@/lib/db-events/listener";
import { CHANNELS } from "@/lib/db-events/channels";
import { currentToolStats } from "@/lib/stats/queries";
import { env } from "@/lib/env";
import { LiveHub } from "./hub";
import { LiveStreamCounter } from "./limits";
import { metrics } from "@/lib/observability/metrics";
import { log } from "@/lib/observability/log";

const KEY = Symbol.for("ship-or-skip.live-hub");
const globalForLive = globalThis as unknown as Record<typeof KEY, LiveHub | undefined>;

/**
 * This node's live hub, fed by the database events: every counter change on
 * any node goes out to this node's streams; after a re-LISTEN (a gap in which
 * a change may have gone unheard) the followed tools' current figures are read
 * again and published.
 */
export function liveHub(): LiveHub {
  const existing = globalForLive[KEY];
  if (existing) return existing;
  const hub = new LiveHub();
  const events = databaseEvents();
  if (events) {
    events.subscribe(CHANNELS.toolStats, (change) => hub.publish(change));
    events.onResync(() => void resync(hub).catch((error: unknown) => log().error({ err: error }, "live resync failed")));
  }
  globalForLive[KEY] = hub;
  return hub;
}

async function resync(hub: LiveHub) {
  const ids = hub.followedTools();
  if (ids.length === 0) return;
  for (const change of await currentToolStats({ ids })) hub.publish(change);
}

const COUNTER_KEY = Symbol.for("ship-or-skip.live-streams");
const globalForCounter = globalThis as unknown as Record<typeof COUNTER_KEY, LiveStreamCounter | undefined>;

/** This node's count of open live streams, per client address, per session and in all (lib/live/limits.ts). */
export function liveStreamCounter(): LiveStreamCounter {
  if (!globalForCounter[COUNTER_KEY]) {
    const counter = new LiveStreamCounter({
      perAddress: env.LIVE_STREAMS_PER_IP,
      perSession: env.LIVE_STREAMS_PER_SESSION,
      perNode: env.LIVE_STREAMS_PER_NODE,
    });
    globalForCounter[COUNTER_KEY] = counter;
    // The open-streams gauge of /api/metrics reads it (lib/observability/metrics.ts); 0 until the first stream.
    metrics().sources.liveStreams = () => counter.open;
  }
  return globalForCounter[COUNTER_KEY];
}
