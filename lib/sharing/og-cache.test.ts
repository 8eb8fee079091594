import { describe, expect, it } from "vitest";
import { cachedShareImage, shareImageKey } from "./og-cache";

const png = (text: string) => new Response(new TextEncoder().encode(text), { headers: { "Content-Type": "image/png" } });

describe("share image cache", () => {
  it("draws an image once per content, whatever asks for it, and concurrent requests share the drawing", async () => {
    let draws = 0;
    const key = shareImageKey("tool", { slug: `t-${Math.random()}`, panel: 3 });
    const draw = async () => {
      draws += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return png("image one");
    };
    const answers = await Promise.all(Array.from({ length: 5 }, () => cachedShareImage(key, draw)));
    expect(draws).toBe(1);
    for (const answer of answers) expect(await answer.text()).toBe("image one");
    expect(await (await cachedShareImage(key, draw)).text()).toBe("image one");
    expect(draws).toBe(1);
    // Other figures are another image.
    const changed = shareImageKey("tool", { slug: "t", panel: 4 });
    expect(changed).not.toBe(key);
  });

  it("draws at most two at a time, lets a few wait, and answers 503 with Retry-After beyond that", async () => {
    let running = 0;
    let peak = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const draw = async () => {
      running += 1;
      peak = Math.max(peak, running);
      await gate;
      running -= 1;
      return png("x");
    };
    const pending = Array.from({ length: 30 }, (_, i) => cachedShareImage(shareImageKey("busy", i), draw));
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    const statuses = (await Promise.all(pending)).map((answer) => answer.status);
    expect(peak).toBe(2);
    expect(statuses.filter((status) => status === 200)).toHaveLength(18);
    const busy = (await Promise.all(pending)).find((answer) => answer.status === 503)!;
    expect(busy.headers.get("retry-after")).toMatch(/^\d+$/);
  });
});
