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
    for (const path of ["/", "/tools", "/compare", "/reviewers", "/tools/cursor", "/tools/cursor/history/ada", "/reviewers/ada"]) {
      expect(pageCacheTags(path), path).toEqual([ALL_TOOLS]);
    }
  });

  it("never caches private, admin, API, auth or baseline pages", () => {
    for (const path of ["/account", "/admin", "/admin/tools", "/api/tools", "/signin", "/newsletter/confirm", "/bench/dynamic", "/compare/a", "/compare/a-vs-b-vs-c", "/tools/Bad_Slug", "/tools/a/b"]) {
      expect(pageCacheTags(path), path).toBeNull();
    }
  });

  it("answers signed-out GET and HEAD document requests, keyed by path and query", () => {
    expect(cacheableRequest(get("/tools?sort=community"))).toEqual({ key: "/tools?sort=community", tags: [ALL_TOOLS] });
    expect(cacheableRequest(get("/tools", {}, "HEAD"))).not.toBeNull();
    expect(cacheableRequest(get("/tools", { cookie: "authjs.csrf-token=abc; theme=dark" }))).not.toBeNull();
  });

  it("leaves signed-in readers, writes, RSC navigations and its own renders to the app", () => {
    expect(cacheableRequest(get("/tools", { cookie: "authjs.session-token=abc" }))).toBeNull();
    expect(cacheableRequest(get("/tools", { cookie: "x=1; __Secure-authjs.session-token=abc" }))).toBeNull();
    expect(cacheableRequest(get("/tools", { cookie: "authjs.session-token.0=abc" }))).toBeNull();
    expect(cacheableRequest(get("/tools", {}, "POST"))).toBeNull();
    expect(cacheableRequest(get("/tools", { rsc: "1" }))).toBeNull();
    expect(cacheableRequest(get("/tools", { "next-router-prefetch": "1" }))).toBeNull();
    expect(cacheableRequest(get("/tools?_rsc=abc"))).toBeNull();
    expect(cacheableRequest(get("/tools", { [FILL_HEADER]: "secret" }))).toBeNull();
  });
});
