import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { GET as live } from "@/app/api/live/route";
import { EVENTS_APPLICATION_NAME, stopDatabaseEvents } from "@/lib/db-events/listener";
import type { ToolStatsChange } from "@/lib/db-events/channels";
import { readSse } from "../helpers/sse";
import { setVote } from "@/lib/votes/writes";
import { createPrismaClient } from "@/lib/db/client";
import { createSignedInUser } from "../helpers/auth";

afterAll(() => stopDatabaseEvents());

/** Opens the stream like a browser would and collects its `stats` events. */
async function openStream(tools: string, headers: Record<string, string> = {}) {
  const abort = new AbortController();
  const response = await live(new Request(`http://localhost/api/live?tools=${tools}`, { signal: abort.signal, headers }));
  const events: ToolStatsChange[] = [];
  const pump = readSse(response.body!, (message) => {
    if (message.event === "stats") events.push(JSON.parse(message.data));
  });
  return { response, events, close: async () => (abort.abort(), await pump) };
}

async function waitFor<T>(check: () => T | undefined, ms = 1_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("GET /api/live", () => {
  it("streams current figures at once, then a vote's new figures within a second", async () => {
    const client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 1 });
    const { user } = await createSignedInUser(client);
    await client.$disconnect();
    const stream = await openStream("cursor,whisper");
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(stream.response.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(stream.response.headers.get("x-accel-buffering")).toBe("no");
    await waitFor(() => (stream.events.length >= 2 ? true : undefined));
    expect(stream.events.map((event) => event.slug).sort()).toEqual(["cursor", "whisper"]);
    const before = stream.events.find((event) => event.slug === "cursor")!;

    const started = Date.now();
    await setVote(user.id, "cursor", "ship");
    const after = await waitFor(() => stream.events.find((event) => event.slug === "cursor" && event.communityTotal === before.communityTotal + 1));
    expect(after.communityShip).toBe(before.communityShip + 1);
    expect(Date.now() - started).toBeLessThan(1_000);
    await stream.close();
  });

  it("recovers when its LISTEN connection is cut: health says so, and events flow again", async () => {
    const client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 1 });
    const { user } = await createSignedInUser(client);
    await client.$disconnect();
    const stream = await openStream("aider");
    await waitFor(() => (stream.events.length >= 1 ? true : undefined));
    const ready = await health();
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ok", database: { ok: true }, listener: { ok: true } });

    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    const { rowCount } = await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE $1 AND datname = current_database()`,
      [`${EVENTS_APPLICATION_NAME} %`],
    );
    await admin.end();
    expect(rowCount).toBe(1);

    // Reconnected within a few seconds: the ping comes back again, and the count of reconnects says so.
    const recovered = await waitForAsync(async () => {
      const response = await health();
      const body = await response.json();
      return response.status === 200 && body.listener.reconnects >= 1 ? body : undefined;
    }, 10_000);
    expect(recovered.listener.ok).toBe(true);
    const count = stream.events.length;
    await setVote(user.id, "aider", "skip");
    await waitFor(() => stream.events.slice(count).find((event) => event.slug === "aider" && event.communityTotal > 0));
    await stream.close();
  });

  it("a reconnecting client (Last-Event-ID) gets the current figures at once, including what it missed", async () => {
    const client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 1 });
    const { user } = await createSignedInUser(client);
    const before = await client.toolStats.findFirstOrThrow({ where: { tool: { slug: "elevenlabs" } } });
    await client.$disconnect();
    const first = await openStream("elevenlabs");
    const seen = await waitFor(() => first.events[0]);
    await first.close();
    await setVote(user.id, "elevenlabs", "ship"); // happens while the tab is disconnected
    const again = await openStream("elevenlabs", { "Last-Event-ID": String(seen.at) });
    const current = await waitFor(() => again.events[0]);
    expect(current.communityTotal).toBe(before.communityTotal + 1);
    await again.close();
  });

  it("holds one session to its share of open streams (429 with Retry-After), and a closed stream frees its place", async () => {
    const cookie = `authjs.session-token=live-cap-${Date.now()}`;
    const open = [];
    for (let i = 0; i < 8; i++) open.push(await openStream("cursor", { cookie }));
    expect(open.every((stream) => stream.response.status === 200)).toBe(true);
    const refused = await live(new Request("http://localhost/api/live?tools=cursor", { headers: { cookie } }));
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await refused.json()).error.code).toBe("rate_limited");
    // Another session is not affected.
    const other = await openStream("cursor", { cookie: `${cookie}-other` });
    expect(other.response.status).toBe(200);
    await other.close();
    await open.pop()!.close();
    await waitForAsync(async () => {
      const again = await live(new Request("http://localhost/api/live?tools=cursor", { headers: { cookie } }));
      if (again.status !== 200) return undefined;
      await again.body?.cancel();
      return true;
    }, 2_000);
    await Promise.all(open.map((stream) => stream.close()));
  });

  it.each([
    ["", 400],
    ["?tools=", 400],
    ["?tools=Bad%20Slug", 400],
    ["?tools=no-such-tool", 404],
  ])("refuses %s with %i and a JSON error", async (search, status) => {
    const response = await live(new Request(`http://localhost/api/live${search}`));
    expect(response.status).toBe(status);
    expect((await response.json()).error.code).toMatch(/invalid_request|not_found/);
  });
});

async function waitForAsync<T>(check: () => Promise<T | undefined>, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
