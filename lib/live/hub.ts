import type { ToolStatsChange } from "@/lib/db-events/channels";
import { log } from "@/lib/observability/log";

export type LiveSubscriber = (stats: ToolStatsChange) => void;

/**
 * This node's fan-out: which open streams follow which tool. The listener
 * (lib/live/index.ts, fed by lib/db-events) publishes every counter change it hears from
 * PostgreSQL; each subscriber gets the tools it follows. Plain in-memory
 * state: every node has its own, and every node hears every NOTIFY.
 */
export class LiveHub {
  private readonly byTool = new Map<string, Set<LiveSubscriber>>();

  subscribe(toolIds: string[], subscriber: LiveSubscriber): () => void {
    for (const toolId of toolIds) {
      const set = this.byTool.get(toolId) ?? new Set();
      set.add(subscriber);
      this.byTool.set(toolId, set);
    }
    return () => {
      for (const toolId of toolIds) {
        const set = this.byTool.get(toolId);
        set?.delete(subscriber);
        if (set?.size === 0) this.byTool.delete(toolId);
      }
    };
  }

  publish(stats: ToolStatsChange): number {
    const subscribers = this.byTool.get(stats.toolId);
    if (!subscribers) return 0;
    for (const subscriber of [...subscribers]) {
      try {
        subscriber(stats);
      } catch (error) {
        log().error({ err: error }, "a live subscriber failed");
      }
    }
    return subscribers.size;
  }

  /** Tools somebody on this node follows (to refresh after the listener reconnects). */
  followedTools(): string[] {
    return [...this.byTool.keys()];
  }

  get streams(): number {
    const all = new Set<LiveSubscriber>();
    for (const set of this.byTool.values()) for (const subscriber of set) all.add(subscriber);
    return all.size;
  }
}
