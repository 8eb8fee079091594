import { describe, expect, it } from "vitest";
import { LiveStreamCounter } from "./limits";

describe("live stream limits", () => {
  it("holds each address and session to its share and the node to its ceiling; a closed stream frees its place", () => {
    const counter = new LiveStreamCounter({ perAddress: 3, perSession: 2, perNode: 5 });
    const a1 = counter.acquire("a", "s1");
    const a2 = counter.acquire("a", "s1");
    expect("release" in a1 && "release" in a2).toBe(true);
    // The session's share is spent, from any address.
    expect(counter.acquire("b", "s1")).toMatchObject({ refusal: { status: 429, headers: { "Retry-After": expect.any(String) } } });
    // The address has one more, for another session or none.
    expect("release" in counter.acquire("a", null)).toBe(true);
    expect(counter.acquire("a", "s2")).toMatchObject({ refusal: { status: 429 } });
    expect("release" in counter.acquire("b", "s2")).toBe(true);
    expect("release" in counter.acquire("c", null)).toBe(true);
    // The node is full: 503 for everyone.
    expect(counter.acquire("d", null)).toMatchObject({ refusal: { status: 503 } });
    expect(counter.open).toBe(5);
    if ("release" in a1) {
      a1.release();
      a1.release();
    }
    expect(counter.open).toBe(4);
    expect("release" in counter.acquire("b", "s1")).toBe(true);
  });
});
