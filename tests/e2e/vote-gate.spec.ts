import http from "node:http";
import { expect, test } from "@playwright/test";
import { createSignedInSession, SESSION_COOKIE } from "../helpers/auth";
import { newTool } from "../helpers/e2e";

/**
 * The vote has two ways in (docs/decisions/046): the front gate answers PUT and
 * DELETE of /api/tools/<slug>/vote itself, and an address it leaves to Next —
 * the same one with a percent-encoded letter, which Next decodes to the same
 * slug — reaches the route handler. Over HTTP to the production server, each
 * request below goes both ways, each way with its own reader and tool in the
 * same state, and the two answers must be the same: status, body, error shape,
 * security headers, the personal-write mark.
 */

test.skip(!process.env.DATABASE_URL, "needs `npm test` (the database)");

type Way = "gate" | "next";
/** The gate's address, or Next's: the slug's first letter percent-encoded (Next decodes it; the gate leaves it). */
const address = (way: Way, slug: string) =>
  `/api/tools/${way === "gate" ? slug : `%${slug.charCodeAt(0).toString(16).toUpperCase()}${slug.slice(1)}`}/vote`;

type Sent = { status: number; body: unknown; headers: Record<string, string>; marked: boolean };

/** A raw request (no client library's rewriting of the address or the body), its answer read whole. */
function send(baseURL: string, method: string, path: string, headers: Record<string, string>, body?: string | string[]): Promise<Sent> {
  const url = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const request = http.request({ host: url.hostname, port: url.port, method, path, headers: { ...headers, ...(typeof body === "string" ? { "content-length": String(Buffer.byteLength(body)) } : {}) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        const flat = Object.fromEntries(Object.entries(response.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join("\n") : String(value)]));
        resolve({ status: response.statusCode ?? 0, body: text ? (JSON.parse(text) as unknown) : null, headers: flat, marked: /(^|\n)sos\.pw=/.test(flat["set-cookie"] ?? "") });
      });
    });
    request.on("error", reject);
    // An array is sent chunked, a part at a time.
    if (Array.isArray(body)) for (const part of body) request.write(part);
    else if (body) request.write(body);
    request.end();
  });
}

/** A reason's id differs between two votes; everything else must not. */
const comparable = (body: unknown) => JSON.parse(JSON.stringify(body).replace(/"id":"[0-9a-f-]{36}"/g, '"id":"…"')) as unknown;

type Case = {
  name: string;
  method: "PUT" | "DELETE";
  signedIn?: boolean;
  headers?: Record<string, string>;
  body?: string | string[];
  /** Steps before the request, on this way's own tool and reader. */
  before?: (vote: (body: string) => Promise<Sent>) => Promise<void>;
  tool?: "unknown";
  status: number;
};

const JSON_TYPE = { "content-type": "application/json" };
const CASES: Case[] = [
  { name: "a first vote", method: "PUT", headers: JSON_TYPE, body: '{"decision":"ship"}', status: 200 },
  { name: "a vote with its reason", method: "PUT", headers: JSON_TYPE, body: '{"decision":"skip","reason":"Slow on our monorepo; the pricing page hides the seat minimum."}', status: 200 },
  { name: "a changed vote", method: "PUT", headers: JSON_TYPE, body: '{"decision":"skip"}', before: async (vote) => void (await vote('{"decision":"ship"}')), status: 200 },
  { name: "a withdrawal", method: "DELETE", before: async (vote) => void (await vote('{"decision":"ship"}')), status: 200 },
  { name: "a body sent in chunks", method: "PUT", headers: { ...JSON_TYPE, "transfer-encoding": "chunked" }, body: ['{"deci', 'sion":"s', 'hip"}'], status: 200 },
  { name: "signed out", method: "PUT", signedIn: false, headers: JSON_TYPE, body: '{"decision":"ship"}', status: 401 },
  { name: "a withdrawal signed out", method: "DELETE", signedIn: false, status: 401 },
  { name: "a cross-site page", method: "PUT", headers: { ...JSON_TYPE, origin: "https://evil.example" }, body: '{"decision":"ship"}', status: 403 },
  { name: "a cross-site fetch without Origin", method: "DELETE", headers: { "sec-fetch-site": "cross-site" }, status: 403 },
  { name: "a form's body", method: "PUT", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "decision=ship", status: 415 },
  { name: "no content type", method: "PUT", body: '{"decision":"ship"}', status: 415 },
  { name: "malformed JSON", method: "PUT", headers: JSON_TYPE, body: '{"decision":', status: 400 },
  { name: "an unknown decision", method: "PUT", headers: JSON_TYPE, body: '{"decision":"maybe"}', status: 400 },
  { name: "someone else's id", method: "PUT", headers: JSON_TYPE, body: '{"decision":"ship","userId":"someone"}', status: 400 },
  { name: "a chunked body past 4 KB", method: "PUT", headers: { ...JSON_TYPE, "transfer-encoding": "chunked" }, body: ['{"decision":"ship","reason":"', ...Array.from({ length: 5 }, () => "x".repeat(1000)), '"}'], status: 413 },
  { name: "an unknown tool", method: "PUT", tool: "unknown", headers: JSON_TYPE, body: '{"decision":"ship"}', status: 404 },
];

for (const c of CASES) {
  test(`${c.method}, ${c.name}: the gate and Next answer alike`, async ({ baseURL }) => {
    const answers: Record<Way, Sent> = {} as Record<Way, Sent>;
    for (const way of ["gate", "next"] as const) {
      const slug = c.tool === "unknown" ? "no-such-tool" : (await newTool()).slug;
      const session = c.signedIn === false ? null : await createSignedInSession();
      const headers: Record<string, string> = { origin: baseURL!, ...c.headers, ...(session ? { cookie: `${SESSION_COOKIE}=${session.sessionToken}` } : {}) };
      if (headers.origin === "") delete headers.origin;
      if (c.headers?.["sec-fetch-site"]) delete headers.origin;
      await c.before?.((body) => send(baseURL!, "PUT", address("gate", slug), { ...headers, ...JSON_TYPE }, body));
      answers[way] = await send(baseURL!, c.method, address(way, slug), headers, c.body);
      // The answer names the tool by its slug, the same both ways.
      answers[way].body = comparable(JSON.parse(JSON.stringify(answers[way].body).replaceAll(slug, "<tool>")));
    }
    const { gate, next } = answers;
    expect(gate.status, JSON.stringify(gate.body)).toBe(c.status);
    expect(next.status, JSON.stringify(next.body)).toBe(c.status);
    expect(gate.body).toEqual(next.body);
    if (c.status >= 400) expect(gate.body).toEqual({ error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }) });
    expect(gate.headers["content-type"]).toBe(next.headers["content-type"]);
    expect(gate.headers["retry-after"]).toBe(next.headers["retry-after"]);
    for (const name of ["x-content-type-options", "x-frame-options", "referrer-policy", "permissions-policy", "cross-origin-opener-policy"]) {
      expect(gate.headers[name], name).toBe(next.headers[name]);
    }
    expect(gate.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(gate.headers["x-request-id"]).toBeTruthy();
    // A signed-in browser's write renews its mark, whichever way it went (lib/users/viewer.ts).
    expect(gate.marked).toBe(next.marked);
    expect(gate.marked).toBe(c.signedIn !== false);
  });
}

test("a signed-in reader's vote through the gate shows on their next GET /api/me, on the page's figures, and in their own vote", async ({ request, baseURL }) => {
  const tool = await newTool();
  const session = await createSignedInSession();
  const cookie = `${SESSION_COOKIE}=${session.sessionToken}`;
  const before = await request.get("/api/me", { headers: { cookie } });
  expect((await before.json()).data.votes).toEqual({});
  const voted = await send(baseURL!, "PUT", address("gate", tool.slug), { cookie, origin: baseURL!, ...JSON_TYPE }, '{"decision":"skip"}');
  expect(voted.status).toBe(200);
  const mark = /sos\.pw=([^;]+)/.exec(voted.headers["set-cookie"]!)![1];
  // With the new mark, the viewer cache misses and reads the vote just written (docs/decisions/044).
  const after = await request.get("/api/me", { headers: { cookie: `${cookie}; sos.pw=${mark}` } });
  expect((await after.json()).data.votes).toEqual({ [tool.slug]: "skip" });
  const own = await request.get(`/api/tools/${tool.slug}/vote`, { headers: { cookie } });
  expect((await own.json()).data).toEqual({ vote: "skip", reason: null });
  await expect.poll(async () => (await (await request.get(`/api/tools/${tool.slug}`)).json()).data.scores.community.total).toBe(1);
});
