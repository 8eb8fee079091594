import { spawn, type ChildProcess } from "node:child_process";
import { expect, test } from "@playwright/test";
import { freePort } from "../../scripts/lib/next";
import { createSignedInSession, SESSION_COOKIE } from "../helpers/auth";
import { newTool } from "../helpers/e2e";

/**
 * What an operator sees (issue 18, item 3), over HTTP against a production
 * node of its own whose stdout this spec reads: one JSON log line per request
 * carrying the request's id (the proxy's, or a fresh one, echoed as
 * X-Request-Id), no email address anywhere in the log; Prometheus metrics at
 * /api/metrics behind METRICS_TOKEN, with the votes and requests just made.
 */

const TOKEN = "metrics-token-for-the-observability-spec-0123456789";
let node: ChildProcess | undefined;
let base = "";
let output = "";

test.beforeAll(async () => {
  test.skip(!process.env.DATABASE_URL, "needs `npm test` (the database)");
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  node = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: { ...process.env, PORT: String(port), HOSTNAME: "127.0.0.1", NODE_ID: `observability-${process.pid}`, METRICS_TOKEN: TOKEN, LOG_REQUESTS: "true", JOBS_IN_PROCESS: "false" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  node.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  node.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  for (let i = 0; i < 150; i++) {
    if (await fetch(`${base}/api/health/live`).then((r) => r.ok, () => false)) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
});

test.afterAll(() => {
  node?.kill("SIGTERM");
});

/** The JSON lines the node has written so far. */
const lines = () =>
  output
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

test("every request gets one JSON log line with its id, and no email address is ever logged", async () => {
  // A proxy's id is kept; without one the node makes its own.
  const kept = await fetch(`${base}/api/tools?pageSize=1`, { headers: { "x-request-id": "edge-0123456789abcdef" } });
  expect(kept.headers.get("x-request-id")).toBe("edge-0123456789abcdef");
  const email = `observability-${Date.now()}@example.com`;
  const subscribed = await fetch(`${base}/api/newsletter`, { method: "POST", headers: { "content-type": "application/json", origin: base }, body: JSON.stringify({ email }) });
  expect(subscribed.status).toBe(202);
  const id = subscribed.headers.get("x-request-id")!;
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  // A sign-in link asked for the same address, with the address in the query string too.
  await fetch(`${base}/newsletter/confirm?token=${"x".repeat(43)}&email=${encodeURIComponent(email)}`);

  await expect.poll(() => lines().filter((line) => line.msg === "request" && line.reqId === id).length, { timeout: 5_000 }).toBe(1);
  const line = lines().find((entry) => entry.msg === "request" && entry.reqId === id)!;
  expect(line).toMatchObject({ level: "info", method: "POST", route: "/api/newsletter", path: "/api/newsletter", status: 202 });
  expect(typeof line.ms).toBe("number");
  expect(lines().some((entry) => entry.reqId === "edge-0123456789abcdef" && entry.route === "/api/tools")).toBe(true);
  // The confirm page's line has its path without the query (links carry tokens there).
  await expect.poll(() => lines().some((entry) => entry.msg === "request" && entry.path === "/newsletter/confirm"), { timeout: 5_000 }).toBe(true);
  expect(output).not.toContain(email);
  expect(output).not.toContain("x".repeat(43));
});

test("/api/metrics answers Prometheus's format with the token only, counting votes and requests", async () => {
  expect((await fetch(`${base}/api/metrics`)).status).toBe(401);
  expect((await fetch(`${base}/api/metrics`, { headers: { authorization: "Bearer wrong-token-of-the-same-kind-0123456789abcdef" } })).status).toBe(401);

  const tool = await newTool();
  const { sessionToken } = await createSignedInSession();
  const vote = await fetch(`${base}/api/tools/${tool.slug}/vote`, {
    method: "PUT",
    headers: { "content-type": "application/json", origin: base, cookie: `${SESSION_COOKIE}=${sessionToken}` },
    body: JSON.stringify({ decision: "ship" }),
  });
  expect(vote.status).toBe(200);
  await fetch(`${base}/compare/claude-4-sonnet-vs-smolvlm2-2b`);

  const scrape = await fetch(`${base}/api/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(scrape.status).toBe(200);
  expect(scrape.headers.get("content-type")).toContain("text/plain");
  const text = await scrape.text();
  expect(text).toMatch(/^votes_total\{decision="ship",counted="true"\} [1-9]/m);
  expect(text).toMatch(/^http_request_duration_seconds_count\{route="\/api\/tools\/\[slug\]\/vote",method="PUT",status="200"\} [1-9]/m);
  expect(text).toMatch(/^http_request_duration_seconds_count\{route="\/compare\/\[slug\]",method="GET",status="200"\} [1-9]/m);
  expect(text).toMatch(/^page_cache_events\{event="misses"\} \d+/m);
  expect(text).toMatch(/^live_streams_open \d+/m);
  expect(text).toMatch(/^db_pool_connections\{state="total"\} \d+/m);
  expect(text).toMatch(/^process_cpu_seconds_total \d/m);
  // A slug is a label value only as its pattern: nothing a client types becomes a series.
  await fetch(`${base}/tools/${"z".repeat(30)}`);
  const after = await (await fetch(`${base}/api/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
  expect(after).not.toContain("z".repeat(30));
});
