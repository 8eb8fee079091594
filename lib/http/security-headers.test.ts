import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { contentSecurityPolicy, inlineScriptHashes, newNonce, staticSecurityHeaders } from "./security-headers";

const directives = (policy: string) => new Map(policy.split("; ").map((part) => [part.split(" ")[0]!, part] as const));

describe("security headers", () => {
  it("allows scripts by this response's nonce only, never inline or eval in production", () => {
    const policy = directives(contentSecurityPolicy("abc123==", { https: true, development: false }));
    expect(policy.get("script-src")).toBe("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(policy.get("script-src")).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(policy.get("frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(policy.get("object-src")).toBe("object-src 'none'");
    expect(policy.get("base-uri")).toBe("base-uri 'self'");
    expect(policy.has("upgrade-insecure-requests")).toBe(true);
  });

  it("adds eval only for next dev, and an OAuth provider to form-action when configured", () => {
    const dev = directives(contentSecurityPolicy("n", { https: false, development: true, formActions: ["https://github.com"] }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(dev.get("form-action")).toBe("form-action 'self' https://github.com");
    expect(dev.has("upgrade-insecure-requests")).toBe(false);
  });

  it("sends HSTS only over HTTPS", () => {
    const names = (https: boolean) => staticSecurityHeaders({ https }).map(([name]) => name);
    expect(names(true)).toContain("Strict-Transport-Security");
    expect(names(false)).not.toContain("Strict-Transport-Security");
    expect(names(false)).toEqual(expect.arrayContaining(["X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy", "X-Frame-Options"]));
  });

  it("makes a new 128-bit nonce every time, in the characters Next accepts", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  it("a cached page's policy allows its own inline scripts by hash and this site's script files, and nothing else", () => {
    const policy = directives(contentSecurityPolicy({ hashes: ["AAA=", "BBB="] }, { https: false, development: false }));
    expect(policy.get("script-src")).toBe("script-src 'self' 'sha256-AAA=' 'sha256-BBB='");
    expect(policy.get("script-src")).not.toMatch(/unsafe-inline|unsafe-eval|nonce|strict-dynamic/);
    expect(policy.get("frame-ancestors")).toBe("frame-ancestors 'none'");
  });

  it("hashes exactly the executable inline scripts of a page, as a browser does", () => {
    const sha = (text: string) => createHash("sha256").update(text, "utf8").digest("base64");
    const html = [
      '<script nonce="x">self.__next_f.push([1,"é"])</script>',
      "<script>(function(){document.documentElement.dataset.theme='dark'})()</script>",
      '<script src="/_next/static/chunks/app.js" async=""></script>',
      '<script type="application/ld+json">{"@type":"Thing"}</script>',
      '<script type="module">import "/x.js"</script>',
      '<SCRIPT type="text/javascript">a()</SCRIPT>',
      '<script>self.__next_f.push([1,"é"])</script>', // the same script twice: one hash
    ].join("\n");
    expect(inlineScriptHashes(html).sort()).toEqual(
      [sha('self.__next_f.push([1,"é"])'), sha("(function(){document.documentElement.dataset.theme='dark'})()"), sha('import "/x.js"'), sha("a()")].sort(),
    );
    expect(inlineScriptHashes("<p>no scripts</p>")).toEqual([]);
  });
});
