import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import net from "node:net";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "../..");
export const nextBin = path.join(root, "node_modules/next/dist/bin/next");

/** Newest modification time under the given paths (recursively). */
function newestMtime(paths: string[]): number {
  let newest = 0;
  const visit = (target: string) => {
    if (!existsSync(target)) return;
    const stats = statSync(target);
    newest = Math.max(newest, stats.mtimeMs);
    if (stats.isDirectory()) {
      for (const entry of readdirSync(target)) {
        if (entry === "generated" || entry === "node_modules" || entry.startsWith(".")) continue;
        visit(path.join(target, entry));
      }
    }
  };
  paths.forEach((p) => visit(path.join(root, p)));
  return newest;
}

/** True when .next holds a production build newer than every source it is built from. */
export function buildIsCurrent(): boolean {
  const buildId = path.join(root, ".next/BUILD_ID");
  if (!existsSync(buildId)) return false;
  const sources = newestMtime([
    "app", "components", "lib", "public", "prisma/schema.prisma",
    "next.config.ts", "proxy.ts", "instrumentation.ts", "instrumentation-client.ts", "postcss.config.mjs", "package-lock.json", "tsconfig.json",
  ]);
  return statSync(buildId).mtimeMs >= sources;
}

/** Node's arguments to run the production server (server.ts, through tsx); PORT and HOSTNAME come from the environment. */
export function serverArgs(): string[] {
  return ["--import", "tsx", path.join(root, "server.ts")];
}

/** Runs the Next CLI with inherited output; resolves with its exit code. */
export function runNext(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [nextBin, ...args], { cwd: root, env, stdio: "inherit" });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

export function portFree(port: number, host?: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.once("listening", () => server.close(() => resolve(true)));
    server.listen(port, host);
  });
}

/** A port the OS says is free right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}
