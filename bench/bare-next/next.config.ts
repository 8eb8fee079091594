import path from "node:path";
import type { NextConfig } from "next";

const config: NextConfig = {
  // Its node_modules are the project's: the same Next.js and React.
  turbopack: { root: path.resolve(import.meta.dirname, "../..") },
  outputFileTracingRoot: path.resolve(import.meta.dirname, "../.."),
};

export default config;
