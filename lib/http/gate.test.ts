import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { log } from "@/lib/observability/log";
import { answerClientError, dropUntrustedForwarding, inspect, lingerAfterAnswer, refuse, shapeErrors, type GateOptions } from "./gate";

const run = promisify(execFile);

const options: GateOptions = { trustProxy: false, https: false };
const request = (method: string, url: string, headers: Record<string, string> = {}) => ({ method, url, headers });

describe("the front gate's rules", () => {
  it("refuses methods Next cannot take, targets that are not a path, undecodable and dot-segment paths, with the site's codes", () => {
    expect(inspect(request("TRACE", "/"))).toMatchObject({ status: 405, headers: { Allow: expect.stringContaining("GET") } });
    expect(inspect(request("CONNECT", "/"))).toMatchObject({ status: 405 });
    expect(inspect(request("OPTIONS", "*"))).toMatchObject({ status: 204 });
    expect(inspect(request("GET", "*"))).toMatchObject({ status: 400 });
    expect(inspect(request("GET", "http://evil.example/"))).toMatchObject({ status: 400 });
    expect(inspect(request("GET", "//evil.example/"))).toMatchObject({ status: 400 });
    for (const path of ["/compare/%ff%fe", "/tools/%E0%A4%A", "/api/tools/%", "/tools/%00", "/api/tools/../badge.svg", "/tools/%2e%2e/x"]) {
      expect(inspect(request("GET", path)), path).toMatchObject({ status: 400 });
    }
    expect(inspect(request("GET", `/${"a".repeat(9000)}`))).toMatchObject({ status: 414 });
  });

  it("lets ordinary requests through, with odd but decodable paths and any query", () => {
    for (const path of ["/", "/tools?q=%ff", "/compare/a-vs-b", "/api/tools/caf%C3%A9", "/_next/static/chunks/x.js", "/tools/a.b"]) {
      expect(inspect(request("GET", path)), path).toBeNull();
    }
    expect(inspect(request("PUT", "/api/tools/cursor/vote", { "content-length": "20" }))).toBeNull();
  });

  it("answers pages only to reads and posts (PUT to a page is 405), and OPTIONS on a page with what it allows", () => {
    expect(inspect(request("PUT", "/tools"))).toMatchObject({ status: 405, headers: { Allow: "GET, HEAD, POST, OPTIONS" } });
    expect(inspect(request("DELETE", "/"))).toMatchObject({ status: 405 });
    expect(inspect(request("OPTIONS", "/tools"))).toMatchObject({ status: 204 });
    expect(inspect(request("DELETE", "/api/tools/cursor/vote"))).toBeNull();
  });

  it("caps each route's body before anything reads it: the vote (with its reason) at 4 KB, the newsletter at 2 KB, a page's form at 256 KB, a tool's admin page (its logo upload) at 1 MB; a page post must say its length", () => {
    expect(inspect(request("PUT", "/api/tools/cursor/vote", { "content-length": "4096" }))).toBeNull();
    expect(inspect(request("PUT", "/api/tools/cursor/vote", { "content-length": "4097" }))).toMatchObject({ status: 413 });
    expect(inspect(request("POST", "/api/newsletter", { "content-length": "3000" }))).toMatchObject({ status: 413 });
    expect(inspect(request("POST", "/admin/verdicts/x", { "content-length": String(200 * 1024) }))).toBeNull();
    expect(inspect(request("POST", "/admin/verdicts/x", { "content-length": String(300 * 1024) }))).toMatchObject({ status: 413 });
    expect(inspect(request("POST", "/admin/tools/abc", { "content-length": String(300 * 1024) }))).toBeNull();
    expect(inspect(request("POST", "/admin/tools/abc", { "content-length": String(1024 * 1024 + 1) }))).toMatchObject({ status: 413 });
    expect(inspect(request("POST", "/admin/tools/new", { "content-length": String(1024 * 1024) }))).toBeNull();
    expect(inspect(request("POST", "/", { "transfer-encoding": "chunked" }))).toMatchObject({ status: 411 });
    expect(inspect(request("POST", "/api/newsletter", { "transfer-encoding": "chunked" }))).toBeNull();
  });

  it("drops forwarded headers unless a proxy the operator runs sets them", () => {
    const headers = { "x-forwarded-for": "1.2.3.4", "x-forwarded-host": "evil.example", "x-real-ip": "5.6.7.8", host: "site" };
    dropUntrustedForwarding(headers, options);
    expect(headers).toEqual({ host: "site" });
    const trusted = { "x-forwarded-for": "1.2.3.4", host: "site" };
    dropUntrustedForwarding(trusted, { ...options, trustProxy: true });
    expect(trusted).toEqual({ "x-forwarded-for": "1.2.3.4", host: "site" });
  });
});

describe("the front gate over HTTP", () => {
  let server: http.Server;
  let base = "";
  /** What "Next" answers in this test: a bare error with no body type of ours. */
  let app: (req: http.IncomingMessage, res: http.ServerResponse) => void = () => undefined;

  beforeAll(async () => {
    vi.spyOn(log(), "warn").mockImplementation(() => undefined);
    server = http.createServer((req, res) => {
      const refusal = inspect(req);
      if (refusal) return refuse(req, res, refusal, options);
      shapeErrors(req, res, options);
      app(req, res);
    });
    server.on("clientError", (error, socket) => answerClientError(error, socket, options));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("gives Next's own bare errors the site's shape: JSON under /api, a page elsewhere, with the security headers", async () => {
    app = (_req, res) => {
      res.statusCode = 400;
      res.setHeader("content-type", "text/plain");
      res.end("Invalid Server Action request.");
    };
    const page = await fetch(`${base}/`, { method: "POST" });
    expect(page.status).toBe(400);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await page.text()).toContain("<h1>That request can't be read</h1>");

    app = (_req, res) => res.writeHead(405).end();
    const api = await fetch(`${base}/api/tools`, { method: "PATCH" });
    expect(api.status).toBe(405);
    expect(await api.json()).toEqual({ error: { code: "method_not_allowed", message: expect.any(String) } });
  });

  it("logs one line per refused request — method, path, status, reason — and no stack", async () => {
    const warn = vi.mocked(log().warn);
    const error = vi.spyOn(log(), "error");
    const consoleError = vi.spyOn(console, "error");
    warn.mockClear();
    // The id the request carries (server.ts's observeRequest puts one on every request) is on the line.
    await fetch(`${base}/compare/%ff%fe`, { headers: { "x-request-id": "req-0123456789" } });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]).toEqual([{ method: "GET", path: "/compare/%ff%fe", status: 400, reason: "bad_request", requestId: "req-0123456789" }, "refused"]);
    expect(error).not.toHaveBeenCalled();
    expect(consoleError).not.toHaveBeenCalled();
    error.mockRestore();
    consoleError.mockRestore();
  });

  it("leaves answers of ours alone: a JSON error, an HTML error page, a success", async () => {
    app = (_req, res) => res.writeHead(404, { "content-type": "application/json" }).end('{"error":{"code":"not_found","message":"Tool \\"x\\" not found"}}');
    expect(await (await fetch(`${base}/api/tools/x`)).json()).toEqual({ error: { code: "not_found", message: 'Tool "x" not found' } });
    app = (_req, res) => res.writeHead(200, { "content-type": "text/plain" }).end("fine");
    expect(await (await fetch(`${base}/robots.txt`)).text()).toBe("fine");
  });

  it("answers what Node's parser refuses (headers too large) on the socket, in the shape of the path asked for", async () => {
    const answer = await new Promise<string>((resolve) => {
      const socket = net.connect(Number(new URL(base).port), "127.0.0.1");
      let text = "";
      socket.on("data", (chunk: Buffer) => (text += chunk.toString()));
      socket.on("close", () => resolve(text));
      socket.write(`GET /api/tools HTTP/1.1\r\nHost: x\r\nX-Big: ${"v".repeat(20_000)}\r\n\r\n`);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(answer).toContain("Content-Security-Policy: default-src 'none'");
    expect(answer).toContain('{"error":{"code":"headers_too_large"');
  });
});

describe("a lingering close", () => {
  // The client runs in its own process and is busy for a moment after sending (as a loaded client is):
  // the answer and the server's close have then both arrived before it reads, and a reset loses the answer.
  const client = `
    const http = require("node:http");
    const body = Buffer.alloc(4 * 1024 * 1024, 97);
    const req = http.request({ port: Number(process.argv[1]), method: "DELETE", path: "/api/nothing", agent: false,
      headers: { "content-length": body.length, "content-type": "application/json", expect: "100-continue" } }, (res) => {
      res.resume();
      res.on("end", () => (outcome ??= "answer " + res.statusCode));
    });
    let outcome;
    req.on("error", (error) => (outcome ??= "lost " + error.code));
    process.on("exit", () => console.log(outcome));
    req.on("continue", () => { req.end(body); const until = Date.now() + 150; while (Date.now() < until); });`;

  // A client that stalls for longer than a short linger would wait, mid-body (its machine busy), then finishes.
  const stalling = client.replace(
    'req.on("continue", () => { req.end(body); const until = Date.now() + 150; while (Date.now() < until); });',
    'req.on("continue", () => { req.write(body.subarray(0, 1024 * 1024)); const until = Date.now() + 2500; while (Date.now() < until); req.end(body.subarray(1024 * 1024)); });',
  );

  async function lost(linger: boolean, tries: number, script = client): Promise<string[]> {
    const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
      if (linger) lingerAfterAnswer(req, res);
      res.writeContinue();
      // An answer that reads no body and ends the connection (the client asked for that: agent false).
      res.writeHead(405, { "content-type": "application/json" }).end('{"error":{"code":"method_not_allowed","message":"No."}}');
    };
    const server = http.createServer(handler);
    server.on("checkContinue", handler);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    const outcomes: string[] = [];
    for (let i = 0; i < tries; i++) {
      const { stdout } = await run(process.execPath, ["-e", script, String(port)]);
      outcomes.push(stdout.trim());
    }
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return outcomes;
  }

  it("keeps reading a body nobody read before closing, so a slow client still gets its answer (without it, the reset loses it)", async () => {
    expect(await lost(true, 5)).toEqual(Array(5).fill("answer 405"));
    // The control: the same exchange without the linger loses the answer.
    expect((await lost(false, 5)).filter((outcome) => outcome.startsWith("lost")).length).toBeGreaterThan(0);
  }, 30_000);

  it("waits for a client that stalls mid-body for seconds (nginx's lingering_timeout), rather than closing on a short total", async () => {
    expect(stalling).not.toBe(client);
    expect(await lost(true, 2, stalling)).toEqual(Array(2).fill("answer 405"));
  }, 30_000);
});
