import { describe, expect, it } from "vitest";
import { LiveHub } from "./hub";
import type { ToolStatsChange } from "@/lib/db-events/channels";

const stats = (toolId: string, communityTotal = 1): ToolStatsChange => ({
  toolId,
  slug: toolId,
  panelShip: 0,
  panelTotal: 0,
  communityShip: 0,
  communityTotal,
  at: 0,
});

describe("the live hub", () => {
  it("delivers a tool's change only to the streams that follow it", () => {
    const hub = new LiveHub();
    const a: ToolStatsChange[] = [];
    const ab: ToolStatsChange[] = [];
    hub.subscribe(["a"], (event) => a.push(event));
    hub.subscribe(["a", "b"], (event) => ab.push(event));
    expect(hub.publish(stats("a"))).toBe(2);
    expect(hub.publish(stats("b"))).toBe(1);
    expect(hub.publish(stats("c"))).toBe(0);
    expect(a.map((event) => event.toolId)).toEqual(["a"]);
    expect(ab.map((event) => event.toolId)).toEqual(["a", "b"]);
    expect(hub.streams).toBe(2);
  });

  it("forgets a stream once it unsubscribes, and one failing subscriber does not stop the others", () => {
    const hub = new LiveHub();
    const seen: string[] = [];
    const stop = hub.subscribe(["a"], () => {
      throw new Error("broken pipe");
    });
    hub.subscribe(["a"], (event) => seen.push(event.toolId));
    expect(hub.publish(stats("a"))).toBe(2);
    expect(seen).toEqual(["a"]);
    stop();
    expect(hub.followedTools()).toEqual(["a"]);
    expect(hub.streams).toBe(1);
  });
});
