import http from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { createSignedInUser } from "../helpers/auth";
import { createTool } from "../helpers/factories";

/**
 * The viewer cache (docs/decisions/044) behind the front gate's GET /api/me: a signed-in reader's answer
 * is kept in memory, and every change to it — whichever path writes it — reaches the cache through the
 * database's own triggers, while the reader's own writes through the gate change its key at once.
 */

delete process.env.REDIS_URL;
const { answerViewer, markPersonalWrite, PERSONAL_WRITE_COOKIE } = await import("@/lib/users/viewer");
const { viewerCache } = await import("@/lib/users/viewer-cache");
const { databaseEvents } = await import("@/lib/db-events/listener");
const { setVote } = await import("@/lib/votes/writes");
const { setFollow } = await import("@/lib/follows/writes");

let client: PrismaClient;
let silent: pg.Client;
let gate: http.Server;
let origin = "";
beforeAll(async () => {
  client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 2 });
  // A connection whose writes fire no trigger: a change the cache is not told of, to see what it serves.
  silent = new pg.Client({ connectionString: process.env.DATABASE_URL! });
  await silent.connect();
  await silent.query("SET session_replication_role = replica");
  // The gate's two steps: the personal-write mark on writes, /api/me on reads; anything else a 204 here.
  gate = http.createServer((request, response) => {
    markPersonalWrite(request, response);
    void answerViewer(request, response).then((answered) => answered || response.writeHead(204).end());
  });
  await new Promise<void>((resolve) => gate.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(gate.address() as AddressInfo).port}`;
  expect(viewerCache()).not.toBeNull();
  // The cache answers once the node hears the database's events (its first self-ping).
  const events = databaseEvents()!;
  for (let waited = 0; !events.hearing; waited += 50) {
    if (waited > 10_000) throw new Error("the database events were never heard");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
});
afterAll(async () => {
  await new Promise<void>((resolve) => gate.close(() => resolve()));
  await silent.end();
  await client.$disconnect();
});

type Data = { user: { name: string | null; staff: boolean } | null; votes: Record<string, string>; follows: string[] };
const me = async (cookie: string) => ((await (await fetch(`${origin}/api/me`, { headers: { cookie } })).json()) as { data: Data }).data;
const stats = () => viewerCache()!.stats();

/** Reads until the answer is kept (a read that overlapped any announced change is not), or was already. */
async function fill(cookie: string) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const { fills, hits } = stats();
    await me(cookie);
    if (stats().fills > fills || stats().hits > hits) return;
  }
  throw new Error("the answer was never kept");
}

/** Reads from the cache (a hit), not the database. */
async function cached(cookie: string) {
  const hits = stats().hits;
  const data = await me(cookie);
  expect(stats().hits, "answered from the cache").toBe(hits + 1);
  return data;
}

describe("GET /api/me through the viewer cache", () => {
  it("answers a signed-in reader from memory after the first read, each reader their own", async () => {
    const tool = await createTool(client);
    const [alice, bob] = [await createSignedInUser(client), await createSignedInUser(client)];
    await setVote(alice.user.id, tool.slug, "ship");
    await fill(alice.cookie);
    await fill(bob.cookie);
    expect(await cached(alice.cookie)).toMatchObject({ user: { name: alice.user.name }, votes: { [tool.slug]: "ship" } });
    expect(await cached(bob.cookie)).toMatchObject({ user: { name: bob.user.name }, votes: {} });

    // Proof it is memory: a change the database does not announce is not seen…
    await silent.query(`DELETE FROM "Vote" WHERE "userId" = $1`, [alice.user.id]);
    expect((await cached(alice.cookie)).votes).toEqual({ [tool.slug]: "ship" });
    // …until the reader's own write through the gate gives their browser a new mark: the next read is fresh.
    const write = await fetch(`${origin}/api/votes`, { method: "POST", headers: { cookie: alice.cookie } });
    const mark = write.headers.getSetCookie().find((line) => line.startsWith(`${PERSONAL_WRITE_COOKIE.plain}=`));
    expect(mark).toMatch(/^sos\.pw=[A-Za-z0-9_-]{12}; Path=\/; Max-Age=3600; HttpOnly; SameSite=Lax$/);
    const marked = `${alice.cookie}; ${mark!.split(";")[0]}`;
    const misses = stats().misses;
    expect((await me(marked)).votes).toEqual({});
    expect(stats().misses).toBe(misses + 1);
  });

  it("gives the mark only to a signed-in browser's writes, Secure when its session cookie is", async () => {
    const reader = await createSignedInUser(client);
    const marks = async (method: string, cookie?: string) =>
      (await fetch(`${origin}/anything`, { method, headers: cookie ? { cookie } : {} })).headers.getSetCookie();
    expect(await marks("GET", reader.cookie)).toEqual([]);
    expect(await marks("HEAD", reader.cookie)).toEqual([]);
    expect(await marks("POST")).toEqual([]);
    expect(await marks("POST", "authjs.session-token=not-a-token")).toEqual([]);
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) expect(await marks(method, reader.cookie), method).toHaveLength(1);
    const secure = await marks("POST", `__Secure-authjs.session-token=${reader.sessionToken}`);
    expect(secure[0]).toMatch(/^__Host-sos\.pw=[A-Za-z0-9_-]{12}; Path=\/; Max-Age=3600; HttpOnly; SameSite=Lax; Secure$/);
  });

  it("sees every change to a reader, whichever path makes it, on the announcement alone", async () => {
    const [a, b] = [await createTool(client), await createTool(client)];
    const reader = await createSignedInUser(client);
    const changes: [string, () => Promise<unknown>, (data: Data) => boolean][] = [
      ["a vote (from another device or node)", () => setVote(reader.user.id, a.slug, "skip"), (data) => data.votes[a.slug] === "skip"],
      ["a changed vote", () => setVote(reader.user.id, a.slug, "ship"), (data) => data.votes[a.slug] === "ship"],
      ["a follow", () => setFollow(reader.user.id, b.slug, true), (data) => data.follows.includes(b.slug)],
      ["an unfollow", () => setFollow(reader.user.id, b.slug, false), (data) => data.follows.length === 0],
      ["a withdrawn vote", () => setVote(reader.user.id, a.slug, null), (data) => !(a.slug in data.votes)],
      ["a new name", () => client.user.update({ where: { id: reader.user.id }, data: { name: "Renamed Reader" } }), (data) => data.user?.name === "Renamed Reader"],
      ["a role given by an admin", () => client.user.update({ where: { id: reader.user.id }, data: { role: "STAFF" } }), (data) => data.user?.staff === true],
      ["a session ended (signed out elsewhere)", () => client.session.delete({ where: { sessionToken: reader.sessionToken } }), (data) => data.user === null],
    ];
    for (const [what, change, seen] of changes) {
      await fill(reader.cookie);
      expect(seen(await cached(reader.cookie)), `${what}: not yet`).toBe(false);
      await change();
      await expect.poll(async () => seen(await me(reader.cookie)), { message: what, timeout: 5_000 }).toBe(true);
    }
  });

  it("forgets a deleted account's answers, and keeps no answer for an unknown session", async () => {
    const reader = await createSignedInUser(client);
    await fill(reader.cookie);
    await client.user.delete({ where: { id: reader.user.id } });
    await expect.poll(async () => (await me(reader.cookie)).user, { timeout: 5_000 }).toBeNull();

    const entries = stats().entries;
    for (let n = 0; n < 5; n++) expect((await me(`authjs.session-token=${"z".repeat(40)}${n}`)).user).toBeNull();
    expect(stats().entries).toBe(entries);
  });

  it("one statement over many readers says so once (every answer dropped), not once per reader", async () => {
    const tool = await createTool(client);
    const reader = await createSignedInUser(client);
    await fill(reader.cookie);
    // What this node hears on the channel (its one LISTEN connection), in order.
    const heard: string[] = [];
    const { CHANNELS } = await import("@/lib/db-events/channels");
    const unsubscribe = databaseEvents()!.subscribe(CHANNELS.viewer, (change) => heard.push(JSON.stringify(change)));
    try {
      const castBy = async (readers: number, prefix: string) => {
        await client.$executeRawUnsafe(
          `INSERT INTO "User" (id, email, "createdAt", "updatedAt") SELECT '${prefix}' || g, '${prefix}' || g || '@bulk.test', now() - interval '30 days', now() FROM generate_series(1, ${readers}) g`,
        );
        heard.length = 0;
        await client.$executeRawUnsafe(
          `INSERT INTO "Vote" (id, "userId", "toolId", decision, "updatedAt") SELECT '${prefix}v' || g, '${prefix}' || g, $1, 'SHIP', now() FROM generate_series(1, ${readers}) g`,
          tool.id,
        );
        // A NOTIFY of our own, sent after, marks the end of what the statement sent.
        await client.$executeRawUnsafe(`SELECT pg_notify('viewer_changed', '{"userId":"end-of-statement"}')`);
        await expect.poll(() => heard.at(-1), { timeout: 5_000 }).toBe('{"userId":"end-of-statement"}');
        return heard.slice(0, -1);
      };
      const few = await castBy(100, "few_");
      expect(few).toHaveLength(100);
      expect(few.every((payload) => "userId" in JSON.parse(payload))).toBe(true);
      expect(await castBy(101, "many_")).toEqual(['{"all":true}']);
      // …which empties every node's cache: the reader, who was not among them, is read afresh.
      await expect.poll(() => stats().entries, { timeout: 5_000 }).toBe(0);
    } finally {
      unsubscribe();
    }
  });

  it("a catalogue edit of a tool (its slug may change) drops every answer", async () => {
    const tool = await createTool(client);
    const reader = await createSignedInUser(client);
    await setVote(reader.user.id, tool.slug, "ship");
    await fill(reader.cookie);
    const renamed = `${tool.slug}-renamed`;
    // As the admin's tool edit does (lib/tools/writes.ts): the write and its announcement in one transaction.
    const { announce } = await import("@/lib/db-events/announce");
    await client.$transaction(async (tx) => {
      await tx.tool.update({ where: { id: tool.id }, data: { slug: renamed } });
      await announce(tx, { kind: "tool", slugs: [tool.slug, renamed] });
    });
    await expect.poll(async () => Object.keys((await me(reader.cookie)).votes), { timeout: 5_000 }).toEqual([renamed]);
  });
});
