import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { createPrismaClient } from "../../lib/db/client";
import { createSignedInSession } from "../helpers/auth";
import { newTool } from "../helpers/e2e";
import { readSse } from "../helpers/sse";
import { findCounterDrift } from "../../lib/stats/reconcile";

/**
 * Two app nodes on one database: the Playwright server is node A; this spec
 * starts node B. A vote through A reaches a live stream on B within a second,
 * and B's stream keeps working after its LISTEN connection is cut; B's page
 * cache drops a page that vote changed.
 */
const TOOL = "mistral-large"; // no other spec votes on it

let nodeB: ChildProcess | undefined;
let baseB = "";
// Each Playwright worker that runs a test of this file starts its own node B: name each apart.
const NODE_B = `node-b-${process.pid}`;
let cookie = "";

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

test.beforeAll(async () => {
  test.skip(!process.env.DATABASE_URL, "needs `npm test` (the database)");
  const port = await freePort();
  baseB = `http://127.0.0.1:${port}`;
  nodeB = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: { ...process.env, PORT: String(port), HOSTNAME: "127.0.0.1", NODE_ID: NODE_B },
    stdio: "ignore",
  });
  for (let i = 0; i < 150; i++) {
    if (await fetch(`${baseB}/api/health/live`).then((r) => r.ok, () => false)) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  ({ cookie } = await createSignedInSession());
});

test.afterAll(() => {
  nodeB?.kill("SIGTERM");
});

type Stats = { slug: string; communityShip: number; communityTotal: number; at: number; receivedAt: number };

/** A live stream on node B, collecting `stats` events with when they arrived. */
async function streamOnB() {
  const abort = new AbortController();
  const response = await fetch(`${baseB}/api/live?tools=${TOOL}`, { signal: abort.signal });
  expect(response.status).toBe(200);
  const events: Stats[] = [];
  void readSse(response.body!, (message) => {
    if (message.event === "stats") events.push({ ...JSON.parse(message.data), receivedAt: Date.now() });
  });
  return { events, close: () => abort.abort() };
}

async function until<T>(find: () => T | undefined, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`nothing within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

test("a vote on node A reaches a live stream on node B within a second, also after B's listener is cut", async ({ request, baseURL }) => {
  const stream = await streamOnB();
  const initial = await until(() => stream.events[0], 5_000);

  // Returns when the request was sent: the event may well arrive before the response does.
  const vote = async (decision: "ship" | null) => {
    const started = Date.now();
    const response = decision
      ? await request.put(`${baseURL}/api/tools/${TOOL}/vote`, { headers: { cookie, origin: baseURL! }, data: { decision } })
      : await request.delete(`${baseURL}/api/tools/${TOOL}/vote`, { headers: { cookie, origin: baseURL! } });
    expect(response.status()).toBe(200);
    return started;
  };

  const sent = await vote("ship");
  const shipped = await until(() => stream.events.find((event) => event.communityTotal === initial.communityTotal + 1), 1_000);
  expect(shipped.receivedAt - sent).toBeLessThan(1_000);

  // Cut B's LISTEN connection; B reconnects by itself and says so on /api/health.
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  const cut = await db.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1`, [`ship-or-skip-events ${NODE_B}`]);
  await db.end();
  expect(cut.rowCount).toBe(1);
  await expect
    .poll(async () => (await (await fetch(`${baseB}/api/health`)).json()).listener, { timeout: 10_000 })
    .toMatchObject({ ok: true, reconnects: 1 });

  const withdrawn = await vote(null);
  const back = await until(
    () => stream.events.find((event) => event.receivedAt >= withdrawn && event.communityTotal === initial.communityTotal),
    1_000,
  );
  expect(back.receivedAt - withdrawn).toBeLessThan(1_000);
  stream.close();
});

test("a vote through node A shows on node B's cached page for signed-out readers within about a second", async ({ request, baseURL }) => {
  const page = "/compare/gemini-2-5-pro-vs-minicpm-v";
  const tool = "gemini-2-5-pro"; // page-cache.spec.ts votes on minicpm-v only, and reads this page signed out
  const communityOnB = async () => {
    const response = await fetch(`${baseB}${page}`);
    const html = await response.text();
    const start = html.indexOf(`data-testid="vote-${tool}"`);
    const next = html.indexOf('data-testid="vote-', start + 20);
    return { cache: response.headers.get("x-page-cache"), text: html.slice(start, next === -1 ? start + 3_000 : next).replace(/<[^>]*>/g, " ") };
  };
  await expect.poll(async () => (await communityOnB()).cache, { timeout: 10_000 }).toBe("hit");
  const before = (await communityOnB()).text;

  const sent = Date.now();
  const response = await request.put(`${baseURL}/api/tools/${tool}/vote`, { headers: { cookie, origin: baseURL! }, data: { decision: "skip" } });
  expect(response.status()).toBe(200);
  const total = ((await response.json()) as { data: { scores: { community: { total: number } } } }).data.scores.community.total;
  let after = before;
  while (after === before) {
    // Figures on a cached page are refreshed at most once a second (PAGE_CACHE_FIGURE_REFRESH_MS), plus one render.
    expect(Date.now() - sent, "node B still served the page from before the vote").toBeLessThan(2_000);
    after = (await communityOnB()).text;
  }
  expect(after).toContain(`${total} vote`);
  expect((await request.delete(`${baseURL}/api/tools/${tool}/vote`, { headers: { cookie, origin: baseURL! } })).status()).toBe(200);
});

test("a reader's /api/me on node B comes from B's viewer cache; their vote through node A shows there at once with A's mark, and by the announcement alone within two seconds (milliseconds when the machine is not loaded)", async ({ baseURL }) => {
  const tool = (await newTool()).slug;
  const reader = await createSignedInSession();
  const meOnB = async (cookies: string) => {
    const response = await fetch(`${baseB}/api/me`, { headers: { cookie: cookies } });
    return { how: response.headers.get("x-viewer-cache"), vote: ((await response.json()) as { data: { votes: Record<string, string> } }).data.votes[tool] };
  };
  await expect.poll(async () => (await meOnB(reader.cookie)).how, { timeout: 10_000 }).toBe("hit");

  for (const decision of ["ship", "skip"] as const) {
    const sent = Date.now();
    const cast = await fetch(`${baseURL}/api/tools/${tool}/vote`, {
      method: "PUT",
      headers: { cookie: reader.cookie, origin: baseURL!, "content-type": "application/json" },
      body: JSON.stringify({ decision }),
    });
    expect(cast.status).toBe(200);
    const mark = cast.headers.getSetCookie().find((line) => line.startsWith("sos.pw="))!.split(";")[0]!;
    // The browser's next read carries A's new mark: B reads it afresh, whatever B has heard so far.
    expect(await meOnB(`${reader.cookie}; ${mark}`)).toEqual({ how: "miss", vote: decision });
    // Without the mark (another device of the reader's), B's cached answer goes when the database's announcement arrives.
    let seen = await meOnB(reader.cookie);
    while (seen.vote !== decision) {
      expect(Date.now() - sent, "node B still answered the reader's votes from before").toBeLessThan(2_000);
      seen = await meOnB(reader.cookie);
    }
  }
});

test("SIGTERM ends node B's live streams and the node exits promptly instead of waiting on them; in-flight votes commit whole or not at all", async ({ request, baseURL }) => {
  const abort = new AbortController();
  const response = await fetch(`${baseB}/api/live?tools=${TOOL}`, { signal: abort.signal });
  expect(response.status).toBe(200);
  let ended = false;
  const reading = readSse(response.body!, () => {}).then(() => (ended = true));
  const exited = new Promise<number>((resolve) => nodeB!.once("exit", () => resolve(Date.now())));
  // Votes in flight when the signal arrives: each either completes (and is stored) or is refused whole.
  const tools = ["flux-1", "gpt-4o", "moondream2", "stable-diffusion-3-5"]; // no other spec reads their figures
  const inFlight = tools.map((tool) =>
    fetch(`${baseB}/api/tools/${tool}/vote`, { method: "PUT", headers: { cookie, origin: baseB, "content-type": "application/json" }, body: JSON.stringify({ decision: "skip" }) })
      .then((response) => ({ tool, status: response.status }))
      .catch(() => ({ tool, status: 0 })),
  );
  await new Promise((resolve) => setTimeout(resolve, 20));
  const sent = Date.now();
  nodeB!.kill("SIGTERM");
  const at = await Promise.race([exited, new Promise<number>((resolve) => setTimeout(() => resolve(Number.POSITIVE_INFINITY), 10_000))]);
  expect(at - sent, "node B exited after SIGTERM").toBeLessThan(5_000);
  await reading;
  expect(ended).toBe(true);
  nodeB = undefined;
  abort.abort();

  const results = await Promise.all(inFlight);
  const db = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 1 });
  try {
    const userId = (await db.session.findUniqueOrThrow({ where: { sessionToken: cookie.split("=")[1]! } })).userId;
    const stored = new Set((await db.vote.findMany({ where: { userId, decision: "SKIP" }, select: { tool: { select: { slug: true } } } })).map((vote) => vote.tool.slug));
    const lost = results.filter((result) => result.status === 200 && !stored.has(result.tool));
    expect(lost, "votes answered 200 during shutdown but not stored").toEqual([]);
    expect(await findCounterDrift(db)).toEqual([]);
    console.log(`shutdown: in-flight votes ${JSON.stringify(results.map((result) => result.status))}, all acknowledged ones stored, no counter drift`);
    for (const tool of tools) await request.delete(`${baseURL}/api/tools/${tool}/vote`, { headers: { cookie, origin: baseURL! } });
  } finally {
    await db.$disconnect();
  }
});
