import { describe, expect, it } from "vitest";
import { cacheableRequest, FILL_HEADER, pageCacheTags } from "./routes";
import { ALL_TOOLS } from "./store";

const get = (path: string, headers: Record<string, string> = {}, method = "GET") => ({
  method,
  url: `http://localhost:3000${path}`,
  headers: new Headers(headers),
});

describe("page cache routes", () => {
  it("tags a comparison by its two tools and list pages by every tool", () => {
    expect(pageCacheTags("/compare/cursor-vs-github-copilot")).toEqual(["tool:cursor", "tool:github-copilot"]);
    for (const path of ["/", "/tools", "/compare", "/reviewers", "/tools/cursor", "/tools/cursor/history/ada", "/tools/cursor/alternatives", "/reviewers/ada"]) {
      expect(pageCacheTags(path), path).toEqual([ALL_TOOLS]);
    }
  });

  it("never caches private, admin, API, auth or baseline pages", () => {
    for (const path of ["/account", "/admin", "/admin/tools", "/api/tools", "/signin", "/newsletter/confirm", "/bench/dynamic", "/compare/a", "/compare/a-vs-b-vs-c", "/tools/Bad_Slug", "/tools/a/b", "/tools/Bad_Slug/alternatives", "/tools/a/alternatives/b"]) {
      expect(pageCacheTags(path), path).toBeNull();
    }
  });

  it("answers GET and HEAD document requests, keyed by path and the parameters the page reads, in one order", () => {
    expect(cacheableRequest(get("/tools?sort=community"))).toEqual({ kind: "cache", key: "/tools?sort=community", tags: [ALL_TOOLS] });
    expect(cacheableRequest(get("/tools?sort=community&q=chat%20bots"))).toEqual({ kind: "cache", key: "/tools?q=chat%20bots&sort=community", tags: [ALL_TOOLS] });
    expect(cacheableRequest(get("/tools?q=chat+bots&sort=community"))).toEqual({ kind: "cache", key: "/tools?q=chat%20bots&sort=community", tags: [ALL_TOOLS] });
    expect(cacheableRequest(get("/compare/a-vs-b"))).toEqual({ kind: "cache", key: "/compare/a-vs-b", tags: ["tool:a", "tool:b"] });
    // The directory's ticks without JavaScript repeat `tools`: kept (not redirected away), and left to the app.
    expect(cacheableRequest(get("/compare?tools=a&tools=b"))).toBeNull();
    expect(cacheableRequest(get("/compare?tools=a&utm=x"))).toEqual({ kind: "redirect", location: "/compare?tools=a" });
    expect(cacheableRequest(get("/tools", {}, "HEAD"))).not.toBeNull();
    expect(cacheableRequest(get("/tools", { cookie: "authjs.csrf-token=abc; theme=dark" }))).not.toBeNull();
  });

  it("answers signed-in readers from the same entry as everyone (public pages hold nothing personal)", () => {
    const signedOut = cacheableRequest(get("/compare/a-vs-b"));
    for (const cookie of ["authjs.session-token=abc", "x=1; __Secure-authjs.session-token=abc", "authjs.session-token.0=abc"]) {
      expect(cacheableRequest(get("/compare/a-vs-b", { cookie }))).toEqual(signedOut);
    }
  });

  it("leaves writes, RSC navigations and its own renders to the app", () => {
    expect(cacheableRequest(get("/tools", {}, "POST"))).toBeNull();
    expect(cacheableRequest(get("/tools", { rsc: "1" }))).toBeNull();
    expect(cacheableRequest(get("/tools", { "next-router-prefetch": "1" }))).toBeNull();
    expect(cacheableRequest(get("/tools?_rsc=abc"))).toBeNull();
    expect(cacheableRequest(get("/tools", { "next-router-state-tree": "%5B%5D" }))).toBeNull();
    expect(cacheableRequest(get("/tools", { [FILL_HEADER]: "secret" }))).toBeNull();
  });

  it("sends a request with parameters the page does not read to the address without them, so they cannot multiply renders or cache entries", () => {
    expect(cacheableRequest(get("/?bust=123"))).toEqual({ kind: "redirect", location: "/" });
    expect(cacheableRequest(get("/compare/a-vs-b?utm_source=x&ref=y"))).toEqual({ kind: "redirect", location: "/compare/a-vs-b" });
    expect(cacheableRequest(get("/tools?sort=community&bust=1&q=x"))).toEqual({ kind: "redirect", location: "/tools?sort=community&q=x" });
    expect(cacheableRequest(get("/tools?pageSize=100"))).toEqual({ kind: "redirect", location: "/tools" });
  });

  it("leaves a repeated parameter to the app (which reads one of them) rather than caching a guess", () => {
    expect(cacheableRequest(get("/tools?q=a&q=b"))).toBeNull();
  });
});
