import { describe, expect, it } from "vitest";
import { parseWrk } from "../../scripts/lib/wrk";

// wrk 4.1's report (Debian's package), as `npm run bench` reads it.
const REPORT = `Running 10s test @ http://127.0.0.1:3470/
  1 threads and 50 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     2.41ms  812.33us  20.51ms   91.02%
    Req/Sec    21.02k     1.20k   23.10k    80.00%
  Latency Distribution
     50%  824.00us
     75%    2.39ms
     90%    2.77ms
     99%    1.02s
  209312 requests in 10.00s, 1.02GB read
  Socket errors: connect 0, read 3, write 0, timeout 2
  Non-2xx or 3xx responses: 7
Requests/sec:  20925.43
Transfer/sec:    104.27MB
`;

describe("wrk's report", () => {
  it("gives the request rate, the median and 99th percentile in ms, socket errors and non-2xx answers", () => {
    expect(parseWrk(REPORT, "nginx")).toEqual({ name: "nginx", requests: 209312, rps: 20925, p50: 0.82, p99: 1020, errors: 5, non2xx: 7 });
  });

  it("reads a clean run (no error lines) as no errors", () => {
    const clean = REPORT.replace(/^ {2}Socket errors.*\n/m, "").replace(/^ {2}Non-2xx.*\n/m, "");
    expect(parseWrk(clean, "bare")).toMatchObject({ errors: 0, non2xx: 0, rps: 20925 });
  });

  it("refuses a report it cannot read rather than print a zero", () => {
    expect(() => parseWrk("unable to connect to 127.0.0.1:1 Connection refused", "x")).toThrow(/not understood/);
  });
});

describe("wrk's request script", () => {
  it("sends the planned requests in turn, formatted once wrk knows its Host, with quotes, backslashes and newlines escaped", async () => {
    const { wrkScript } = await import("../../scripts/lib/wrk");
    const script = wrkScript([
      { method: "GET", path: "/tools", headers: { cookie: 'a="b\\c"' } },
      { method: "PUT", path: "/api/tools/x/vote", headers: { "content-type": "application/json" }, body: '{"decision":"ship"}\n' },
    ]);
    expect(script).toContain(String.raw`{ "GET", "/tools", { ["cookie"] = "a=\"b\\c\"" } },`);
    expect(script).toContain(String.raw`{ "PUT", "/api/tools/x/vote", { ["content-type"] = "application/json" }, "{\"decision\":\"ship\"}\n" },`);
    // wrk.format reads wrk.headers.Host, which wrk sets just before init().
    expect(script.indexOf("init = function")).toBeLessThan(script.indexOf("wrk.format"));
    expect(script).toMatch(/i = i % #requests \+ 1/);
    expect(() => wrkScript([])).toThrow(/no requests/);
  });
});
