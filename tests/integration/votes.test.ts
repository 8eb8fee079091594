import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE, PUT } from "@/app/api/tools/[slug]/vote/route";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { CHANNELS, toolStatsChangeSchema, type ToolStatsChange } from "@/lib/db-events/channels";
import { createDatabaseEvents } from "@/lib/db-events/listener";
import { findCounterDrift } from "@/lib/stats/reconcile";
import type { Tool } from "@/lib/generated/prisma/client";
import { createSignedInUser } from "../helpers/auth";
import { createReviewers, createTool, createVerdicts } from "../helpers/factories";

let client: PrismaClient;
/** A listed tool for the requests that are refused before any vote is written. */
let tool: Tool;
beforeAll(async () => {
  client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 4 });
  tool = await createTool(client);
});
afterAll(() => client.$disconnect());

const ORIGIN = "http://localhost";

function request(method: "PUT" | "DELETE", slug: string, options: { cookie?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { origin: ORIGIN, ...options.headers };
  if (options.cookie) headers.cookie = options.cookie;
  let body: string | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers["content-type"] ??= "application/json";
  }
  const req = new Request(`${ORIGIN}/api/tools/${slug}/vote`, { method, headers, body });
  const context = { params: Promise.resolve({ slug }) };
  return method === "PUT" ? PUT(req, context) : DELETE(req, context);
}

async function community(slug: string) {
  const stats = await client.toolStats.findFirstOrThrow({ where: { tool: { slug } } });
  return [stats.communityShip, stats.communityTotal];
}

describe("PUT/DELETE /api/tools/:slug/vote", () => {
  it("casts a vote and returns the tool's new figures", async () => {
    const reviewed = await createTool(client);
    await createVerdicts(client, reviewed, await createReviewers(client, 4), ["SHIP", "SHIP", "SKIP", "SHIP"]);
    const { cookie } = await createSignedInUser(client);
    const response = await request("PUT", reviewed.slug, { cookie, body: { decision: "ship" } });
    expect(response.status).toBe(200);
    const { data } = await response.json();
    expect(data).toMatchObject({ tool: reviewed.slug, vote: "ship" });
    expect(data.scores.community).toMatchObject({ ship: 1, total: 1, label: "100%", status: "provisional" });
    expect(data.scores.panel).toMatchObject({ ship: 3, total: 4 });
    expect(await community(reviewed.slug)).toEqual([1, 1]);
  });

  it("re-sending the same vote changes nothing", async () => {
    const { slug } = await createTool(client);
    const { cookie } = await createSignedInUser(client);
    const before = await community(slug);
    await request("PUT", slug, { cookie, body: { decision: "skip" } });
    const again = await request("PUT", slug, { cookie, body: { decision: "skip" } });
    expect(again.status).toBe(200);
    expect(await community(slug)).toEqual([before[0]!, before[1]! + 1]);
  });

  it("changing a vote moves one count between ship and skip; withdrawing removes it", async () => {
    const { slug } = await createTool(client);
    const { cookie, user } = await createSignedInUser(client);
    const [ship0, total0] = await community(slug);
    await request("PUT", slug, { cookie, body: { decision: "skip" } });
    expect(await community(slug)).toEqual([ship0, total0! + 1]);
    const changed = await request("PUT", slug, { cookie, body: { decision: "ship" } });
    expect((await changed.json()).data.vote).toBe("ship");
    expect(await community(slug)).toEqual([ship0! + 1, total0! + 1]);
    const withdrawn = await request("DELETE", slug, { cookie });
    expect(withdrawn.status).toBe(200);
    expect((await withdrawn.json()).data.vote).toBeNull();
    expect(await community(slug)).toEqual([ship0, total0]);
    expect(await client.vote.count({ where: { userId: user.id } })).toBe(0);
    // Withdrawing again is harmless.
    expect((await request("DELETE", slug, { cookie })).status).toBe(200);
    expect(await community(slug)).toEqual([ship0, total0]);
  });

  it("answers 401 when signed out, or with an unknown or expired session", async () => {
    for (const cookie of [undefined, "authjs.session-token=not-a-session"]) {
      const response = await request("PUT", tool.slug, { cookie, body: { decision: "ship" } });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: { code: "unauthenticated", message: "Sign in to do this." } });
    }
    const { sessionToken, cookie } = await createSignedInUser(client);
    await client.session.update({ where: { sessionToken }, data: { expires: new Date(Date.now() - 1000) } });
    expect((await request("PUT", tool.slug, { cookie, body: { decision: "ship" } })).status).toBe(401);
  });

  it.each([
    [{ decision: "maybe" }, "decision"],
    [{}, "decision"],
    [{ decision: "ship", userId: "someone-else" }, "(root)"],
    [["ship"], "(root)"],
    [null, "(root)"],
  ])("answers 400 with the zod issue for %j", async (body, path) => {
    const { cookie } = await createSignedInUser(client);
    const response = await request("PUT", tool.slug, { cookie, body });
    expect(response.status).toBe(400);
    const json = await response.json();
    expect(json.error.code).toBe("invalid_request");
    expect(json.error.issues[0].path).toBe(path);
  });

  it("answers 400 for malformed JSON and 415 for another content type", async () => {
    const { cookie } = await createSignedInUser(client);
    const malformed = await request("PUT", tool.slug, { cookie, rawBody: "{decision:", headers: { "content-type": "application/json" } });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.code).toBe("invalid_json");
    const form = await request("PUT", tool.slug, { cookie, rawBody: "decision=ship", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(form.status).toBe(415);
  });

  it("answers 404 for an unknown or archived tool and writes nothing", async () => {
    const { cookie, user } = await createSignedInUser(client);
    const unknown = await request("PUT", "no-such-tool", { cookie, body: { decision: "ship" } });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe("not_found");
    const archived = await createTool(client, { archived: true });
    const refused = await request("PUT", archived.slug, { cookie, body: { decision: "ship" } });
    expect(refused.status).toBe(404);
    expect(await client.vote.count({ where: { userId: user.id } })).toBe(0);
  });

  it("answers 403 to a cross-site request", async () => {
    const { cookie, user } = await createSignedInUser(client);
    const evil = await request("PUT", tool.slug, { cookie, body: { decision: "skip" }, headers: { origin: "https://evil.example" } });
    expect(evil.status).toBe(403);
    expect((await evil.json()).error.code).toBe("cross_site_request");
    const fetchSite = await request("DELETE", tool.slug, { cookie, headers: { origin: "", "sec-fetch-site": "cross-site" } });
    expect(fetchSite.status).toBe(403);
    expect(await client.vote.count({ where: { userId: user.id } })).toBe(0);
  });

  it("answers 429 with Retry-After once a user's vote budget is spent", async () => {
    const { cookie } = await createSignedInUser(client);
    const { slug } = await createTool(client);
    const limit = 60; // RATE_LIMIT_VOTES default: 60 per 60 s
    for (let i = 0; i < limit; i++) {
      const response = await request("PUT", slug, { cookie, body: { decision: i % 2 ? "ship" : "skip" } });
      expect(response.status).toBe(200);
    }
    const limited = await request("PUT", slug, { cookie, body: { decision: "ship" } });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await limited.json()).error.code).toBe("rate_limited");
  });

  it("a user cannot touch another user's vote: the session decides whose vote it is", async () => {
    const { slug } = await createTool(client);
    const alice = await createSignedInUser(client);
    const bob = await createSignedInUser(client);
    await request("PUT", slug, { cookie: alice.cookie, body: { decision: "ship" } });
    await request("DELETE", slug, { cookie: bob.cookie });
    await request("PUT", slug, { cookie: bob.cookie, body: { decision: "skip" } });
    const votes = await client.vote.findMany({ where: { tool: { slug } }, select: { userId: true, decision: true } });
    expect(votes).toEqual(expect.arrayContaining([{ userId: alice.user.id, decision: "SHIP" }, { userId: bob.user.id, decision: "SKIP" }]));
    expect(await findCounterDrift(client)).toEqual([]);
  });

  it("each vote that moves the counters announces the new figures once, in the shape every node parses; a repeated vote announces nothing", async () => {
    const { slug, id } = await createTool(client);
    // A tool without its counter row yet: the vote creates it.
    await client.toolStats.delete({ where: { toolId: id } });
    const { cookie } = await createSignedInUser(client);
    // The app's own listener, which parses every payload with toolStatsChangeSchema (a payload that does not fit is dropped).
    const events = createDatabaseEvents({ url: process.env.DATABASE_URL!, name: `votes-${process.pid}`, selfPing: false });
    const heard: ToolStatsChange[] = [];
    events.subscribe(CHANNELS.toolStats, (change) => {
      if (change.slug === slug) heard.push(toolStatsChangeSchema.parse(change));
    });
    expect((await events.ping()).heard).toBe(true);
    try {
      for (const decision of ["ship", "ship", "skip"] as const) {
        expect((await request("PUT", slug, { cookie, body: { decision } })).status).toBe(200);
      }
      expect((await request("DELETE", slug, { cookie })).status).toBe(200);
      expect((await request("DELETE", slug, { cookie })).status).toBe(200);
      await expect.poll(() => heard.length).toBe(3);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(heard.map((change) => [change.toolId, change.communityShip, change.communityTotal])).toEqual([
        [id, 1, 1],
        [id, 0, 1],
        [id, 0, 0],
      ]);
    } finally {
      await events.stop();
    }
    expect(await findCounterDrift(client)).toEqual([]);
  });
});
