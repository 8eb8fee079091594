import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { createSignedInUser } from "../helpers/auth";
import { createTool } from "../helpers/factories";
import { serveGateStep } from "../helpers/gate-step";

/**
 * GET /api/me (docs/decisions/022): the one request that carries what is a
 * reader's own on a public page. Only theirs, never their email, never cached.
 * Two ways to answer it, the same: the front gate's (lib/users/viewer.ts, over
 * HTTP here) and the route's (Next's, when the gate does not answer).
 */

delete process.env.REDIS_URL;
// The read itself, every time: the viewer cache in front of it has its own test (viewer-cache.test.ts).
process.env.VIEWER_CACHE = "off";
const { GET } = await import("@/app/api/me/route");
const { answerViewer } = await import("@/lib/users/viewer");
const { setVote } = await import("@/lib/votes/writes");
const { setFollow } = await import("@/lib/follows/writes");

let client: PrismaClient;
let gate: Awaited<ReturnType<typeof serveGateStep>>;
let gateOrigin = "";
beforeAll(async () => {
  client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 2 });
  gate = await serveGateStep(answerViewer);
  gateOrigin = gate.origin;
});
afterAll(async () => {
  await gate.close();
  await client.$disconnect();
});

type Body = { data: { user: { name: string | null; staff: boolean } | null; votes: Record<string, string>; follows: string[] } };
const ask = {
  route: (cookie?: string) => GET(new Request("http://localhost:3000/api/me", { headers: cookie ? { cookie } : {} })),
  gate: (cookie?: string) => fetch(`${gateOrigin}/api/me`, { headers: cookie ? { cookie } : {} }),
};

describe("the gate's step answers GET and HEAD of /api/me and nothing else", () => {
  it("leaves other methods and paths to the app, and answers HEAD without a body", async () => {
    for (const [method, path] of [["POST", "/api/me"], ["GET", "/api/me/x"], ["GET", "/api/meta"], ["GET", "/"]] as const) {
      expect((await fetch(`${gateOrigin}${path}`, { method })).status, `${method} ${path}`).toBe(599);
    }
    const head = await fetch(`${gateOrigin}/api/me?from=test`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(head.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await head.text()).toBe("");
  });
});

describe.each(["route", "gate"] as const)("GET /api/me, answered by the %s", (by) => {
  const me = async (cookie?: string) => {
    const response = await ask[by](cookie);
    return { response, body: (await response.json()) as Body };
  };

  it("answers each signed-in reader with their own votes and name, and nothing about anyone else", async () => {
    const [a, b] = [await createTool(client), await createTool(client)];
    const alice = await createSignedInUser(client);
    const bob = await createSignedInUser(client, { role: "STAFF" });
    await setVote(alice.user.id, a.slug, "ship");
    await setVote(alice.user.id, b.slug, "skip");
    await setVote(bob.user.id, a.slug, "skip");

    const forAlice = await me(alice.cookie);
    expect(forAlice.response.status).toBe(200);
    expect(forAlice.response.headers.get("cache-control")).toBe("private, no-store");
    expect(forAlice.response.headers.get("vary")).toBe("Cookie");
    expect(forAlice.response.headers.get("content-type")).toBe("application/json");
    expect(forAlice.body.data).toEqual({ user: { name: alice.user.name, staff: false }, votes: { [a.slug]: "ship", [b.slug]: "skip" }, follows: [] });
    expect((await me(bob.cookie)).body.data).toEqual({ user: { name: bob.user.name, staff: true }, votes: { [a.slug]: "skip" }, follows: [] });
    // Follows (docs/decisions/037): the reader's own, by slug, and nobody else's.
    await setFollow(alice.user.id, b.slug, true);
    expect((await me(alice.cookie)).body.data.follows).toEqual([b.slug]);
    expect((await me(bob.cookie)).body.data.follows).toEqual([]);
    for (const { cookie, user, sessionToken } of [alice, bob]) {
      const text = JSON.stringify((await me(cookie)).body);
      expect(text).not.toContain(user.email!);
      expect(text).not.toContain(user.id);
      expect(text).not.toContain(sessionToken);
    }

    // A withdrawn vote is gone at once (read from the primary).
    await setVote(alice.user.id, b.slug, null);
    expect((await me(alice.cookie)).body.data.votes).toEqual({ [a.slug]: "ship" });
  });

  it("answers a signed-out reader, an unknown or malformed session, and an expired one with nobody (200, not 401)", async () => {
    const expired = await createSignedInUser(client);
    await client.session.update({ where: { sessionToken: expired.sessionToken }, data: { expires: new Date(Date.now() - 1_000) } });
    for (const cookie of [undefined, "authjs.session-token=" + "a".repeat(64), "authjs.session-token=%ff%00", expired.cookie]) {
      const { response, body } = await me(cookie);
      expect(response.status, String(cookie)).toBe(200);
      expect(body).toEqual({ data: { user: null, votes: {}, follows: [] } });
    }
  });
});
