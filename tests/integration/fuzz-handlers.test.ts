import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { comparisonDetailResponse } from "@/lib/comparisons/schema";
import { findCounterDrift } from "@/lib/stats/reconcile";
import { toolDetailResponse, toolListResponse, toolScoresResponse } from "@/lib/tools/schema";
import { createSignedInUser } from "../helpers/auth";
import { createCategory, createComparison, createTool } from "../helpers/factories";
import {
  changedTables,
  contentType,
  expectClientError,
  fingerprint,
  fuzzParameters,
  headerSafe,
  hugeString,
  malformedJsonText,
  nastyString,
  newTally,
  queryString,
  record,
  slugTrick,
  summarise,
  urlSegment,
  wrongJson,
  type Fingerprint,
  type FuzzTally,
} from "../helpers/fuzz";

/**
 * Hardening: bad input never breaks a route handler. fast-check sends
 * thousands of generated requests — wrong JSON types, huge strings, unicode,
 * NULs, lone surrogates, extra fields, malformed JSON, wrong content types,
 * path tricks in slugs, query-string junk, forged cookies and origins — to
 * every handler under app/ (and the OG images). Every answer must be a 4xx
 * (the JSON API with its standard error body), a redirect, or — for a read
 * whose input happens to be valid — a 2xx; never a 5xx or a thrown error.
 * Afterwards the database must equal what it was plus exactly the writes the
 * valid requests made (votes, subscriptions, audited CSV exports).
 *
 * Not sent through a server: the handlers are called directly, so limits a
 * server or proxy enforces before them (body size, header syntax) are not
 * exercised; header values are kept to what fetch can send at all.
 */

// Subscribing sends its email from `after()`, which needs a Next request scope: dropped here (emails are tested in newsletter.test.ts).
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), after: () => undefined }));

// Env is read once, on first import: set it before any app module loads.
const SITE = "http://localhost:3000";
process.env.SITE_URL = SITE;
process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
// Generous limits, so generated input reaches validation and the database instead of stopping at 429.
process.env.RATE_LIMIT_VOTES = "1000000/60";
process.env.RATE_LIMIT_NEWSLETTER_IP = "1000000/3600";
process.env.RATE_LIMIT_NEWSLETTER_EMAIL = "1000000/3600";
process.env.RATE_LIMIT_SIGNIN_IP = "1000000/3600";
process.env.RATE_LIMIT_SIGNIN_EMAIL = "1000000/3600";
process.env.RATE_LIMIT_SIGNIN_TOTAL = "1000000/3600";
process.env.RATE_LIMIT_NEWSLETTER_TOTAL = "1000000/3600";
process.env.RATE_LIMIT_SUGGESTIONS = "1000000/3600";
delete process.env.BENCH_TOKEN;

const { NextRequest } = await import("next/server");
const { GET: listToolsRoute } = await import("@/app/api/tools/route");
const { GET: toolRoute } = await import("@/app/api/tools/[slug]/route");
const { PUT: voteRoute, DELETE: withdrawRoute } = await import("@/app/api/tools/[slug]/vote/route");
const { GET: badgeRoute } = await import("@/app/api/tools/[slug]/badge.svg/route");
const { GET: comparisonRoute } = await import("@/app/api/comparisons/[slug]/route");
const { GET: liveRoute } = await import("@/app/api/live/route");
const { POST: subscribeRoute } = await import("@/app/api/newsletter/route");
const { POST: oneClickRoute } = await import("@/app/api/newsletter/unsubscribe/route");
const { GET: csvRoute } = await import("@/app/api/admin/newsletter/subscribers.csv/route");
const { GET: exportRoute } = await import("@/app/api/account/export/route");
const { DELETE: deleteAccountRoute } = await import("@/app/api/account/route");
const { userExportSchema } = await import("@/lib/users/schema");
const { setVote } = await import("@/lib/votes/writes");
const { GET: authGet, POST: authPost } = await import("@/app/api/auth/[...nextauth]/route");
const { PUT: benchRoute } = await import("@/app/api/bench/vote-baseline/route");
const { POST: suggestRoute } = await import("@/app/api/suggestions/route");
const { suggestToolBodySchema } = await import("@/lib/suggestions/schema");
const { GET: feedRoute } = await import("@/app/feed.xml/route");
const { GET: healthRoute } = await import("@/app/api/health/route");
const { GET: livenessRoute } = await import("@/app/api/health/live/route");
const { default: toolImage } = await import("@/app/(site)/tools/[slug]/opengraph-image");
const { default: comparisonImage } = await import("@/app/(site)/compare/[slug]/opengraph-image");
const { stopDatabaseEvents } = await import("@/lib/db-events/listener");

type Signed = Awaited<ReturnType<typeof createSignedInUser>>;

let client: PrismaClient;
let voters: Signed[] = [];
let reader: Signed;
let staff: Signed;
let expired: Signed;
let allToolSlugs: string[] = [];
let listedSlugs: string[] = [];
let comparisonSlugs: string[] = [];
/** Published comparisons whose two tools are listed, by their unordered pair. */
let curatedPairs = new Map<string, string>();
let categorySlugs: string[] = [];
let before: Fingerprint;
let statsBefore = new Map<string, { panelShip: number; panelTotal: number; communityShip: number; communityTotal: number }>();

/** What the valid requests wrote, to compare the database against at the end. */
const expectedVotes = new Map<string, "SHIP" | "SKIP">(); // `${userId} ${slug}` → decision
const expectedSubscribers = new Set<string>();
let acceptedSubscribes = 0;
/** Suggestions POST /api/suggestions answered 201 for. */
let acceptedSuggestions = 0;
let csvExports = 0;

const tallies: Record<string, FuzzTally> = {};
const tally = (name: string) => (tallies[name] ??= newTally());
const report = (name: string) => {
  const t = tally(name);
  console.log(`fuzz: ${t.requests} ${name} requests, ${t.serverErrors} 5xx (${summarise(t.byStatus)})`);
};

beforeAll(async () => {
  client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 2 });
  voters = [await createSignedInUser(client), await createSignedInUser(client), await createSignedInUser(client)];
  reader = await createSignedInUser(client);
  staff = await createSignedInUser(client, { role: "STAFF" });
  expired = await createSignedInUser(client);
  await client.session.update({ where: { sessionToken: expired.sessionToken }, data: { expires: new Date(Date.now() - 1000) } });
  // A catalogue of this file's own (whatever the seed holds): listed tools, a published comparison and
  // a draft, and an archived tool (in a published comparison too), so "listed" and "exists" differ.
  const category = await createCategory(client);
  const [a, b, c] = [await createTool(client, { categoryId: category.id }), await createTool(client, { categoryId: category.id }), await createTool(client, { categoryId: category.id })];
  const archived = await createTool(client, { categoryId: category.id, archived: true });
  await createComparison(client, { toolA: a, toolB: b });
  await createComparison(client, { toolA: b, toolB: c, status: "DRAFT" });
  await createComparison(client, { toolA: c, toolB: archived });

  const tools = await client.tool.findMany({ select: { slug: true, archivedAt: true, stats: true }, orderBy: { slug: "asc" } });
  allToolSlugs = tools.map((tool) => tool.slug);
  listedSlugs = tools.filter((tool) => !tool.archivedAt).map((tool) => tool.slug);
  statsBefore = new Map(tools.map((tool) => [tool.slug, tool.stats!]));
  const comparisons = await client.comparison.findMany({ select: { slug: true, status: true, toolA: { select: { slug: true } }, toolB: { select: { slug: true } } } });
  comparisonSlugs = comparisons.map((c) => c.slug);
  curatedPairs = new Map(comparisons.filter((c) => c.status === "PUBLISHED").map((c) => [pairKey(c.toolA.slug, c.toolB.slug), c.slug]));
  categorySlugs = (await client.category.findMany({ select: { slug: true } })).map((c) => c.slug);
  expect(await client.vote.count()).toBe(0);
  before = await fingerprint(client);
});

afterAll(async () => {
  await stopDatabaseEvents();
  await client.$disconnect();
});

const pairKey = (a: string, b: string) => [a, b].sort().join(" ");

/** The canonical slug of the comparison page `slug` asks for (maybe itself), or null when there is none. */
function canonicalComparison(slug: string): string | null {
  const parts = slug.split("-vs-");
  if (parts.length !== 2) return null;
  const [a, b] = parts as [string, string];
  if (a === b || !listedSlugs.includes(a) || !listedSlugs.includes(b)) return null;
  return curatedPairs.get(pairKey(a, b)) ?? [a, b].sort().join("-vs-");
}

/** Calls a handler and tallies its status; a handler that throws instead of answering counts as a 500 (what Next would send). */
async function respond(name: string, send: () => Promise<Response> | Response): Promise<Response> {
  try {
    const response = await send();
    record(tally(name), response.status);
    return response;
  } catch (error) {
    record(tally(name), 500);
    throw error;
  }
}

const params = <T extends Record<string, string>>(value: T) => ({ params: Promise.resolve(value) });

// ---------------------------------------------------------------- shared request parts

type Choice = { header: string | undefined; ok: boolean };

/** Origin / Sec-Fetch-Site pairs with whether lib/http/origin.ts must let them through. */
const originArb: fc.Arbitrary<{ origin?: string; fetchSite?: string; ok: boolean }> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom({ origin: SITE, ok: true }, { ok: true }, { origin: `${SITE}/`, ok: true }, { origin: "HTTP://LOCALHOST:3000", ok: true }, { fetchSite: "same-origin", ok: true }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      { origin: "https://evil.example", ok: false },
      { origin: "http://localhost:3001", ok: false },
      { origin: "http://localhost:3000.evil.example", ok: false },
      { origin: "null", ok: false },
      { origin: "::::", ok: false },
      { fetchSite: "cross-site", ok: false },
      { fetchSite: "same-site", ok: false },
      { origin: "https://evil.example", fetchSite: "same-origin", ok: false },
    ),
  },
  { weight: 1, arbitrary: nastyString.map((junk) => headerSafe(junk)).filter((junk) => junk.trim() !== "").map((origin) => ({ origin, ok: sameSite(origin) })) },
);

function sameSite(origin: string): boolean {
  try {
    return new URL(origin).host === "localhost:3000";
  } catch {
    return false;
  }
}

/** Session cookies: the signed-in users' (ok), and every way of not being one. */
function cookieArb(users: Signed[]): fc.Arbitrary<Choice & { userId?: string }> {
  const user = fc.constantFrom(...users);
  return fc.oneof(
    { weight: 8, arbitrary: user.map((u) => ({ header: u.cookie, ok: true, userId: u.user.id })) },
    { weight: 1, arbitrary: user.map((u) => ({ header: `theme=dark; ${u.cookie}; x=%ZZ`, ok: true, userId: u.user.id })) },
    { weight: 1, arbitrary: user.map((u) => ({ header: `__Secure-authjs.session-token=${u.sessionToken}`, ok: true, userId: u.user.id })) },
    { weight: 1, arbitrary: fc.constant({ header: undefined, ok: false }) },
    { weight: 1, arbitrary: fc.constant({ header: expired.cookie, ok: false }) },
    { weight: 1, arbitrary: user.map((u) => ({ header: `authjs.session-token=${u.sessionToken.toUpperCase()}`, ok: false })) },
    { weight: 2, arbitrary: nastyString.map((junk) => ({ header: headerSafe(`authjs.session-token=${junk}`), ok: false })) },
    { weight: 2, arbitrary: nastyString.map((junk) => ({ header: `authjs.session-token=${urlSegment(junk)}`, ok: false })) },
    { weight: 1, arbitrary: nastyString.map((junk) => ({ header: headerSafe(junk) || undefined, ok: false })) },
    { weight: 1, arbitrary: hugeString.map((junk) => ({ header: `authjs.session-token=${"a".repeat(junk.length)}`, ok: false })) },
  );
}

/** A request body as sent (undefined: none) and the text a server would read from it. */
type Body = { init: BodyInit | undefined; text: string | null; contentType?: string };

function jsonBodyArb(valid: fc.Arbitrary<Record<string, unknown>>, fields: readonly string[]): fc.Arbitrary<Body> {
  const field = fc.constantFrom(...fields);
  const asJson = (value: unknown): Body => {
    const text = JSON.stringify(value) ?? "null";
    return { init: text, text };
  };
  return fc.oneof(
    { weight: 6, arbitrary: valid.map(asJson) },
    // A valid body plus unknown fields (refused: the schemas are strict).
    { weight: 2, arbitrary: fc.tuple(valid, fc.dictionary(nastyString, wrongJson, { minKeys: 1, maxKeys: 3 })).map(([body, extra]) => asJson({ ...extra, ...body })) },
    // A known field with a value of the wrong type, or a nasty/huge string.
    { weight: 3, arbitrary: fc.tuple(valid, field, fc.oneof(wrongJson, nastyString, hugeString)).map(([body, key, value]) => asJson({ ...body, [key]: value })) },
    // Fields missing.
    { weight: 1, arbitrary: fc.tuple(valid, field).map(([body, key]) => asJson(Object.fromEntries(Object.entries(body).filter(([k]) => k !== key)))) },
    // Not an object at all.
    { weight: 2, arbitrary: wrongJson.map(asJson) },
    // Not JSON at all.
    { weight: 2, arbitrary: malformedJsonText.map((text) => ({ init: text, text })) },
    // Form encodings of a valid body.
    { weight: 1, arbitrary: valid.map((body) => ({ init: new URLSearchParams(body as Record<string, string>).toString(), text: new URLSearchParams(body as Record<string, string>).toString() })) },
    {
      weight: 1,
      arbitrary: valid.map((body) => {
        const form = new FormData();
        for (const [key, value] of Object.entries(body)) form.set(key, String(value));
        return { init: form, text: null };
      }),
    },
    { weight: 1, arbitrary: fc.constant({ init: undefined, text: null }) },
  );
}

/** What `request.json()` of this body gives (the same parser as the handler), or undefined when it is not JSON. */
async function parsedJson(body: Body): Promise<unknown> {
  if (body.text === null) return undefined;
  try {
    return await new Response(body.text).json();
  } catch {
    return undefined;
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;

function headers(values: Record<string, string | undefined>): Headers {
  const result = new Headers();
  for (const [name, value] of Object.entries(values)) if (value !== undefined) result.set(name, value);
  return result;
}

// ---------------------------------------------------------------- public reads

describe("fuzzing the route handlers", () => {
  it("GET /api/tools: query-string junk answers 200 with a valid page or 400 invalid_request", async () => {
    // Each filter absent, plausible or junk, so that many requests pass validation and reach the search SQL; then extra junk pairs.
    const param = (name: string, plausible: fc.Arbitrary<string>, weights = { absent: 2, plausible: 3, junk: 1 }) =>
      fc.oneof(
        { weight: weights.absent, arbitrary: fc.constant("") },
        { weight: weights.plausible, arbitrary: plausible.map((value) => `${name}=${urlSegment(value)}`) },
        { weight: weights.junk, arbitrary: nastyString.map((value) => `${name}=${urlSegment(value)}`) },
      );
    const query = fc
      .tuple(
        param("q", fc.constantFrom("cursor", "stabel difusion", "transcripton", "code", "-", "'\"", "a & b | !c", "\"phrase", "or", "%_\\"), { absent: 1, plausible: 1, junk: 3 }),
        param("category", fc.constantFrom(...categorySlugs)),
        param("pricing", fc.constantFrom("free", "freemium", "paid", "usage", "open-weights")),
        param("sort", fc.constantFrom("name", "overall", "relevance", "newest", "panel", "community", "agreement")),
        param("page", fc.integer({ min: 1, max: 3 }).map(String)),
        param("pageSize", fc.integer({ min: 1, max: 100 }).map(String)),
        fc.oneof({ weight: 3, arbitrary: fc.constant("") }, { weight: 1, arbitrary: queryString(["q", "category", "pricing", "sort", "page", "pageSize"], nastyString) }),
      )
      .chain((parts) => fc.shuffledSubarray(parts, { minLength: parts.length }))
      .map((parts) => parts.filter(Boolean).join("&"));
    await fc.assert(
      fc.asyncProperty(query, async (search) => {
        const response = await respond("GET /api/tools", () => listToolsRoute(new Request(`${SITE}/api/tools?${search}`)));
        if (response.status === 200) {
          const body = toolListResponse.parse(await response.json());
          expect(body.data.length).toBeLessThanOrEqual(body.pageSize);
          expect(body.page).toBeGreaterThanOrEqual(1);
          expect(body.data.every((tool) => listedSlugs.includes(tool.slug))).toBe(true);
        } else {
          const error = await expectClientError(response, { what: `GET /api/tools?${search}` });
          expect(error!.error.code).toBe("invalid_request");
          expect(error!.error.issues?.length).toBeGreaterThan(0);
        }
      }),
      fuzzParameters(900),
    );
    report("GET /api/tools");
  });

  it("GET /api/tools/:slug: path tricks answer 404 not_found; only an exact tool slug answers 200", async () => {
    await fc.assert(
      fc.asyncProperty(slugTrick(allToolSlugs), async (slug) => {
        const response = await respond("GET /api/tools/:slug", () => toolRoute(new Request(`${SITE}/api/tools/${urlSegment(slug)}`), params({ slug })));
        if (response.status === 200) {
          expect(allToolSlugs).toContain(slug);
          expect(toolDetailResponse.parse(((await response.json()) as { data: unknown }).data).slug).toBe(slug);
        } else {
          expect(allToolSlugs).not.toContain(slug);
          expect(response.status).toBe(404);
          expect((await expectClientError(response, { what: `GET /api/tools/${JSON.stringify(slug)}` }))!.error.code).toBe("not_found");
        }
      }),
      fuzzParameters(600),
    );
    report("GET /api/tools/:slug");
  });

  it("GET /api/comparisons/:slug: path tricks answer 400/404 JSON, or 200/308 for a real pair", async () => {
    const slug = fc.oneof(slugTrick(comparisonSlugs), fc.tuple(slugTrick(listedSlugs), slugTrick(allToolSlugs)).map(([a, b]) => `${a}-vs-${b}`));
    await fc.assert(
      fc.asyncProperty(slug, async (value) => {
        const response = await respond("GET /api/comparisons/:slug", () => comparisonRoute(new Request(`${SITE}/api/comparisons/${urlSegment(value)}`), params({ slug: value })));
        const canonical = canonicalComparison(value);
        const what = `GET /api/comparisons/${JSON.stringify(value)}`;
        if (canonical === value) {
          expect(response.status, what).toBe(200);
          expect(comparisonDetailResponse.parse(((await response.json()) as { data: unknown }).data).slug).toBe(value);
        } else if (canonical) {
          expect(response.status, what).toBe(308);
          expect(response.headers.get("location")).toBe(`${SITE}/api/comparisons/${canonical}`);
        } else {
          const error = await expectClientError(response, { what });
          expect(error!.error.code).toBe(response.status === 400 ? "same_tool" : "not_found");
        }
      }),
      fuzzParameters(600),
    );
    report("GET /api/comparisons/:slug");
  });

  it("GET /api/tools/:slug/badge.svg: path tricks answer the 404 badge; a listed tool its badge", async () => {
    await fc.assert(
      fc.asyncProperty(slugTrick(allToolSlugs), async (slug) => {
        const response = await respond("GET badge.svg", () => badgeRoute(new Request(`${SITE}/api/tools/${urlSegment(slug)}/badge.svg`), params({ slug })));
        expect(response.status, JSON.stringify(slug)).toBe(listedSlugs.includes(slug) ? 200 : 404);
        expect(response.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
        expect(await response.text()).toMatch(/^<svg[\s\S]*<\/svg>$/);
      }),
      fuzzParameters(400),
    );
    report("GET badge.svg");
  });

  it("OG images of tools and comparisons: path tricks answer a plain 404; a real page its PNG", async () => {
    let rendered = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(slugTrick(allToolSlugs).map((slug) => ["tool", slug] as const), slugTrick(comparisonSlugs).map((slug) => ["comparison", slug] as const)), async ([kind, slug]) => {
        const response = await respond("OG image", () => (kind === "tool" ? toolImage : comparisonImage)({ params: Promise.resolve({ slug }) }));
        const valid = kind === "tool" ? allToolSlugs.includes(slug) : canonicalComparison(slug) === slug;
        expect(response.status, `${kind} ${JSON.stringify(slug)}`).toBe(valid ? 200 : 404);
        expect(response.headers.get("content-type")).toMatch(valid ? /^image\/png/ : /^text\/plain/);
        if (valid) rendered++;
        await response.body?.cancel();
      }),
      fuzzParameters(200),
    );
    report("OG image");
    console.log(`fuzz: ${rendered} OG images rendered for valid slugs`);
  });

  it("GET /api/live: query junk answers 400/404 JSON; a valid list opens a stream (closed at once)", async () => {
    const list = fc.array(fc.oneof(slugTrick(allToolSlugs), fc.constantFrom(...listedSlugs)), { maxLength: 30 }).map((slugs) => slugs.join(","));
    const query = queryString(["tools", "lastEventId", "Last-Event-ID"], fc.oneof({ weight: 3, arbitrary: list }, { weight: 1, arbitrary: fc.constantFrom(",,,", " , ", "cursor,,cursor", "cursor, CURSOR") }));
    await fc.assert(
      fc.asyncProperty(query, fc.option(nastyString.map(headerSafe)), async (search, lastEventId) => {
        const abort = new AbortController();
        const response = await respond("GET /api/live", () => liveRoute(new Request(`${SITE}/api/live?${search}`, { signal: abort.signal, headers: headers({ "last-event-id": lastEventId ?? undefined }) })));
        try {
          if (response.status === 200) {
            expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
            const tools = new URLSearchParams(search).getAll("tools").at(-1)?.split(",").map((s) => s.trim()) ?? [];
            expect(tools.some((slug) => listedSlugs.includes(slug))).toBe(true);
          } else {
            const error = await expectClientError(response, { what: `GET /api/live?${search}` });
            expect(["invalid_request", "not_found"]).toContain(error!.error.code);
          }
        } finally {
          abort.abort();
          await response.body?.cancel().catch(() => undefined);
        }
      }),
      fuzzParameters(300),
    );
    report("GET /api/live");
  });

  // ---------------------------------------------------------------- writes

  it("PUT/DELETE /api/tools/:slug/vote: only a signed-in, same-site, exactly valid vote on a listed tool is written", async () => {
    const decision = fc.constantFrom("ship", "skip");
    const body = jsonBodyArb(decision.map((d) => ({ decision: d })), ["decision"]);
    const input = fc.record({
      method: fc.constantFrom("PUT", "PUT", "PUT", "DELETE"),
      slug: fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...allToolSlugs) }, { weight: 3, arbitrary: slugTrick(allToolSlugs) }),
      cookie: cookieArb(voters),
      origin: originArb,
      type: fc.oneof({ weight: 4, arbitrary: fc.constant("application/json") }, { weight: 2, arbitrary: contentType }),
      body,
    });
    await fc.assert(
      fc.asyncProperty(input, async ({ method, slug, cookie, origin, type, body }) => {
        const sendType = body.init instanceof FormData ? undefined : type;
        const request = new Request(`${SITE}/api/tools/${urlSegment(slug)}/vote`, {
          method,
          headers: headers({ cookie: cookie.header, origin: origin.origin, "sec-fetch-site": origin.fetchSite, "content-type": sendType }),
          body: method === "PUT" ? body.init : undefined,
        });
        const response = await respond("PUT/DELETE vote", () => (method === "PUT" ? voteRoute : withdrawRoute)(request, params({ slug })));

        const json = method === "PUT" ? await parsedJson(body) : undefined;
        const validBody =
          method === "DELETE" ||
          ((sendType ?? "").toLowerCase().startsWith("application/json") &&
            isPlainObject(json) &&
            Object.keys(json).length === 1 &&
            (json.decision === "ship" || json.decision === "skip"));
        const valid = cookie.ok && origin.ok && listedSlugs.includes(slug) && validBody;
        const what = `${method} vote ${JSON.stringify({ slug, cookie: cookie.header?.slice(0, 80), origin, type: sendType, body: body.text?.slice(0, 200) })}`;
        if (response.status === 200) {
          expect(valid, `accepted an invalid vote: ${what}`).toBe(true);
          const { data } = (await response.json()) as { data: { tool: string; vote: string | null; scores: unknown } };
          const decisionSent = method === "PUT" ? ((json as { decision: string }).decision as "ship" | "skip") : null;
          expect(data.tool).toBe(slug);
          expect(data.vote).toBe(decisionSent);
          toolScoresResponse.parse(data.scores);
          const key = `${cookie.userId} ${slug}`;
          if (decisionSent) expectedVotes.set(key, decisionSent === "ship" ? "SHIP" : "SKIP");
          else expectedVotes.delete(key);
        } else {
          expect(valid && response.status !== 429, `refused a valid vote with ${response.status}: ${what}`).toBe(false);
          await expectClientError(response, { what });
        }
      }),
      fuzzParameters(1300),
    );
    report("PUT/DELETE vote");
  });

  it("POST /api/newsletter: only a same-site JSON { email } with a real address subscribes (202); all else is a 4xx", async () => {
    const goodEmail = fc
      .tuple(fc.stringMatching(/^[a-z0-9]{3,10}$/), fc.constantFrom("", " ", "\t", "  "), fc.boolean())
      .map(([local, pad, upper]) => {
        const email = `fuzz-${local}@example.test`;
        return `${pad}${upper ? email.toUpperCase() : email}${pad}`;
      });
    const valid = fc.oneof(
      { weight: 4, arbitrary: goodEmail.map((email) => ({ email })) },
      { weight: 1, arbitrary: fc.tuple(goodEmail, fc.oneof(fc.constant(""), nastyString)).map(([email, website]) => ({ email, website })) },
      { weight: 1, arbitrary: fc.emailAddress().map((email) => ({ email })) },
      { weight: 1, arbitrary: nastyString.map((email) => ({ email })) },
    );
    const input = fc.record({
      body: jsonBodyArb(valid, ["email", "website"]),
      origin: originArb,
      type: fc.oneof({ weight: 4, arbitrary: fc.constant("application/json") }, { weight: 2, arbitrary: contentType }),
      forwardedFor: fc.option(nastyString.map(headerSafe)),
    });
    await fc.assert(
      fc.asyncProperty(input, async ({ body, origin, type, forwardedFor }) => {
        const sendType = body.init instanceof FormData ? undefined : type;
        const response = await respond("POST /api/newsletter", () => subscribeRoute(
          new Request(`${SITE}/api/newsletter`, {
            method: "POST",
            headers: headers({ origin: origin.origin, "sec-fetch-site": origin.fetchSite, "content-type": sendType, "x-forwarded-for": forwardedFor ?? undefined }),
            body: body.init,
          }),
        ));
        const json = await parsedJson(body);
        const shapeOk =
          (sendType ?? "").toLowerCase().startsWith("application/json") &&
          origin.ok &&
          isPlainObject(json) &&
          Object.keys(json).every((key) => key === "email" || key === "website") &&
          typeof json.email === "string" &&
          (json.website === undefined || (typeof json.website === "string" && json.website.length <= 500));
        const what = `POST /api/newsletter ${JSON.stringify({ origin, type: sendType, body: body.text?.slice(0, 200) })}`;
        if (response.status === 202) {
          expect(shapeOk, `accepted an invalid subscription: ${what}`).toBe(true);
          const email = (json as { email: string }).email.trim().toLowerCase();
          expect(email).toMatch(/^[^\s@]+@[^\s@]+\.[^\s@]+$/);
          expect(email.length).toBeLessThanOrEqual(254);
          expect(await response.json()).toEqual({ status: "pending", message: expect.any(String) });
          if (!(json as { website?: string }).website) {
            expectedSubscribers.add(email);
            acceptedSubscribes++;
          }
        } else {
          const plainGood = shapeOk && /^fuzz-[a-z0-9]+@example\.test$/.test((json as { email: string }).email.trim().toLowerCase()) && Object.keys(json as object).length >= 1;
          expect(plainGood && response.status !== 429, `refused a valid subscription with ${response.status}: ${what}`).toBe(false);
          await expectClientError(response, { what });
        }
      }),
      fuzzParameters(900),
    );
    report("POST /api/newsletter");
  });

  it("POST /api/suggestions: only a signed-in, same-site JSON suggestion that passes the schema, in a real category, is stored (201) or named a duplicate (409); all else is a 4xx", async () => {
    const letters = fc.stringMatching(/^[a-z]{8,12}$/);
    const valid = fc.record(
      {
        name: fc.oneof({ weight: 4, arbitrary: letters.map((word) => `Fz ${word}`) }, { weight: 1, arbitrary: nastyString }),
        website: fc.oneof({ weight: 4, arbitrary: letters.map((word) => `${word}.example`) }, { weight: 1, arbitrary: nastyString }),
        category: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...categorySlugs) }, { weight: 1, arbitrary: nastyString }),
        pitch: fc.oneof({ weight: 4, arbitrary: fc.constant("Suggested by the handler fuzz.") }, { weight: 1, arbitrary: nastyString }),
        vendor: fc.oneof(fc.constant("Fuzz Labs"), nastyString),
        pricingModel: fc.constantFrom("FREE", "PAID", "OPEN_WEIGHTS", "free", ""),
      },
      { requiredKeys: ["name", "website", "category", "pitch"] },
    );
    const input = fc.record({
      body: jsonBodyArb(valid, ["name", "website", "category", "pitch", "vendor", "pricingModel"]),
      origin: originArb,
      type: fc.oneof({ weight: 4, arbitrary: fc.constant("application/json") }, { weight: 1, arbitrary: contentType }),
      session: fc.constantFrom<"reader" | "none" | "expired">("reader", "reader", "reader", "none", "expired"),
    });
    await fc.assert(
      fc.asyncProperty(input, async ({ body, origin, type, session }) => {
        const sendType = body.init instanceof FormData ? undefined : type;
        const cookie = session === "reader" ? reader.cookie : session === "expired" ? expired.cookie : undefined;
        const response = await respond("POST /api/suggestions", () => suggestRoute(
          new Request(`${SITE}/api/suggestions`, {
            method: "POST",
            headers: headers({ origin: origin.origin, "sec-fetch-site": origin.fetchSite, "content-type": sendType, cookie }),
            body: body.init,
          }),
        ));
        const json = await parsedJson(body);
        const parsed = suggestToolBodySchema.safeParse(json);
        const shapeOk = (sendType ?? "").toLowerCase().startsWith("application/json") && origin.ok && session === "reader" && parsed.success;
        const what = `POST /api/suggestions ${JSON.stringify({ origin, type: sendType, session, body: body.text?.slice(0, 200) })}`;
        if (response.status === 201 || response.status === 409) {
          expect(shapeOk, `accepted an invalid suggestion (${response.status}): ${what}`).toBe(true);
          expect(categorySlugs, what).toContain(parsed.data!.category);
          const answer = (await response.json()) as { data?: { status: string }; error?: { code: string; match?: unknown } };
          if (response.status === 201) {
            expect(answer, what).toEqual({ data: { id: expect.any(String), status: "received" } });
            acceptedSuggestions++;
          } else {
            expect(answer.error, what).toMatchObject({ code: "duplicate", match: expect.objectContaining({ kind: expect.stringMatching(/^(tool|suggestion)$/) }) });
          }
        } else {
          const plainGood = shapeOk && categorySlugs.includes(parsed.data.category);
          expect(plainGood && response.status !== 429, `refused a valid suggestion with ${response.status}: ${what}`).toBe(false);
          await expectClientError(response, { what });
        }
      }),
      fuzzParameters(500),
    );
    report("POST /api/suggestions");
  });

  it("POST /api/newsletter/unsubscribe: junk tokens and bodies answer 400/404 JSON (413 past the body cap) and unsubscribe nobody", async () => {
    const token = fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      nastyString,
      fc.constantFrom("", "%00", "a".repeat(44), "a".repeat(42), "../../x", "null"),
    );
    const search = fc.oneof(
      token.map((t) => `token=${urlSegment(t)}`),
      fc.tuple(token, token).map(([a, b]) => `token=${urlSegment(a)}&token=${urlSegment(b)}`),
      queryString(["token", "t"], token),
    );
    const bodyArb: fc.Arbitrary<{ init: BodyInit | undefined; type?: string }> = fc.oneof(
      { weight: 3, arbitrary: fc.constant({ init: "List-Unsubscribe=One-Click", type: "application/x-www-form-urlencoded" }) },
      {
        weight: 1,
        arbitrary: fc.constant(null).map(() => {
          const form = new FormData();
          form.set("List-Unsubscribe", "One-Click");
          return { init: form };
        }),
      },
      { weight: 2, arbitrary: fc.tuple(nastyString, contentType).map(([text, type]) => ({ init: text, type })) },
      { weight: 1, arbitrary: fc.tuple(nastyString, contentType).map(([value, type]) => ({ init: `List-Unsubscribe=${urlSegment(value)}`, type })) },
      { weight: 1, arbitrary: fc.constantFrom({ init: "--x\r\nbroken", type: "multipart/form-data; boundary=x" }, { init: undefined, type: undefined }, { init: "List-Unsubscribe=One-Click".repeat(5000), type: "text/plain" }) },
    );
    await fc.assert(
      fc.asyncProperty(search, bodyArb, async (query, body) => {
        const response = await respond("POST /api/newsletter/unsubscribe", () => oneClickRoute(new Request(`${SITE}/api/newsletter/unsubscribe?${query}`, { method: "POST", headers: headers({ "content-type": body.type, origin: "https://mail.example" }), body: body.init })));
        // A body past the route's 2 KB cap is refused before it is read (lib/http/body-limits.ts).
        const size = typeof body.init === "string" ? Buffer.byteLength(body.init) : 0;
        expect(size > 2 * 1024 ? [413] : [400, 404]).toContain(response.status);
        await expectClientError(response, { what: `POST unsubscribe?${query}` });
      }),
      fuzzParameters(400),
    );
    report("POST /api/newsletter/unsubscribe");
  });

  it("GET /api/admin/newsletter/subscribers.csv: forged or missing sessions answer 401/403 JSON; staff get the CSV (audited)", async () => {
    const cookie = fc.oneof({ weight: 3, arbitrary: cookieArb([staff, reader]) }, { weight: 1, arbitrary: cookieArb([reader]) });
    await fc.assert(
      fc.asyncProperty(cookie, queryString(["format", "page", "limit"], nastyString), async (choice, search) => {
        const response = await respond("GET subscribers.csv", () => csvRoute(new Request(`${SITE}/api/admin/newsletter/subscribers.csv?${search}`, { headers: headers({ cookie: choice.header }) })));
        const isStaff = choice.ok && choice.userId === staff.user.id;
        if (response.status === 200) {
          expect(isStaff).toBe(true);
          expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
          expect(await response.text()).toMatch(/^email,confirmedAt/);
          csvExports++;
        } else {
          expect(response.status).toBe(choice.ok ? 403 : 401);
          await expectClientError(response, { what: `GET subscribers.csv with ${choice.header?.slice(0, 80)}` });
        }
      }),
      fuzzParameters(300),
    );
    report("GET subscribers.csv");
  });

  it("GET /api/account/export: forged, expired or missing sessions answer 401 JSON; a signed-in reader gets their own data, nobody else's", async () => {
    await fc.assert(
      fc.asyncProperty(cookieArb([reader, staff, ...voters]), queryString(["userId", "id", "email", "format"], nastyString), async (choice, search) => {
        const response = await respond("GET /api/account/export", () => exportRoute(new Request(`${SITE}/api/account/export?${search}`, { headers: headers({ cookie: choice.header }) })));
        const what = `GET /api/account/export?${search} with ${choice.header?.slice(0, 80)}`;
        if (choice.ok) {
          expect(response.status, what).toBe(200);
          expect(response.headers.get("cache-control")).toBe("no-store");
          expect(userExportSchema.parse(await response.json()).profile.id, what).toBe(choice.userId);
        } else {
          expect(response.status, what).toBe(401);
          await expectClientError(response, { what });
        }
      }),
      fuzzParameters(300),
    );
    report("GET /api/account/export");
  });

  it("DELETE /api/account: only a signed-in, same-site JSON request confirming the account's own email deletes it (and only it); all else is a 4xx", async () => {
    // Leavers of this test's own, each with one vote: a valid request deletes one and a new one takes its place.
    // All of them are gone by the end, so the users and sessions tables end as they began.
    let made = 0;
    const leaver = async () => {
      const signed = await createSignedInUser(client);
      await setVote(signed.user.id, listedSlugs[made++ % listedSlugs.length]!, "ship");
      return { ...signed, email: signed.user.email! };
    };
    const pool = [await leaver(), await leaver(), await leaver(), await leaver()];
    const gone: typeof pool = [];
    const valid = fc.record(
      {
        confirm: fc.oneof(
          { weight: 6, arbitrary: fc.constantFrom("__EMAIL__", "  __EMAIL__\t", "__EMAIL_UPPER__") },
          { weight: 2, arbitrary: fc.constantFrom("__OTHER_EMAIL__", "DELETE", "", "__EMAIL__x", "x__EMAIL__") },
          { weight: 1, arbitrary: nastyString },
        ),
        keepNewsletter: fc.boolean(),
      },
      { requiredKeys: ["confirm"] },
    );
    const input = fc.record({
      who: fc.nat(),
      style: fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom("plain", "padded", "secure") },
        { weight: 2, arbitrary: fc.constantFrom("none", "gone", "forged", "junk") },
      ),
      junk: nastyString,
      origin: originArb,
      type: fc.oneof({ weight: 4, arbitrary: fc.constant("application/json") }, { weight: 2, arbitrary: contentType }),
      body: jsonBodyArb(valid, ["confirm", "keepNewsletter"]),
    });
    let deleted = 0;
    await fc.assert(
      fc.asyncProperty(input, async ({ who, style, junk, origin, type, body }) => {
        const target = pool[who % pool.length]!;
        const other = pool[(who + 1) % pool.length]!;
        const fill = (text: string) => text.replaceAll("__EMAIL_UPPER__", target.email.toUpperCase()).replaceAll("__OTHER_EMAIL__", other.email).replaceAll("__EMAIL__", target.email);
        const init = typeof body.init === "string" ? fill(body.init) : body.init;
        const text = body.text === null ? null : fill(body.text);
        const formerly = gone.length ? gone[who % gone.length]! : null;
        const cookies: Record<string, [string | undefined, boolean]> = {
          plain: [target.cookie, true],
          padded: [`theme=dark; ${target.cookie}; x=%ZZ`, true],
          secure: [`__Secure-authjs.session-token=${target.sessionToken}`, true],
          none: [undefined, false],
          gone: [formerly?.cookie, false],
          forged: [`authjs.session-token=${target.sessionToken.toUpperCase()}`, false],
          junk: [headerSafe(`authjs.session-token=${junk}`), false],
        };
        const [cookie, signedIn] = cookies[style]!;
        const sendType = init instanceof FormData ? undefined : type;
        const response = await respond("DELETE /api/account", () =>
          deleteAccountRoute(
            new Request(`${SITE}/api/account`, {
              method: "DELETE",
              headers: headers({ cookie, origin: origin.origin, "sec-fetch-site": origin.fetchSite, "content-type": sendType }),
              body: init,
            }),
          ),
        );
        const json = await parsedJson({ init, text });
        const bodyOk =
          (sendType ?? "").toLowerCase().startsWith("application/json") &&
          isPlainObject(json) &&
          Object.keys(json).every((key) => key === "confirm" || key === "keepNewsletter") &&
          typeof json.confirm === "string" &&
          json.confirm.trim().toLowerCase() === target.email.toLowerCase() &&
          (json.keepNewsletter === undefined || typeof json.keepNewsletter === "boolean");
        const what = `DELETE /api/account ${JSON.stringify({ style, cookie: cookie?.slice(0, 80), origin, type: sendType, body: text?.slice(0, 200) })}`;
        if (!origin.ok) expect(response.status, what).toBe(403);
        else if (!signedIn) expect(response.status, what).toBe(401);
        if (response.status === 200) {
          expect(origin.ok && signedIn && bodyOk, `deleted on an invalid request: ${what}`).toBe(true);
          expect(await response.json()).toEqual({ data: { deleted: true, votesWithdrawn: 1, tools: [expect.any(String)], newsletter: "none" } });
          expect(await client.user.count({ where: { id: target.user.id } })).toBe(0);
          pool.splice(pool.indexOf(target), 1, await leaver());
          gone.push(target);
          deleted++;
        } else {
          expect(origin.ok && signedIn && bodyOk, `refused a valid deletion with ${response.status}: ${what}`).toBe(false);
          await expectClientError(response, { what });
          expect(await client.user.count({ where: { id: target.user.id } }), what).toBe(1);
        }
      }),
      fuzzParameters(400),
    );
    // The leavers still here go the right way, so nothing of this test's own remains.
    for (const left of pool) {
      const response = await deleteAccountRoute(
        new Request(`${SITE}/api/account`, { method: "DELETE", headers: { cookie: left.cookie, origin: SITE, "content-type": "application/json" }, body: JSON.stringify({ confirm: left.email }) }),
      );
      expect(response.status).toBe(200);
    }
    expect(await client.user.count({ where: { id: { in: [...pool, ...gone].map((l) => l.user.id) } } })).toBe(0);
    expect(await findCounterDrift(client)).toEqual([]);
    report("DELETE /api/account");
    console.log(`fuzz: ${deleted} accounts deleted by valid requests, ${made} leavers in all`);
  });

  it("Auth.js GET/POST /api/auth/*: junk actions, providers and callback URLs never answer 5xx or redirect off-site", async () => {
    // Auth.js owns these endpoints: fuzzed lightly (no CSRF token, so no sign-in email is ever sent and nothing is written).
    const action = fc.oneof(
      fc.constantFrom("session", "csrf", "providers", "signin", "signin/nodemailer", "signin/github", "signout", "callback/nodemailer", "callback/github", "verify-request", "error", "webauthn-options"),
      slugTrick(["session", "signin", "callback/nodemailer"]),
    );
    const callbackUrl = fc.constantFrom("/", "/tools", "//evil.example", "/\\evil.example", "https://evil.example/x", "javascript:alert(1)", "http://localhost:3000/admin", "%2F%2Fevil.example", "/%2e%2e/", "");
    const query = queryString(["callbackUrl", "error", "token", "email", "csrf"], fc.oneof(callbackUrl, nastyString));
    const form = fc.dictionary(fc.constantFrom("email", "csrfToken", "callbackUrl", "redirect", "json"), fc.oneof(callbackUrl, nastyString, fc.emailAddress()), { maxKeys: 5 });
    const cookie = fc.option(fc.oneof(nastyString.map((junk) => headerSafe(`authjs.session-token=${junk}`)), nastyString.map((junk) => headerSafe(`authjs.csrf-token=${junk}; authjs.callback-url=${junk}`))));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("GET", "POST"), action, query, form, contentType, cookie, async (method, path, search, fields, type, cookieHeader) => {
        const url = `${SITE}/api/auth/${path.split("/").map(urlSegment).join("/")}?${search}`;
        const init: RequestInit = { method, headers: headers({ cookie: cookieHeader ?? undefined, "content-type": method === "POST" ? (type ?? "application/x-www-form-urlencoded") : undefined }) };
        if (method === "POST") init.body = new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, v.toWellFormed()])).toString();
        const request = new NextRequest(url, init as ConstructorParameters<typeof NextRequest>[1]);
        const response = await respond("Auth.js /api/auth/*", () => (method === "GET" ? authGet(request) : authPost(request)));
        expect(response.status, `${method} ${url}`).toBeLessThan(500);
        const location = response.headers.get("location");
        if (location) expect(new URL(location, SITE).host, `${method} ${url} → ${location}`).toMatch(/^localhost(:3000)?$/);
        await response.body?.cancel();
      }),
      fuzzParameters(300),
    );
    report("Auth.js /api/auth/*");
  });

  it("PUT /api/bench/vote-baseline: without the run's BENCH_TOKEN it is 404 whatever is sent, and writes nothing", async () => {
    const token = fc.option(fc.oneof(nastyString.map(headerSafe), fc.stringMatching(/^[A-Za-z0-9_-]{32,64}$/)));
    const body = fc.oneof(
      fc.record({ userId: fc.constantFrom(...voters.map((v) => v.user.id)), slug: fc.constantFrom(...listedSlugs), decision: fc.constantFrom("ship", "skip") }).map((b) => JSON.stringify(b)),
      malformedJsonText,
    );
    await fc.assert(
      fc.asyncProperty(token, body, contentType, async (benchToken, text, type) => {
        const response = await respond("PUT /api/bench/vote-baseline", () => benchRoute(new Request(`${SITE}/api/bench/vote-baseline`, { method: "PUT", headers: headers({ "x-bench-token": benchToken ?? undefined, "content-type": type }), body: text })));
        expect(response.status).toBe(404);
        expect(await response.text()).toBe("");
      }),
      fuzzParameters(200),
    );
    report("PUT /api/bench/vote-baseline");
  });

  it("GET /feed.xml, /api/health, /api/health/live take no input: called repeatedly, always their normal answer", async () => {
    // Their handlers read neither the URL, headers nor body, so there is nothing to generate: repeated calls only.
    for (let i = 0; i < 20; i++) {
      for (const [name, route] of [["feed", feedRoute], ["health", healthRoute], ["liveness", livenessRoute]] as const) {
        const response = await respond("GET feed/health", () => route());
        expect(response.status, name).toBe(200);
        await response.body?.cancel();
      }
    }
    report("GET feed/health");
  });

  // ---------------------------------------------------------------- afterwards

  it("the database equals what it was plus exactly the valid writes, and no counter drifted", async () => {
    const total = Object.values(tallies).reduce((sum, t) => sum + t.requests, 0);
    const serverErrors = Object.values(tallies).reduce((sum, t) => sum + t.serverErrors, 0);
    console.log(`fuzz: ${total} route-handler requests, ${serverErrors} 5xx`);
    // Soft: the database is checked below even when some request failed above.
    expect.soft(serverErrors, "5xx answers").toBe(0);

    const after = await fingerprint(client);
    const written = ["Vote", "ToolStats", "NewsletterSubscriber", "NewsletterToken", "AuditLog", "Suggestion"];
    expect(changedTables(before, after).filter((table) => !written.includes(table))).toEqual([]);

    // Votes: exactly the final state of every accepted vote request.
    const votes = await client.vote.findMany({ select: { userId: true, decision: true, tool: { select: { slug: true } } } });
    const sorted = (entries: Iterable<[string, string]>) => [...entries].map(([key, decision]) => `${key} ${decision}`).sort();
    expect(sorted(votes.map((v) => [`${v.userId} ${v.tool.slug}`, v.decision]))).toEqual(sorted(expectedVotes));

    // Counters: panel untouched, community moved by exactly those votes.
    const stats = await client.toolStats.findMany({ select: { panelShip: true, panelTotal: true, communityShip: true, communityTotal: true, tool: { select: { slug: true } } } });
    for (const { tool, ...counters } of stats) {
      const mine = [...expectedVotes].filter(([key]) => key.endsWith(` ${tool.slug}`)).map(([, decision]) => decision);
      const was = statsBefore.get(tool.slug)!;
      expect(counters, tool.slug).toEqual({
        panelShip: was.panelShip,
        panelTotal: was.panelTotal,
        communityShip: was.communityShip + mine.filter((d) => d === "SHIP").length,
        communityTotal: was.communityTotal + mine.length,
      });
    }
    expect(await findCounterDrift(client)).toEqual([]);

    // Subscriptions: one PENDING row per accepted address, two tokens (confirm + unsubscribe) per accepted request.
    const subscribers = await client.newsletterSubscriber.findMany({ select: { email: true, status: true } });
    expect(new Set(subscribers.map((s) => s.email))).toEqual(expectedSubscribers);
    expect(subscribers.every((s) => s.status === "PENDING")).toBe(true);
    expect(await client.newsletterToken.count()).toBe(before.NewsletterToken.count + 2 * acceptedSubscribes);
    expect(await client.newsletterToken.count({ where: { usedAt: { not: null } } })).toBe(0);

    // Suggestions: one row per 201, nothing for a refusal or a duplicate.
    expect(await client.suggestion.count()).toBe(before.Suggestion.count + acceptedSuggestions);

    // Audit: one entry per CSV export a staff member downloaded, nothing else.
    const audit = await client.auditLog.groupBy({ by: ["action", "actorId"], _count: true });
    expect(audit.map((row) => ({ action: row.action, actorId: row.actorId, count: row._count }))).toEqual(csvExports ? [{ action: "newsletter.export", actorId: staff.user.id, count: csvExports }] : []);
    console.log(`fuzz: valid writes kept: ${expectedVotes.size} votes, ${expectedSubscribers.size} subscribers (${acceptedSubscribes} requests), ${csvExports} audited CSV exports`);
  });
});
