import { randomBytes } from "node:crypto";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Forbidden, Redirected } from "../helpers/next-mocks";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import type { Tool } from "@/lib/generated/prisma/client";
import { createSignedInUser } from "../helpers/auth";
import { createTool } from "../helpers/factories";

/**
 * Authorisation beyond the server-action matrix (tests/integration/authz-actions.test.ts):
 *   1. nobody changes or withdraws another user's vote, whatever ids or slugs they send;
 *   2. a role change applies on the very next request (route handlers and server actions,
 *      with the real getCurrentUser → Auth.js auth() → database session);
 *   3. every state-changing route handler (found in app/**) refuses signed-out and
 *      cross-site writes, and writes nothing when it does.
 */

// Server actions read the request through next/headers; here the test sets it.
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => undefined, delete: () => undefined }),
}));
vi.mock("next/navigation", async () => (await import("../helpers/next-mocks")).navigation);
vi.mock("next/cache", async (original) => ({ ...(await original<typeof import("next/cache")>()), refresh: () => undefined }));
// Outgoing email is captured where it would be queued.
const outbox = vi.hoisted(() => [] as { to: string; subject: string; kind: string }[]);
vi.mock("@/lib/jobs/enqueue", async (original) => ({
  ...(await original<typeof import("@/lib/jobs/enqueue")>()),
  enqueueEmail: async (_tx: unknown, kind: string, email: { to: string; subject: string }) => {
    outbox.push({ to: email.to, subject: email.subject, kind });
  },
}));

// Env is read once when lib/env loads: set it before any app import.
const SITE = "http://localhost:3000";
process.env.SITE_URL = SITE;
process.env.AUTH_URL = SITE;
process.env.AUTH_SECRET = randomBytes(32).toString("base64url");
// Hundreds of votes by one user below; the vote limit itself is tested in abuse.test.ts.
process.env.RATE_LIMIT_VOTES = "100000/60";
delete process.env.REDIS_URL;
// The bench baseline answers only to this token (and 404s without one: lib/env reads it once).
const BENCH_TOKEN = randomBytes(24).toString("hex");
process.env.BENCH_TOKEN = BENCH_TOKEN;

const { NextRequest } = await import("next/server");
const voteRoute = await import("@/app/api/tools/[slug]/vote/route");
const { GET: csvRoute } = await import("@/app/api/admin/newsletter/subscribers.csv/route");
const { voteAction, voteFormAction } = await import("@/lib/votes/actions");
const { setRoleAction } = await import("@/lib/users/actions");
const { hashToken } = await import("@/lib/newsletter/tokens");

let client: PrismaClient;
beforeAll(() => {
  client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 2 });
});
afterAll(() => client.$disconnect());

const root = path.resolve(import.meta.dirname, "../..");
type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

function form(values: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) for (const item of [value].flat()) data.append(key, item);
  return data;
}

/** Every row of a query as JSON text, so "unchanged" means byte for byte. */
async function rowsOf(sql: string, ...values: unknown[]): Promise<string[]> {
  const rows = await client.$queryRawUnsafe<{ row: string }[]>(`SELECT row_to_json(v)::text AS row FROM (${sql}) v ORDER BY 1`, ...values);
  return rows.map((r) => r.row);
}

/** A digest of every table (less the excluded ones), to show a refused request wrote nothing anywhere. */
async function fingerprint(exclude: string[] = []): Promise<Record<string, string>> {
  const tables = await client.$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`;
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    if (exclude.includes(name)) continue;
    const [row] = await client.$queryRawUnsafe<{ n: number; h: string }[]>(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS h FROM "${name}" t`,
    );
    out[name] = `${row!.n}:${row!.h}`;
  }
  return out;
}

// ------------------------------------------------------------------------------------------
describe("1. nobody changes or withdraws another user's vote", () => {
  it("A's session with B's ids, slug tricks and extra fields never touches B's votes", async () => {
    const a = await createSignedInUser(client);
    const b = await createSignedInUser(client);
    // Three listed tools; the first one's slug has dashes and letters for the look-alike tricks below.
    const tools = [await createTool(client), await createTool(client), await createTool(client)];
    const [one, two, three] = tools.map((tool) => tool.slug) as [string, string, string];
    const toolId = (slug: string) => tools.find((t) => t.slug === slug)!.id;
    const fullWidth = (text: string) => text.replace(/[a-z]/g, (letter) => String.fromCharCode(letter.charCodeAt(0) + 0xfee0));

    const call = (method: "PUT" | "DELETE", slug: string, options: { cookie?: string; body?: unknown; raw?: string; query?: string; headers?: Record<string, string> } = {}) => {
      const headers: Record<string, string> = { origin: SITE, cookie: options.cookie ?? a.cookie, ...options.headers };
      let body: string | undefined = options.raw;
      if (options.body !== undefined) body = JSON.stringify(options.body);
      if (body !== undefined) headers["content-type"] = "application/json";
      const url = `${SITE}/api/tools/${encodeURIComponent(slug)}/vote${options.query ?? ""}`;
      const handler = (method === "PUT" ? voteRoute.PUT : voteRoute.DELETE) as unknown as Handler;
      return handler(new Request(url, { method, headers, body }), { params: Promise.resolve({ slug }) });
    };

    // B's votes, cast the normal way; A votes on the same tools.
    for (const [slug, decision] of [[one, "ship"], [two, "skip"], [three, "ship"]] as const) {
      expect((await call("PUT", slug, { cookie: b.cookie, body: { decision } })).status).toBe(200);
      expect((await call("PUT", slug, { body: { decision: decision === "ship" ? "skip" : "ship" } })).status).toBe(200);
    }
    const bVotes = await client.vote.findMany({ where: { userId: b.user.id } });
    const bVoteId = bVotes.find((v) => v.toolId === toolId(one))!.id;
    const bRows = await rowsOf(`SELECT * FROM "Vote" WHERE "userId" = $1`, b.user.id);
    expect(bRows).toHaveLength(3);
    const othersThanA = () => rowsOf(`SELECT * FROM "Vote" WHERE "userId" <> $1`, a.user.id);

    type Trick = {
      label: string;
      /** A Response (route), a server action's result, or null (a form action returns nothing: the rows decide). */
      run: () => Promise<Response | { ok: boolean } | null>;
      expect: "refused" | "own";
      /** For an accepted request: A's own vote on that tool afterwards (A starts every trick with "skip" everywhere). */
      a?: [slug: string, decision: "SHIP" | "SKIP" | null];
      /** For a refused route request: the exact status. */
      status?: number;
    };
    const evilBodies: unknown[] = [
      { decision: "skip", userId: b.user.id },
      { decision: "skip", voteId: bVoteId },
      { decision: "skip", user: { id: b.user.id } },
      { decision: "skip", user: b.user.id },
      { decision: "skip", id: bVoteId },
      { decision: "skip", slug: two },
      { decision: "skip", tool: two },
      { decision: "skip", toolId: toolId(two) },
      { decision: "skip", email: b.user.email },
      { decision: { decision: "skip", userId: b.user.id } },
      [{ decision: "skip", userId: b.user.id }],
    ];
    const rawBodies = [
      `{"decision":"skip","__proto__":{"userId":"${b.user.id}"}}`,
      `{"decision":"skip","constructor":{"prototype":{"userId":"${b.user.id}"}}}`,
      `{"decision":"skip","decision":"ship","userId":"${b.user.id}"}`,
    ];
    const slugTricks = [
      one.toUpperCase(), `${one}/`, `${one} `, ` ${one}`, `${one}%20`, one.replace("-", "%2D"), `..%2f${two}`, `../${two}`, `${one}%2f..%2f${two}`,
      `${one}/../${two}`, `${one}\u0000`, one.replace("-", "\u2010"), fullWidth(one), `${one};${two}`, `${one},${two}`, `${one}?user=${b.user.id}`,
      b.user.id, bVoteId, toolId(two), "", "*", "%",
    ];
    const form4 = { userId: b.user.id, voteId: bVoteId, user: b.user.id, id: bVoteId, sessionToken: b.sessionToken };

    const tricks: Trick[] = [
      ...evilBodies.map((body): Trick => ({ label: `PUT body ${JSON.stringify(body)}`, run: () => call("PUT", one, { body }), expect: "refused", status: 400 })),
      ...rawBodies.map((raw): Trick => ({ label: `PUT raw ${raw}`, run: () => call("PUT", one, { raw }), expect: "refused", status: 400 })),
      ...slugTricks.flatMap((slug): Trick[] => [
        { label: `PUT slug ${JSON.stringify(slug)}`, run: () => call("PUT", slug, { body: { decision: "skip" } }), expect: "refused", status: 404 },
        { label: `DELETE slug ${JSON.stringify(slug)}`, run: () => call("DELETE", slug), expect: "refused", status: 404 },
      ]),
      // Ignored extras: the request is A's, so it may only ever change A's vote.
      ...[{ userId: b.user.id }, { voteId: bVoteId }, { id: bVoteId }, { user: { id: b.user.id } }, { tool: two }].map(
        (body): Trick => ({ label: `DELETE body ${JSON.stringify(body)}`, run: () => call("DELETE", one, { body }), expect: "own", a: [one, null] }),
      ),
      { label: "PUT ?userId=B&voteId=…", run: () => call("PUT", one, { body: { decision: "ship" }, query: `?userId=${b.user.id}&voteId=${bVoteId}&slug=${two}` }), expect: "own", a: [one, "SHIP"] },
      { label: "DELETE ?userId=B", run: () => call("DELETE", two, { query: `?userId=${b.user.id}&user=${b.user.id}` }), expect: "own", a: [two, null] },
      {
        label: "PUT with x-user-id / authorization: B",
        run: () => call("PUT", three, { body: { decision: "ship" }, headers: { "x-user-id": b.user.id, "x-forwarded-user": b.user.email!, authorization: `Bearer ${b.sessionToken}` } }),
        expect: "own",
        a: [three, "SHIP"],
      },
      {
        label: "PUT with B's token under other cookie names",
        run: () =>
          call("PUT", two, {
            body: { decision: "ship" },
            cookie: `next-auth.session-token=${b.sessionToken}; authjs.session-token.0=${b.sessionToken}; userId=${b.user.id}; ${a.cookie}`,
          }),
        expect: "own",
        a: [two, "SHIP"],
      },
      // The server actions, with the real getCurrentUser reading A's session cookie.
      ...slugTricks.map((slug): Trick => ({ label: `voteAction slug ${JSON.stringify(slug)}`, run: () => voteAction(slug, null), expect: "refused" })),
      { label: "voteAction({slug,userId})", run: () => voteAction({ slug: one, userId: b.user.id }, "skip"), expect: "refused" },
      { label: "voteAction(slug, {decision,userId})", run: () => voteAction(one, { decision: "skip", userId: b.user.id }), expect: "refused" },
      { label: "voteAction(slug, null, {userId})", run: () => (voteAction as (...args: unknown[]) => Promise<{ ok: boolean }>)(one, null, { userId: b.user.id, voteId: bVoteId }), expect: "own", a: [one, null] },
      { label: "voteFormAction withdraw + B's ids", run: async () => (await voteFormAction(form({ tool: two, decision: "withdraw", ...form4 })), null), expect: "own", a: [two, null] },
      { label: "voteFormAction ship + B's ids", run: async () => (await voteFormAction(form({ tool: three, decision: "ship", ...form4 })), null), expect: "own", a: [three, "SHIP"] },
      { label: "voteFormAction two tool fields", run: async () => (await voteFormAction(form({ tool: [one.toUpperCase(), one], decision: "withdraw", ...form4 })), null), expect: "refused" },
      { label: "voteFormAction tool=B's vote id", run: async () => (await voteFormAction(form({ tool: bVoteId, decision: "withdraw", ...form4 })), null), expect: "refused" },
    ];

    request.headers = new Headers({ cookie: a.cookie, host: "localhost:3000" });
    const tally = { refused: 0, own: 0 };
    let reset = true;
    for (const trick of tricks) {
      // A starts every trick with "skip" on each tool, so a withdrawal has something of A's to remove.
      if (reset) for (const slug of [one, two, three]) await call("PUT", slug, { body: { decision: "skip" } });
      reset = trick.expect === "own";
      const aBefore = await rowsOf(`SELECT * FROM "Vote" WHERE "userId" = $1`, a.user.id);
      const before = await othersThanA();
      const result = await trick.run();
      expect(await othersThanA(), trick.label).toEqual(before);
      expect(await rowsOf(`SELECT * FROM "Vote" WHERE "userId" = $1`, b.user.id), trick.label).toEqual(bRows);
      if (result instanceof Response) {
        if (trick.expect === "refused") {
          expect(result.status, trick.label).toBe(trick.status);
        } else {
          expect(result.status, trick.label).toBe(200);
          const { data } = (await result.json()) as { data: { tool: string; vote: "ship" | "skip" | null } };
          const own = await client.vote.findFirst({ where: { userId: a.user.id, tool: { slug: data.tool } } });
          expect(own ? own.decision.toLowerCase() : null, trick.label).toBe(data.vote);
        }
      } else if (result) {
        expect(result.ok, trick.label).toBe(trick.expect === "own");
      }
      const aAfter = await rowsOf(`SELECT * FROM "Vote" WHERE "userId" = $1`, a.user.id);
      if (trick.expect === "refused") expect(aAfter, trick.label).toEqual(aBefore);
      if (trick.a) {
        const [slug, decision] = trick.a;
        const own = await client.vote.findFirst({ where: { userId: a.user.id, tool: { slug } } });
        expect(own?.decision ?? null, `${trick.label}: A's own vote on ${slug}`).toBe(decision);
      }
      tally[trick.expect]++;
    }
    console.log(`authz: ${tricks.length} vote tricks with A's session (${tally.refused} refused, ${tally.own} applied to A only); B's ${bRows.length} vote rows byte-for-byte unchanged`);
  });
});

// ------------------------------------------------------------------------------------------
describe("2. a role change applies on the very next request", () => {
  it("route handler: STAFF 200 → demoted 403 → promoted 200, with the same session cookie", async () => {
    const staff = await createSignedInUser(client, { role: "STAFF" });
    const get = () => csvRoute(new Request(`${SITE}/api/admin/newsletter/subscribers.csv`, { headers: { cookie: staff.cookie } }));
    const statuses: number[] = [];
    for (const role of ["STAFF", "USER", "STAFF", "ADMIN", "USER"] as const) {
      await client.user.update({ where: { id: staff.user.id }, data: { role } });
      statuses.push((await get()).status);
    }
    expect(statuses).toEqual([200, 403, 200, 200, 403]);
    console.log(`authz: CSV export across STAFF→USER→STAFF→ADMIN→USER on one cookie: ${statuses.join(" → ")}`);
  });

  it("server action (real getCurrentUser → Auth.js database session): a demoted ADMIN is refused on the next call", async () => {
    const admin = await createSignedInUser(client, { role: "ADMIN" });
    const target = await createSignedInUser(client);
    const setRole = (role: "USER" | "STAFF") => setRoleAction({}, form({ userId: target.user.id, role }));
    const outcome = async (role: "USER" | "STAFF") => {
      try {
        return JSON.stringify(await setRole(role));
      } catch (error) {
        if (error instanceof Forbidden) return "forbidden";
        if (error instanceof Redirected) return `redirect ${error.message}`;
        throw error;
      }
    };
    const targetRole = async () => (await client.user.findUniqueOrThrow({ where: { id: target.user.id } })).role;
    const audits = () => client.auditLog.count({ where: { action: "user.role", entityId: target.user.id } });

    // Signed out (no cookie): the action sends to sign-in, so getCurrentUser is really reading the request.
    request.headers = new Headers({ host: "localhost:3000" });
    expect(await outcome("STAFF")).toBe("redirect /signin?callbackUrl=%2Fadmin%2Fusers");

    // Called by the client router (it sends Next-Action with every call).
    request.headers = new Headers({ cookie: admin.cookie, host: "localhost:3000", "next-action": "00" });
    expect(await outcome("STAFF")).toBe(JSON.stringify({ ok: "Staff access granted." }));
    expect(await targetRole()).toBe("STAFF");
    expect(await audits()).toBe(1);

    await client.user.update({ where: { id: admin.user.id }, data: { role: "USER" } });
    expect(await outcome("USER")).toBe("forbidden");
    expect(await targetRole()).toBe("STAFF");
    expect(await audits()).toBe(1);

    await client.user.update({ where: { id: admin.user.id }, data: { role: "STAFF" } });
    expect(await outcome("USER")).toBe("forbidden");
    // The same form posted without JavaScript: sent to its page (whose guard answers 403 with the
    // whole site), never forbidden() inside the action, which Next renders without the root layout.
    request.headers = new Headers({ cookie: admin.cookie, host: "localhost:3000" });
    expect(await outcome("USER")).toBe("redirect /admin/users");
    expect(await targetRole()).toBe("STAFF");
    request.headers = new Headers({ cookie: admin.cookie, host: "localhost:3000", "next-action": "00" });

    await client.user.update({ where: { id: admin.user.id }, data: { role: "ADMIN" } });
    expect(await outcome("USER")).toBe(JSON.stringify({ ok: "Staff access revoked." }));
    expect(await targetRole()).toBe("USER");
    expect(await audits()).toBe(2);

    // A deleted session is nobody, at once.
    await client.session.delete({ where: { sessionToken: admin.sessionToken } });
    expect(await outcome("STAFF")).toMatch(/^redirect \/signin/);
    console.log("authz: setRoleAction as ADMIN ok → demoted USER forbidden → STAFF forbidden → ADMIN ok → session deleted → sign-in");
  });
});

// ------------------------------------------------------------------------------------------
describe("3. every state-changing route handler refuses signed-out and cross-site writes", () => {
  const WRITE_METHODS = ["POST", "PUT", "PATCH", "DELETE"] as const;

  async function routeFiles(dir = path.join(root, "app")): Promise<string[]> {
    const found: string[] = [];
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) found.push(...(await routeFiles(full)));
      else if (/^route\.(ts|tsx|js|mjs)$/.test(entry.name)) found.push(path.relative(root, full));
    }
    return found.sort();
  }

  type Refusal = { label: string; request: () => Request; status: number; code?: string; locationIncludes?: string };
  type Spec = {
    /** Which tables a refusal may still touch, and why. */
    mayWrite?: string[];
    /** The route's params, read when the request is sent. */
    params?: () => Record<string, string>;
    refusals: () => Promise<Refusal[]>;
    /** The same request done right succeeds: the refusals above are not an accident. */
    control: () => Promise<{ request: Request; status: number }>;
  };

  let alice: Awaited<ReturnType<typeof createSignedInUser>>;
  /** A listed tool to vote on. */
  let votable: Tool;
  const evil = "https://evil.example";
  const json = (body: unknown) => JSON.stringify(body);

  /** The three refusals the brief asks for, on one request shape. */
  function standard(method: string, url: string, body: string | undefined, options: { sessionRequired: boolean }): Refusal[] {
    const base = (headers: Record<string, string>) => () => new Request(url, { method, body, headers: { "content-type": "application/json", ...headers } });
    return [
      ...(options.sessionRequired ? [{ label: "signed out", request: base({ origin: SITE }), status: 401, code: "unauthenticated" }] : []),
      { label: "Origin: https://evil.example", request: base({ origin: evil, cookie: alice.cookie }), status: 403, code: "cross_site_request" },
      { label: "Sec-Fetch-Site: cross-site, no Origin", request: base({ "sec-fetch-site": "cross-site", cookie: alice.cookie }), status: 403, code: "cross_site_request" },
      { label: "Sec-Fetch-Site: same-site, no Origin", request: base({ "sec-fetch-site": "same-site", cookie: alice.cookie }), status: 403, code: "cross_site_request" },
      { label: "Origin: null (sandboxed frame)", request: base({ origin: "null", cookie: alice.cookie }), status: 403, code: "cross_site_request" },
      { label: "Origin on another port", request: base({ origin: "http://localhost:3001", cookie: alice.cookie }), status: 403, code: "cross_site_request" },
    ];
  }

  async function authCsrf(): Promise<{ token: string; cookie: string }> {
    const { GET } = await import("@/app/api/auth/[...nextauth]/route");
    const response = await GET(new NextRequest(`${SITE}/api/auth/csrf`));
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    const cookie = response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    return { token: csrfToken, cookie };
  }

  async function newsletterTokens() {
    const subscriber = await client.newsletterSubscriber.create({
      data: { email: `oneclick-${randomBytes(4).toString("hex")}@example.test`, status: "CONFIRMED", confirmedAt: new Date() },
    });
    const make = async (purpose: "CONFIRM" | "UNSUBSCRIBE", expiresAt: Date) => {
      const token = randomBytes(32).toString("base64url");
      await client.newsletterToken.create({ data: { subscriberId: subscriber.id, purpose, tokenHash: hashToken(token), expiresAt } });
      return token;
    };
    const later = new Date(Date.now() + 86_400_000);
    return {
      subscriber,
      valid: await make("UNSUBSCRIBE", later),
      confirm: await make("CONFIRM", later),
      expired: await make("UNSUBSCRIBE", new Date(Date.now() - 1000)),
    };
  }

  /** Bob's reason on the votable tool, for Alice to mark or report (and Bob to try on his own). */
  let bob: Awaited<ReturnType<typeof createSignedInUser>> | undefined;
  let bobsReason = "";
  async function reasonOfBob(): Promise<string> {
    if (!bob) {
      bob = await createSignedInUser(client);
      const { setVote } = await import("@/lib/votes/writes");
      bobsReason = (await setVote(bob.user.id, votable.slug, "ship", "Bob's own reason.")).reason!.id;
    }
    return bobsReason;
  }
  const reasonUrl = (id: string, what: "helpful" | "report") => `${SITE}/api/reasons/${id}/${what}`;

  /** A tool suggestion nobody has made (a fresh name and host each time). */
  const suggestionBody = async () => {
    const word = randomBytes(8).toString("hex").replace(/[0-9]/g, (digit) => "ghijklmnop"[Number(digit)]!);
    const category = (await client.category.findFirstOrThrow({ select: { slug: true } })).slug;
    return { name: word, website: `${word}.example`, category, pitch: "Suggested in the authorisation test." };
  };

  const SPECS: Record<string, Spec> = {
    "app/api/tools/[slug]/vote/route.ts#PUT": {
      params: () => ({ slug: votable.slug }),
      refusals: async () => standard("PUT", `${SITE}/api/tools/${votable.slug}/vote`, json({ decision: "ship" }), { sessionRequired: true }),
      control: async () => ({
        request: new Request(`${SITE}/api/tools/${votable.slug}/vote`, { method: "PUT", body: json({ decision: "ship" }), headers: { "content-type": "application/json", origin: SITE, cookie: alice.cookie } }),
        status: 200,
      }),
    },
    "app/api/tools/[slug]/vote/route.ts#DELETE": {
      params: () => ({ slug: votable.slug }),
      refusals: async () => standard("DELETE", `${SITE}/api/tools/${votable.slug}/vote`, undefined, { sessionRequired: true }),
      control: async () => ({ request: new Request(`${SITE}/api/tools/${votable.slug}/vote`, { method: "DELETE", headers: { origin: SITE, cookie: alice.cookie } }), status: 200 }),
    },
    // Following (docs/decisions/037): signed in, same site; the PUT's control follows, the DELETE's unfollows.
    // A reader's tool suggestion (docs/decisions/041): signed in, same site.
    "app/api/suggestions/route.ts#POST": {
      params: () => ({}),
      refusals: async () => standard("POST", `${SITE}/api/suggestions`, json(await suggestionBody()), { sessionRequired: true }),
      control: async () => ({
        request: new Request(`${SITE}/api/suggestions`, { method: "POST", body: json(await suggestionBody()), headers: { "content-type": "application/json", origin: SITE, cookie: alice.cookie } }),
        status: 201,
      }),
    },
    "app/api/tools/[slug]/follow/route.ts#PUT": {
      params: () => ({ slug: votable.slug }),
      refusals: async () => standard("PUT", `${SITE}/api/tools/${votable.slug}/follow`, undefined, { sessionRequired: true }),
      control: async () => ({ request: new Request(`${SITE}/api/tools/${votable.slug}/follow`, { method: "PUT", headers: { origin: SITE, cookie: alice.cookie } }), status: 200 }),
    },
    "app/api/tools/[slug]/follow/route.ts#DELETE": {
      params: () => ({ slug: votable.slug }),
      refusals: async () => standard("DELETE", `${SITE}/api/tools/${votable.slug}/follow`, undefined, { sessionRequired: true }),
      control: async () => ({ request: new Request(`${SITE}/api/tools/${votable.slug}/follow`, { method: "DELETE", headers: { origin: SITE, cookie: alice.cookie } }), status: 200 }),
    },
    // Helpful marks: signed in, same site, and never on one's own reason. Then taking the mark back.
    "app/api/reasons/[id]/helpful/route.ts#PUT": {
      // Bob's try on his own reason is refused after it spent one of his vote-budget points.
      mayWrite: ["rate_limits"],
      params: () => ({ id: bobsReason }),
      refusals: async () => {
        const id = await reasonOfBob();
        return [
          ...standard("PUT", reasonUrl(id, "helpful"), undefined, { sessionRequired: true }),
          { label: "Bob on his own reason", request: () => new Request(reasonUrl(id, "helpful"), { method: "PUT", headers: { origin: SITE, cookie: bob!.cookie } }), status: 403, code: "forbidden" },
        ];
      },
      control: async () => ({ request: new Request(reasonUrl(bobsReason, "helpful"), { method: "PUT", headers: { origin: SITE, cookie: alice.cookie } }), status: 200 }),
    },
    "app/api/reasons/[id]/helpful/route.ts#DELETE": {
      params: () => ({ id: bobsReason }),
      refusals: async () => standard("DELETE", reasonUrl(await reasonOfBob(), "helpful"), undefined, { sessionRequired: true }),
      control: async () => ({ request: new Request(reasonUrl(bobsReason, "helpful"), { method: "DELETE", headers: { origin: SITE, cookie: alice.cookie } }), status: 200 }),
    },
    "app/api/reasons/[id]/report/route.ts#POST": {
      mayWrite: ["rate_limits"],
      params: () => ({ id: bobsReason }),
      refusals: async () => {
        const id = await reasonOfBob();
        const post = (body: unknown, cookie: string) => () =>
          new Request(reasonUrl(id, "report"), { method: "POST", body: json(body), headers: { "content-type": "application/json", origin: SITE, cookie } });
        return [
          ...standard("POST", reasonUrl(id, "report"), json({ category: "spam" }), { sessionRequired: true }),
          { label: "Bob on his own reason", request: post({ category: "spam" }, bob!.cookie), status: 403, code: "forbidden" },
          { label: "Alice with Bob's user id in the body", request: post({ category: "spam", userId: bob!.user.id }, alice.cookie), status: 400, code: "invalid_request" },
        ];
      },
      control: async () => ({
        request: new Request(reasonUrl(bobsReason, "report"), { method: "POST", body: json({ category: "abuse" }), headers: { "content-type": "application/json", origin: SITE, cookie: alice.cookie } }),
        status: 201,
      }),
    },
    // Deleting an account: a signed-in reader of its own, same-site, with the account's email typed as confirmation.
    "app/api/account/route.ts#DELETE": (() => {
      let leaver: Awaited<ReturnType<typeof createSignedInUser>>;
      const remove = (body: unknown, headers: Record<string, string>) => () =>
        new Request(`${SITE}/api/account`, { method: "DELETE", body: json(body), headers: { "content-type": "application/json", ...headers } });
      return {
        refusals: async () => {
          leaver = await createSignedInUser(client);
          const body = { confirm: leaver.user.email };
          return [
            { label: "signed out", request: remove(body, { origin: SITE }), status: 401, code: "unauthenticated" },
            { label: "Origin: https://evil.example", request: remove(body, { origin: evil, cookie: leaver.cookie }), status: 403, code: "cross_site_request" },
            { label: "Sec-Fetch-Site: cross-site, no Origin", request: remove(body, { "sec-fetch-site": "cross-site", cookie: leaver.cookie }), status: 403, code: "cross_site_request" },
            { label: "Sec-Fetch-Site: same-site, no Origin", request: remove(body, { "sec-fetch-site": "same-site", cookie: leaver.cookie }), status: 403, code: "cross_site_request" },
            { label: "Origin: null (sandboxed frame)", request: remove(body, { origin: "null", cookie: leaver.cookie }), status: 403, code: "cross_site_request" },
            { label: "Origin on another port", request: remove(body, { origin: "http://localhost:3001", cookie: leaver.cookie }), status: 403, code: "cross_site_request" },
            { label: "same site, another account's email as confirmation", request: remove({ confirm: alice.user.email }, { origin: SITE, cookie: leaver.cookie }), status: 400, code: "confirmation_mismatch" },
            { label: "same site, Alice's email with Alice's id", request: remove({ confirm: alice.user.email, userId: alice.user.id }, { origin: SITE, cookie: leaver.cookie }), status: 400, code: "invalid_request" },
          ];
        },
        control: async () => ({ request: remove({ confirm: leaver.user.email }, { origin: SITE, cookie: leaver.cookie })(), status: 200 }),
      };
    })(),
    // Public (visitors subscribe), so no 401: the origin checks and the absence of any write are what matter.
    "app/api/newsletter/route.ts#POST": {
      refusals: async () => standard("POST", `${SITE}/api/newsletter`, json({ email: "victim@example.test" }), { sessionRequired: false }),
      control: async () => ({
        request: new Request(`${SITE}/api/newsletter`, { method: "POST", body: json({ email: "control@example.test" }), headers: { "content-type": "application/json", origin: SITE, "x-forwarded-for": "192.0.2.1" } }),
        status: 202,
      }),
    },
    // RFC 8058: cross-site by design; the single-use UNSUBSCRIBE token is the authorisation.
    "app/api/newsletter/unsubscribe/route.ts#POST": (() => {
      let tokens: Awaited<ReturnType<typeof newsletterTokens>> | undefined;
      const post = (token: string | null, headers: Record<string, string>) => () =>
        new Request(`${SITE}/api/newsletter/unsubscribe${token === null ? "" : `?token=${encodeURIComponent(token)}`}`, {
          method: "POST",
          body: "List-Unsubscribe=One-Click",
          headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
        });
      return {
        refusals: async () => {
          tokens = await newsletterTokens();
          return [
            { label: "no token (cross-site)", request: post(null, { origin: evil }), status: 404, code: "not_found" },
            { label: "forged token, Origin: evil", request: post(randomBytes(32).toString("base64url"), { origin: evil, cookie: alice.cookie }), status: 404, code: "not_found" },
            { label: "CONFIRM token, Sec-Fetch-Site: cross-site", request: post(tokens.confirm, { "sec-fetch-site": "cross-site" }), status: 404, code: "not_found" },
            { label: "expired UNSUBSCRIBE token", request: post(tokens.expired, { origin: evil }), status: 404, code: "not_found" },
            { label: "a session instead of a token", request: post(null, { origin: SITE, cookie: alice.cookie }), status: 404, code: "not_found" },
            { label: "token of the wrong shape", request: post("../../admin", { origin: evil }), status: 404, code: "not_found" },
          ];
        },
        control: async () => ({ request: post(tokens!.valid, { origin: "https://mail.example.com" })(), status: 200 }),
      };
    })(),
    // The follow digest's one-click "unfollow every tool" (docs/decisions/037): the HMAC signature is the only proof.
    "app/api/follows/unfollow/route.ts#POST": (() => {
      let link = { u: "", sig: "" };
      let toolSig = "";
      const post = (query: string, headers: Record<string, string>) => () =>
        new Request(`${SITE}/api/follows/unfollow${query}`, {
          method: "POST",
          body: "List-Unsubscribe=One-Click",
          headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
        });
      return {
        refusals: async () => {
          const { newFollowKey, unfollowSignature } = await import("@/lib/follows/tokens");
          const key = newFollowKey();
          const follower = await createSignedInUser(client);
          await client.user.update({ where: { id: follower.user.id }, data: { followKey: key } });
          await client.follow.create({ data: { userId: follower.user.id, toolId: votable.id } });
          link = { u: follower.user.id, sig: unfollowSignature(key, null) };
          toolSig = unfollowSignature(key, votable.slug);
          return [
            { label: "no link (cross-site)", request: post("", { origin: evil }), status: 404, code: "not_found" },
            { label: "forged signature", request: post(`?u=${link.u}&sig=${randomBytes(32).toString("base64url")}`, { origin: evil }), status: 404, code: "not_found" },
            { label: "another reader's id with this signature", request: post(`?u=${alice.user.id}&sig=${link.sig}`, { origin: evil }), status: 404, code: "not_found" },
            { label: "a one-tool link's signature for everything", request: post(`?u=${link.u}&sig=${toolSig}`, { origin: evil }), status: 404, code: "not_found" },
            { label: "a session instead of a link", request: post("", { origin: SITE, cookie: alice.cookie }), status: 404, code: "not_found" },
          ];
        },
        control: async () => ({ request: post(`?u=${link.u}&sig=${link.sig}`, { origin: "https://mail.example.com" })(), status: 200 }),
      };
    })(),
    // Auth.js: a POST from another site is refused (403) before anything runs, so it spends no one's
    // sign-in limit; a same-site POST without Auth.js's double-submit CSRF token is refused by Auth.js.
    "app/api/auth/[...nextauth]/route.ts#POST": {
      params: () => ({}),
      refusals: async () => {
        const { token, cookie } = await authCsrf();
        const post = (action: string, fields: Record<string, string>, headers: Record<string, string>) => () =>
          new NextRequest(`${SITE}/api/auth/${action}`, {
            method: "POST",
            body: new URLSearchParams(fields).toString(),
            headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
          });
        const csrfError = "error=MissingCSRF";
        return [
          { label: "sign-in link, signed out, no CSRF token", request: post("signin/nodemailer", { email: "victim@example.test" }, { origin: SITE }), status: 302, locationIncludes: csrfError },
          { label: "sign-in link, same site, forged CSRF token", request: post("signin/nodemailer", { email: "victim@example.test", csrfToken: "forged" }, { origin: SITE, cookie: alice.cookie }), status: 302, locationIncludes: csrfError },
          { label: "sign-in link, Origin: evil, forged CSRF token", request: post("signin/nodemailer", { email: "victim@example.test", csrfToken: "forged" }, { origin: evil, cookie: alice.cookie }), status: 403, code: "cross_site_request" },
          { label: "sign-in link, cross-site, token without its cookie", request: post("signin/nodemailer", { email: "victim@example.test", csrfToken: token }, { "sec-fetch-site": "cross-site", cookie: alice.cookie }), status: 403, code: "cross_site_request" },
          { label: "sign-out, Origin: evil, no CSRF token", request: post("signout", {}, { origin: evil, cookie: alice.cookie }), status: 403, code: "cross_site_request" },
          { label: "sign-out, Sec-Fetch-Site: cross-site, forged token", request: post("signout", { csrfToken: "x" }, { "sec-fetch-site": "cross-site", cookie: `${alice.cookie}; ${cookie.replace(/=[^;]*/, "=forged")}` }), status: 403, code: "cross_site_request" },
        ];
      },
      control: async () => {
        const { token, cookie } = await authCsrf();
        return {
          request: new NextRequest(`${SITE}/api/auth/signin/nodemailer`, {
            method: "POST",
            body: new URLSearchParams({ email: "control@example.test", csrfToken: token }).toString(),
            headers: { "content-type": "application/x-www-form-urlencoded", origin: SITE, cookie },
          }),
          status: 302,
        };
      },
    },
    // Benchmark baseline: exists only while BENCH_TOKEN is set, and needs that token in a custom header
    // (which a cross-site page cannot send without a CORS preflight).
    "app/api/bench/vote-baseline/route.ts#PUT": (() => {
      const put = (headers: Record<string, string>) => () =>
        new Request(`${SITE}/api/bench/vote-baseline`, {
          method: "PUT",
          body: json({ userId: alice.user.id, slug: votable.slug, decision: "skip" }),
          headers: { "content-type": "application/json", ...headers },
        });
      return {
        refusals: async () => [
          { label: "signed out", request: put({ origin: SITE }), status: 404 },
          { label: "Origin: evil, with a session", request: put({ origin: evil, cookie: alice.cookie }), status: 404 },
          { label: "Sec-Fetch-Site: cross-site, guessed token", request: put({ "sec-fetch-site": "cross-site", cookie: alice.cookie, "x-bench-token": "x".repeat(40) }), status: 404 },
        ],
        control: async () => ({ request: put({ "x-bench-token": BENCH_TOKEN })(), status: 200 }),
      };
    })(),
  };

  it("the write handlers are found in app/**, and each has a refusal spec", async () => {
    const found: string[] = [];
    for (const file of await routeFiles()) {
      const exported = (await import(`@/${file.replace(/\.(ts|tsx|js|mjs)$/, "")}`)) as Record<string, unknown>;
      for (const method of WRITE_METHODS) if (typeof exported[method] === "function") found.push(`${file}#${method}`);
    }
    expect(found.sort(), "a write handler without an entry in SPECS (add its refusals)").toEqual(Object.keys(SPECS).sort());
  });

  it("each refuses as expected, writes nothing, and the same request done right succeeds", async () => {
    alice = await createSignedInUser(client);
    votable = await createTool(client);
    // Auth.js logs each refused CSRF check; those lines are expected here.
    const originalError = console.error;
    const quiet = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
      if (!/MissingCSRF|validateCSRF/.test(args.map(String).join(" "))) originalError(...args);
    });
    outbox.length = 0;
    let refusals = 0;
    const lines: string[] = [];
    for (const [key, spec] of Object.entries(SPECS)) {
      const [file, method] = key.split("#") as [string, string];
      const handler = ((await import(`@/${file.replace(/\.ts$/, "")}`)) as Record<string, Handler>)[method]!;
      const cases = await spec.refusals();
      // After the refusals are set up: they may create what the params name (a reason to mark).
      const context = { params: Promise.resolve(spec.params?.() ?? {}) };
      const before = await fingerprint(spec.mayWrite);
      for (const refusal of cases) {
        const response = await handler(refusal.request(), context);
        expect(response.status, `${key}: ${refusal.label}`).toBe(refusal.status);
        if (refusal.code) expect(((await response.json()) as { error: { code: string } }).error.code, `${key}: ${refusal.label}`).toBe(refusal.code);
        if (refusal.locationIncludes) expect(response.headers.get("location"), `${key}: ${refusal.label}`).toContain(refusal.locationIncludes);
        expect(await fingerprint(spec.mayWrite), `${key}: ${refusal.label} wrote something`).toEqual(before);
        refusals++;
      }
      const control = await spec.control();
      const response = await handler(control.request, context);
      expect(response.status, `${key}: control`).toBe(control.status);
      expect(await fingerprint(spec.mayWrite), `${key}: the control request should have written`).not.toEqual(before);
      lines.push(`${key} ${cases.length}`);
    }
    quiet.mockRestore();
    // Only the control requests queued an email: the sign-in link and the newsletter's confirmation.
    expect(outbox.map((mail) => `${mail.kind} ${mail.to}`).sort()).toEqual(["newsletter control@example.test", "sign-in control@example.test"]);
    // The sign-out attempts left Alice signed in.
    expect(await client.session.count({ where: { sessionToken: alice.sessionToken } })).toBe(1);
    console.log(`authz: ${Object.keys(SPECS).length} write handlers, ${refusals} refusals (≥3 each), 0 writes; each control request succeeded`);
  });
});
