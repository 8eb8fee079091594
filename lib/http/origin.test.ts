import { afterEach, describe, expect, it, vi } from "vitest";

/** origin.ts as a node configured with this TRUST_PROXY sees it (env is read once, on import). */
async function withTrustProxy(value: string | undefined) {
  vi.resetModules();
  vi.stubEnv("SITE_URL", "https://shiporskip.example");
  if (value === undefined) vi.stubEnv("TRUST_PROXY", undefined as unknown as string);
  else vi.stubEnv("TRUST_PROXY", value);
  return import("./origin");
}
afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

/** A write as it reaches the app on an internal address behind a proxy (Host is the app's own). */
const write = (origin: string, extra: Record<string, string> = {}) =>
  new Request("http://10.0.0.5:3000/api/newsletter", { method: "POST", headers: { origin, host: "10.0.0.5:3000", ...extra } });

const refusal = (run: () => void) => {
  try {
    run();
    return null;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
};

describe("assertSameOrigin", () => {
  it("lets through requests without Origin unless the browser says they are cross-site", async () => {
    const { assertSameOrigin } = await withTrustProxy(undefined);
    const bare = (headers: Record<string, string>) => new Request("http://10.0.0.5:3000/api/newsletter", { method: "POST", headers });
    expect(refusal(() => assertSameOrigin(bare({})))).toBeNull();
    expect(refusal(() => assertSameOrigin(bare({ "sec-fetch-site": "same-origin" })))).toBeNull();
    expect(refusal(() => assertSameOrigin(bare({ "sec-fetch-site": "none" })))).toBeNull();
    expect(refusal(() => assertSameOrigin(bare({ "sec-fetch-site": "cross-site" })))).toBe("cross_site_request");
    expect(refusal(() => assertSameOrigin(bare({ "sec-fetch-site": "same-site" })))).toBe("cross_site_request");
  });

  it("takes this site to be SITE_URL, the request's URL and its Host header; nothing else, nothing unreadable", async () => {
    const { assertSameOrigin } = await withTrustProxy(undefined);
    const viaHost = new Request("http://10.0.0.5:3000/api/newsletter", { method: "POST", headers: { origin: "http://app.internal:8080", host: "app.internal:8080" } });
    expect(refusal(() => assertSameOrigin(viaHost))).toBeNull();
    expect(refusal(() => assertSameOrigin(write("http://app.internal:8080")))).toBe("cross_site_request");
    expect(refusal(() => assertSameOrigin(write("not a url")))).toBe("cross_site_request");
    expect(refusal(() => assertSameOrigin(write("null")))).toBe("cross_site_request");
  });
});

describe("assertSameOrigin and X-Forwarded-Host", () => {
  it("without TRUST_PROXY, X-Forwarded-Host never makes a foreign Origin this site", async () => {
    for (const setting of [undefined, "false", "0"]) {
      const { assertSameOrigin } = await withTrustProxy(setting);
      expect(refusal(() => assertSameOrigin(write("https://evil.example", { "x-forwarded-host": "evil.example" }))), `TRUST_PROXY=${setting}`).toBe("cross_site_request");
      expect(refusal(() => assertSameOrigin(write("https://app.internal", { "x-forwarded-host": "app.internal" }))), `TRUST_PROXY=${setting}`).toBe("cross_site_request");
      // SITE_URL and the Host the request came to still pass.
      expect(refusal(() => assertSameOrigin(write("https://shiporskip.example")))).toBeNull();
      expect(refusal(() => assertSameOrigin(write("http://10.0.0.5:3000")))).toBeNull();
    }
  });

  it("with TRUST_PROXY, the host the proxy forwarded is this site too", async () => {
    const { assertSameOrigin } = await withTrustProxy("true");
    expect(refusal(() => assertSameOrigin(write("https://mirror.shiporskip.example", { "x-forwarded-host": "mirror.shiporskip.example" })))).toBeNull();
    expect(refusal(() => assertSameOrigin(write("https://evil.example", { "x-forwarded-host": "mirror.shiporskip.example" })))).toBe("cross_site_request");
  });

  it("with TRUST_PROXY, only the hop the proxy wrote counts, not one the client put before it", async () => {
    const one = await withTrustProxy("1");
    expect(refusal(() => one.assertSameOrigin(write("https://evil.example", { "x-forwarded-host": "evil.example, mirror.shiporskip.example" })))).toBe("cross_site_request");
    const two = await withTrustProxy("2");
    expect(refusal(() => two.assertSameOrigin(write("https://mirror.shiporskip.example", { "x-forwarded-host": "evil.example, mirror.shiporskip.example, lb.internal" })))).toBeNull();
    expect(refusal(() => two.assertSameOrigin(write("https://evil.example", { "x-forwarded-host": "evil.example, mirror.shiporskip.example, lb.internal" })))).toBe("cross_site_request");
  });
});
