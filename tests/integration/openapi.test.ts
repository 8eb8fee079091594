import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { createSignedInUser } from "../helpers/auth";
import { createComparedPair } from "../helpers/factories";

/**
 * The OpenAPI contract (issue 18, item 4): every route handler under app/api
 * has an operation in /api/openapi.json (or is named as deliberately left
 * out), every operation has a handler, and every operation is called here —
 * a success and its errors — with each answer's status documented and its
 * body valid against the document's own JSON Schema (Ajv, draft 2020-12).
 */

vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), after: () => undefined }));

const SITE = "http://localhost:3000";
process.env.SITE_URL = SITE;
process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
process.env.RATE_LIMIT_VOTES = "1000000/60";
process.env.RATE_LIMIT_NEWSLETTER_IP = "1000000/3600";
process.env.RATE_LIMIT_NEWSLETTER_EMAIL = "1000000/3600";
process.env.RATE_LIMIT_NEWSLETTER_TOTAL = "1000000/3600";

const { openApiDocument, UNDOCUMENTED_ROUTES } = await import("@/lib/openapi/document");
const doc = openApiDocument() as unknown as {
  paths: Record<string, Record<string, { operationId: string; responses: Record<string, { content?: Record<string, { schema: object }> }> }>>;
  components: object;
};

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;
const routes = {
  listTools: (await import("@/app/api/tools/route")).GET,
  getTool: (await import("@/app/api/tools/[slug]/route")).GET,
  getToolHistory: (await import("@/app/api/tools/[slug]/history/route")).GET,
  listReasons: (await import("@/app/api/tools/[slug]/reasons/route")).GET,
  getToolBadge: (await import("@/app/api/tools/[slug]/badge.svg/route")).GET,
  getOwnVote: (await import("@/app/api/tools/[slug]/vote/route")).GET,
  castVote: (await import("@/app/api/tools/[slug]/vote/route")).PUT,
  withdrawVote: (await import("@/app/api/tools/[slug]/vote/route")).DELETE,
  followTool: (await import("@/app/api/tools/[slug]/follow/route")).PUT,
  unfollowTool: (await import("@/app/api/tools/[slug]/follow/route")).DELETE,
  markHelpful: (await import("@/app/api/reasons/[id]/helpful/route")).PUT,
  unmarkHelpful: (await import("@/app/api/reasons/[id]/helpful/route")).DELETE,
  reportReason: (await import("@/app/api/reasons/[id]/report/route")).POST,
  suggestTool: (await import("@/app/api/suggestions/route")).POST,
  getComparison: (await import("@/app/api/comparisons/[slug]/route")).GET,
  streamFigures: (await import("@/app/api/live/route")).GET,
  getViewer: (await import("@/app/api/me/route")).GET,
  deleteAccount: (await import("@/app/api/account/route")).DELETE,
  exportAccount: (await import("@/app/api/account/export/route")).GET,
  subscribe: (await import("@/app/api/newsletter/route")).POST,
  oneClickUnsubscribe: (await import("@/app/api/newsletter/unsubscribe/route")).POST,
  oneClickUnfollowAll: (await import("@/app/api/follows/unfollow/route")).POST,
  exportSubscribers: (await import("@/app/api/admin/newsletter/subscribers.csv/route")).GET,
  readiness: (await import("@/app/api/health/route")).GET,
  liveness: (await import("@/app/api/health/live/route")).GET,
  openapi: (await import("@/app/api/openapi.json/route")).GET,
} as unknown as Record<string, Handler>;

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);

function operation(operationId: string) {
  for (const [route, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) if (op.operationId === operationId) return { route, method, op };
  }
  throw new Error(`No operation ${operationId} in the document`);
}

const called = new Map<string, Set<string>>();

/** Calls an operation's handler and checks the answer against the document: a documented status, and a body its schema accepts. */
async function call(operationId: string, options: { params?: Record<string, string>; query?: string; method?: string; body?: unknown; form?: string; cookie?: string; origin?: string } = {}) {
  const { route, method, op } = operation(operationId);
  let url = route.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(options.params?.[name] ?? ""));
  if (options.query) url += `?${options.query}`;
  const headers = new Headers();
  if (options.cookie) headers.set("cookie", options.cookie);
  if (method !== "get") headers.set("origin", options.origin ?? SITE);
  let body: string | undefined;
  if (options.body !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(options.body);
  } else if (options.form !== undefined) {
    headers.set("content-type", "application/x-www-form-urlencoded");
    body = options.form;
  }
  const response = await routes[operationId]!(new Request(`${SITE}${url}`, { method: method.toUpperCase(), headers, body }), { params: Promise.resolve(options.params ?? {}) });
  const status = String(response.status);
  expect(Object.keys(op.responses), `${operationId} answered ${status}, which the document does not list`).toContain(status);
  const documented = op.responses[status]!;
  const type = (response.headers.get("content-type") ?? "").split(";")[0]!.trim();
  if (documented.content) {
    expect(Object.keys(documented.content), `${operationId} ${status}: content type ${type} is not documented`).toContain(type);
    if (type === "application/json") {
      const validate = ajv.compile({ ...documented.content[type]!.schema, components: doc.components });
      const json: unknown = await response.json();
      expect(validate(json), `${operationId} ${status}: ${ajv.errorsText(validate.errors)} in ${JSON.stringify(json).slice(0, 400)}`).toBe(true);
    } else {
      await response.body?.cancel();
    }
  } else {
    await response.body?.cancel();
  }
  called.set(operationId, (called.get(operationId) ?? new Set()).add(status));
  return response;
}

let client: PrismaClient;
let pair: Awaited<ReturnType<typeof createComparedPair>>;
let reader: Awaited<ReturnType<typeof createSignedInUser>>;
let other: Awaited<ReturnType<typeof createSignedInUser>>;
let staff: Awaited<ReturnType<typeof createSignedInUser>>;

beforeAll(async () => {
  client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 2 });
  pair = await createComparedPair(client);
  [reader, other, staff] = [await createSignedInUser(client), await createSignedInUser(client), await createSignedInUser(client, { role: "STAFF" })];
});
afterAll(() => client.$disconnect());

/** app/api/**\/route.ts → `/api/...` with `{param}`, and the methods it exports. */
function routeHandlers(): { route: string; methods: string[] }[] {
  const root = path.resolve(import.meta.dirname, "../../app/api");
  const found: { route: string; methods: string[] }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry === "route.ts") {
        const source = readFileSync(full, "utf8");
        const methods = [...source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|DELETE|PATCH)\b/g)].map((match) => match[1]!.toLowerCase());
        found.push({ route: `/api/${path.relative(root, dir).split(path.sep).join("/")}`, methods });
      }
    }
  };
  walk(root);
  return found;
}

describe("the OpenAPI document", () => {
  it("documents every route handler's every method, and nothing that has no handler", () => {
    const handlers = routeHandlers().filter(({ route }) => !(UNDOCUMENTED_ROUTES as readonly string[]).includes(route));
    const documented = new Set(Object.entries(doc.paths).flatMap(([route, methods]) => Object.keys(methods).map((method) => `${method} ${route}`)));
    const implemented = new Set(handlers.flatMap(({ route, methods }) => methods.map((method) => `${method} ${route.replace(/\[(\w+)\]/g, "{$1}")}`)));
    expect([...implemented].filter((key) => !documented.has(key)), "route handlers without an operation").toEqual([]);
    expect([...documented].filter((key) => !implemented.has(key)), "operations without a route handler").toEqual([]);
    expect(Object.keys(routes).sort(), "every operation is called below").toEqual(
      Object.values(doc.paths).flatMap((methods) => Object.values(methods).map((op) => op.operationId)).sort(),
    );
  });

  it("is OpenAPI 3.1 with a schema for every JSON answer, reusing components", () => {
    expect((openApiDocument() as { openapi: string }).openapi).toBe("3.1.0");
    expect(Object.keys((doc.components as { schemas: object }).schemas)).toEqual(expect.arrayContaining(["Error", "VoteResult", "Reason"]));
  });
});

describe("every operation answers as documented", () => {
  it("the catalogue: tools, a tool, its history, its badge, a comparison", async () => {
    const { toolA, toolB, comparison } = pair;
    await call("listTools", { query: "page=1&pageSize=5" });
    await call("listTools", { query: "page=0" });
    await call("getTool", { params: { slug: toolA.slug } });
    await call("getTool", { params: { slug: "no-such-tool" } });
    await call("getToolHistory", { params: { slug: toolA.slug }, query: "days=30" });
    await call("getToolHistory", { params: { slug: toolA.slug }, query: "days=0" });
    await call("getToolHistory", { params: { slug: "no-such-tool" } });
    await call("getToolBadge", { params: { slug: toolA.slug } });
    await call("getToolBadge", { params: { slug: "no-such-tool" } });
    expect((await call("getComparison", { params: { slug: comparison!.slug } })).status).toBe(200);
    expect((await call("getComparison", { params: { slug: `${toolB.slug}-vs-${toolA.slug}` } })).status).toBe(308);
    expect((await call("getComparison", { params: { slug: `${toolA.slug}-vs-${toolA.slug}` } })).status).toBe(400);
    expect((await call("getComparison", { params: { slug: `${toolA.slug}-vs-no-such-tool` } })).status).toBe(404);
    await call("streamFigures", { query: "" });
    await call("streamFigures", { query: "tools=no-such-tool" });
  });

  it("the community: votes, reasons, helpful marks and reports", async () => {
    const slug = pair.toolA.slug;
    expect((await call("castVote", { params: { slug }, body: { decision: "ship", reason: "It earns its keep." }, cookie: other.cookie })).status).toBe(200);
    expect((await call("castVote", { params: { slug }, body: { decision: "maybe" }, cookie: reader.cookie })).status).toBe(400);
    expect((await call("castVote", { params: { slug }, body: { decision: "ship" } })).status).toBe(401);
    expect((await call("castVote", { params: { slug }, body: { decision: "ship" }, cookie: reader.cookie, origin: "https://elsewhere.example" })).status).toBe(403);
    expect((await call("castVote", { params: { slug: "no-such-tool" }, body: { decision: "ship" }, cookie: reader.cookie })).status).toBe(404);
    expect((await call("castVote", { params: { slug }, body: { decision: "skip" }, cookie: reader.cookie })).status).toBe(200);
    expect((await call("getOwnVote", { params: { slug }, cookie: reader.cookie })).status).toBe(200);
    expect((await call("getOwnVote", { params: { slug } })).status).toBe(401);
    expect((await call("withdrawVote", { params: { slug }, cookie: reader.cookie })).status).toBe(200);
    expect((await call("followTool", { params: { slug }, cookie: reader.cookie })).status).toBe(200);
    expect((await call("followTool", { params: { slug } })).status).toBe(401);
    expect((await call("followTool", { params: { slug: "no-such-tool" }, cookie: reader.cookie })).status).toBe(404);
    expect((await call("unfollowTool", { params: { slug }, cookie: reader.cookie })).status).toBe(200);
    expect((await call("unfollowTool", { params: { slug }, cookie: reader.cookie, origin: "https://elsewhere.example" })).status).toBe(403);

    expect((await call("listReasons", { params: { slug } })).status).toBe(200);
    expect((await call("listReasons", { params: { slug }, query: "sort=loudest" })).status).toBe(400);
    const [reason] = (await (await routes.listReasons!(new Request(`${SITE}/api/tools/${slug}/reasons`), { params: Promise.resolve({ slug }) })).json()).data as { id: string }[];
    expect((await call("markHelpful", { params: { id: reason!.id }, cookie: reader.cookie })).status).toBe(200);
    expect((await call("markHelpful", { params: { id: reason!.id }, cookie: other.cookie })).status).toBe(403);
    expect((await call("markHelpful", { params: { id: "0000" }, cookie: reader.cookie })).status).toBe(404);
    expect((await call("unmarkHelpful", { params: { id: reason!.id }, cookie: reader.cookie })).status).toBe(200);
    expect((await call("reportReason", { params: { id: reason!.id }, body: { category: "spam" }, cookie: reader.cookie })).status).toBe(201);
    expect((await call("reportReason", { params: { id: reason!.id }, body: { category: "boring" }, cookie: reader.cookie })).status).toBe(400);

    const category = (await client.category.findFirstOrThrow({ select: { slug: true } })).slug;
    const fresh = `contract${Date.now().toString(36).replace(/[0-9]/g, "q")}`;
    expect((await call("suggestTool", { body: { name: fresh, website: `${fresh}.example`, category, pitch: "Suggested by the contract test." }, cookie: reader.cookie })).status).toBe(201);
    expect((await call("suggestTool", { body: { name: "Cursor", website: "cursor.com", category, pitch: "An AI code editor." }, cookie: reader.cookie })).status).toBe(409);
    expect((await call("suggestTool", { body: { name: fresh, website: "x", category, pitch: "" }, cookie: reader.cookie })).status).toBe(400);
    expect((await call("suggestTool", { body: { name: `${fresh}b`, website: `${fresh}b.example`, category: "no-such-category", pitch: "Nope." }, cookie: reader.cookie })).status).toBe(422);
    expect((await call("suggestTool", { body: {} })).status).toBe(401);
  });

  it("the account, the newsletter, staff's export and operations", async () => {
    expect((await call("getViewer", { cookie: reader.cookie })).status).toBe(200);
    expect((await call("getViewer")).status).toBe(200);
    expect((await call("exportAccount", { cookie: reader.cookie })).status).toBe(200);
    expect((await call("exportAccount")).status).toBe(401);
    const leaving = await createSignedInUser(client);
    expect((await call("deleteAccount", { body: { confirm: "someone-else@example.com" }, cookie: leaving.cookie })).status).toBe(400);
    expect((await call("deleteAccount", { body: { confirm: leaving.user.email }, cookie: leaving.cookie })).status).toBe(200);
    expect((await call("subscribe", { body: { email: `contract-${Date.now()}@example.com` } })).status).toBe(202);
    expect((await call("subscribe", { body: { email: "not an address" } })).status).toBe(400);
    expect((await call("oneClickUnsubscribe", { query: `token=${"a".repeat(43)}`, form: "List-Unsubscribe=One-Click" })).status).toBe(404);
    expect((await call("oneClickUnsubscribe", { query: "token=short", form: "List-Unsubscribe=One-Click" })).status).toBeGreaterThanOrEqual(400);
    expect((await call("oneClickUnfollowAll", { query: `u=${reader.user.id}&sig=${"a".repeat(43)}`, form: "List-Unsubscribe=One-Click" })).status).toBe(404);
    expect((await call("oneClickUnfollowAll", { query: `u=${reader.user.id}&sig=${"a".repeat(43)}`, form: "List-Unsubscribe=Nope" })).status).toBe(400);
    {
      const { newFollowKey, unfollowSignature } = await import("@/lib/follows/tokens");
      const key = newFollowKey();
      await client.user.update({ where: { id: reader.user.id }, data: { followKey: key } });
      expect((await call("oneClickUnfollowAll", { query: `u=${reader.user.id}&sig=${unfollowSignature(key, null)}`, form: "List-Unsubscribe=One-Click" })).status).toBe(200);
    }
    expect((await call("exportSubscribers", { cookie: staff.cookie })).status).toBe(200);
    expect((await call("exportSubscribers", { cookie: reader.cookie })).status).toBe(403);
    expect((await call("exportSubscribers")).status).toBe(401);
    await call("readiness");
    await call("liveness");
    await call("openapi");
  });

  it("called every operation", () => {
    expect([...called.keys()].sort()).toEqual(Object.keys(routes).sort());
  });
});
