import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

/**
 * `npm start` in the background, stopped the way people stop it
 * (`nohup npm start &` then `kill $!`, Ctrl-C, or the terminal closing): whichever
 * process gets the signal, the app server and the embedded PostgreSQL stop
 * too, and nothing is left listening or running. On a fresh embedded database
 * of its own, with the build the suite made.
 */
test.describe.configure({ mode: "serial", timeout: 180_000 });

const root = path.resolve(import.meta.dirname, "../..");
let dataDir = "";

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });

/** Processes started for this run: every process whose environment carries its PORT. */
function processesWith(port: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${entry}/environ`, "latin1").split("\0").includes(`PORT=${port}`)) found.push(Number(entry));
    } catch {
      // Gone, or not ours to read.
    }
  }
  return found;
}

test.beforeAll(async () => {
  test.skip(!process.env.DATABASE_URL, "needs `npm test` (the build it made)");
  test.skip(process.platform !== "linux", "reads /proc");
  dataDir = path.join(await mkdtemp(path.join(os.tmpdir(), "sos-process-")), "pg");
});
test.afterAll(async () => {
  if (dataDir) await rm(path.dirname(dataDir), { recursive: true, force: true });
});

for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"] as const) {
  test(`${signal} to npm's pid stops the app and the embedded database, leaving nothing listening`, async () => {
    const [port, pgPort] = [await freePort(), await freePort()];
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), EMBEDDED_PG_PORT: String(pgPort), EMBEDDED_PG_DIR: dataDir, SEED: "false" };
    delete env.DATABASE_URL;
    const npm = spawn("npm", ["start"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    let output = "";
    npm.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    npm.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    try {
      await expect.poll(() => output, { timeout: 120_000, message: "the app never said it was ready" }).toContain("Ready on");
      expect(await listening(port)).toBe(true);
      expect(await listening(pgPort)).toBe(true);
      expect((await fetch(`http://127.0.0.1:${port}/api/health/live`)).status).toBe(200);

      process.kill(npm.pid!, signal);
      // Generous: on CI's two busy cores the server's drain (at most 10 s) and PostgreSQL's shutdown checkpoint share the cores with another worker's tests.
      await expect.poll(async () => (await listening(port)) || (await listening(pgPort)), { timeout: 60_000, message: output }).toBe(false);
      await expect.poll(() => processesWith(port), { timeout: 15_000 }).toEqual([]);
    } finally {
      for (const pid of processesWith(port)) process.kill(pid, "SIGKILL");
    }
  });
}
