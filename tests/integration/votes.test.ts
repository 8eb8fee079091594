import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE, PUT } from "@/app/api/tools/[slug]/vote/route";
import { answerVote } from "@/lib/votes/gate";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { CHANNELS, toolStatsChangeSchema, type ToolStatsChange } from "@/lib/db-events/channels";
import { createDatabaseEvents } from "@/lib/db-events/listener";
import { findCounterDrift } from "@/lib/stats/reconcile";
import type { Tool } from "@/lib/generated/prisma/client";
import { createSignedInUser } from "../helpers/auth";
import { createReviewers, createTool, createVerdicts } from "../helpers/factories";
import { serveGateStep } from "../helpers/gate-step";

/**
 * A vote arrives two ways, and both are tested alike: the front gate answers it
 * (lib/votes/gate.ts, over HTTP here, docs/decisions/046), and the route handler
 * answers it when Next gets it. Both run lib/votes/api.ts.
 */

let client: PrismaClient;
/** A listed tool for the requests that are refused before any vote is written. */
let tool: Tool;
let gate: Awaited<ReturnType<typeof serveGateStep>>;
let gateOrigin = "";
beforeAll(async () => {
  client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 4 });
  tool = await createTool(client);
  gate = await serveGateStep(answerVote);
  gateOrigin = gate.origin;
});
afterAll(async () => {
  await gate.close();
  await client.$disconnect();
});

type By = "route" | "gate";
type Options = { cookie?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> };

function send(by: By, method: "PUT" | "DELETE", slug: string, options: Options = {}): Promise<Response> {
  const origin = by === "route" ? "http://localhost" : gateOrigin;
  const headers: Record<string, string> = { origin, ...options.headers };
  if (options.cookie) headers.cookie = options.cookie;
  let body: string | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers["content-type"] ??= "application/json";
  }
  if (by === "gate") return fetch(`${gateOrigin}/api/tools/${slug}/vote`, { method, headers, body });
  const req = new Request(`${origin}/api/tools/${slug}/vote`, { method, headers, body });
  const context = { params: Promise.resolve({ slug }) };
  return method === "PUT" ? PUT(req, context) : DELETE(req, context);
}

async function community(slug: string) {
  const stats = await client.toolStats.findFirstOrThrow({ where: { tool: { slug } } });
  return [stats.communityShip, stats.communityTotal];
}

describe.each(["route", "gate"] as const)("PUT/DELETE /api/tools/:slug/vote, answered by the %s", (by) => {
  const request = (method: "PUT" | "DELETE", slug: string, options: Options = {}) => send(by, method, slug, options);

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

describe("the gate's vote (lib/votes/gate.ts)", () => {
  it("takes PUT and DELETE of a plain slug's vote, any query; leaves every other method and address to Next", async () => {
    const { cookie } = await createSignedInUser(client);
    const headers = { cookie, origin: gateOrigin, "content-type": "application/json" };
    for (const [method, path] of [
      ["GET", `/api/tools/${tool.slug}/vote`],
      ["HEAD", `/api/tools/${tool.slug}/vote`],
      ["POST", `/api/tools/${tool.slug}/vote`],
      ["OPTIONS", `/api/tools/${tool.slug}/vote`],
      ["PATCH", `/api/tools/${tool.slug}/vote`],
      // Addresses Next decodes or redirects: its own answer stays the one.
      ["PUT", `/api/tools/%63${tool.slug}/vote`],
      ["PUT", `/api/tools/${tool.slug}/vote/`],
      ["PUT", `/api/tools/${tool.slug}/votes`],
      ["PUT", `/api/tools/a/${tool.slug}/vote`],
      ["PUT", `/API/tools/${tool.slug}/vote`],
      ["DELETE", `/api/tools/../vote`],
    ] as const) {
      const body = method === "PUT" || method === "POST" || method === "PATCH" ? JSON.stringify({ decision: "ship" }) : undefined;
      expect((await fetch(`${gateOrigin}${path}`, { method, headers, body })).status, `${method} ${path}`).toBe(599);
    }
    const withQuery = await fetch(`${gateOrigin}/api/tools/${tool.slug}/vote?from=test&x=%ff`, { method: "PUT", headers, body: JSON.stringify({ decision: "ship" }) });
    expect(withQuery.status).toBe(200);
    expect((await fetch(`${gateOrigin}/api/tools/${tool.slug}/vote?from=test`, { method: "DELETE", headers })).status).toBe(200);
  });

  it("reads the headers as the gate's earlier steps left them, not as the client sent them", async () => {
    const { cookie, user } = await createSignedInUser(client);
    // A step before it that drops the cookie (as the gate drops untrusted forwarding headers): the vote sees none.
    const stripped = await serveGateStep((request, response) => {
      delete request.headers.cookie;
      return answerVote(request, response);
    });
    try {
      const response = await fetch(`${stripped.origin}/api/tools/${tool.slug}/vote`, {
        method: "PUT",
        headers: { cookie, origin: stripped.origin, "content-type": "application/json" },
        body: JSON.stringify({ decision: "ship" }),
      });
      expect(response.status).toBe(401);
      expect(await client.vote.count({ where: { userId: user.id } })).toBe(0);
    } finally {
      await stripped.close();
    }
  });

  it("answers with the security headers, as JSON, and renews a signed-in browser's personal-write mark", async () => {
    const { cookie } = await createSignedInUser(client);
    const response = await fetch(`${gateOrigin}/api/tools/${tool.slug}/vote`, {
      method: "PUT",
      headers: { cookie, origin: gateOrigin, "content-type": "application/json" },
      body: JSON.stringify({ decision: "skip" }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Number(response.headers.get("content-length"))).toBe((await response.clone().arrayBuffer()).byteLength);
    expect(response.headers.getSetCookie()).toEqual([expect.stringMatching(/^sos\.pw=[A-Za-z0-9_-]{12}; Path=\/; Max-Age=3600; HttpOnly; SameSite=Lax$/)]);
    expect((await response.json()).data).toMatchObject({ tool: tool.slug, vote: "skip" });
    // Signed out: no mark (there is no reader to mark), the API's 401.
    const signedOut = await fetch(`${gateOrigin}/api/tools/${tool.slug}/vote`, { method: "DELETE", headers: { origin: gateOrigin } });
    expect(signedOut.status).toBe(401);
    expect(signedOut.headers.getSetCookie()).toEqual([]);
    expect(signedOut.headers.get("content-security-policy")).toContain("script-src 'self'");
  });

  it("reads a chunked body as it streams, and refuses one past 4 KB with a 413 before writing anything", async () => {
    const { slug } = await createTool(client);
    const { cookie, user } = await createSignedInUser(client);
    const chunks = (parts: string[]) =>
      new ReadableStream<Uint8Array>({
        async pull(controller) {
          const part = parts.shift();
          if (part === undefined) return controller.close();
          await new Promise((resolve) => setTimeout(resolve, 5));
          controller.enqueue(new TextEncoder().encode(part));
        },
      });
    const put = (body: ReadableStream<Uint8Array>) =>
      fetch(`${gateOrigin}/api/tools/${slug}/vote`, { method: "PUT", headers: { cookie, origin: gateOrigin, "content-type": "application/json" }, body, duplex: "half" } as RequestInit);
    const small = await put(chunks(['{"deci', 'sion":', '"ship"}']));
    expect(small.status).toBe(200);
    expect((await small.json()).data.vote).toBe("ship");
    const huge = await put(chunks(['{"decision":"skip","reason":"', ...Array.from({ length: 10 }, () => "x".repeat(1000)), '"}']));
    expect(huge.status).toBe(413);
    expect((await huge.json()).error.code).toBe("payload_too_large");
    expect(await client.vote.findMany({ where: { userId: user.id }, select: { decision: true } })).toEqual([{ decision: "SHIP" }]);
  });

  it("a vote whose whole body was sent counts even when the browser leaves at once (the widget shows it before the answer)", async () => {
    const { cookie, user } = await createSignedInUser(client);
    const body = '{"decision":"skip"}';
    for (let i = 0; i < 6; i++) {
      const { slug } = await createTool(client);
      await new Promise<void>((resolve) => {
        const leaving = http.request({ host: "127.0.0.1", port: gate.port, method: "PUT", path: `/api/tools/${slug}/vote`, headers: { cookie, "content-type": "application/json", "content-length": String(body.length) } });
        leaving.on("error", () => undefined);
        // Gone as soon as the request is on the wire: before the gate has read the session, let alone the body.
        leaving.end(body, () => {
          // As a browser cancels a fetch when the page navigates: the connection reset, not closed in turn.
          if (i % 2 === 0) leaving.socket?.resetAndDestroy();
          else leaving.destroy();
          resolve();
        });
      });
    }
    // Every one of them.
    await expect.poll(() => client.vote.count({ where: { userId: user.id, decision: "SKIP" } })).toBe(6);
  });

  it("a client that goes away mid-body writes nothing, and the gate answers the next vote", async () => {
    const { slug } = await createTool(client);
    const { cookie, user } = await createSignedInUser(client);
    const { port } = gate;
    await new Promise<void>((resolve) => {
      const cut = http.request({ host: "127.0.0.1", port, method: "PUT", path: `/api/tools/${slug}/vote`, headers: { cookie, "content-type": "application/json", "content-length": "40" } });
      cut.on("error", () => resolve());
      cut.write('{"decision":');
      setTimeout(() => {
        cut.destroy();
        resolve();
      }, 50);
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await client.vote.count({ where: { userId: user.id } })).toBe(0);
    const next = await fetch(`${gateOrigin}/api/tools/${slug}/vote`, { method: "PUT", headers: { cookie, origin: gateOrigin, "content-type": "application/json" }, body: '{"decision":"skip"}' });
    expect(next.status).toBe(200);
    expect(await client.vote.count({ where: { userId: user.id } })).toBe(1);
  });
});
