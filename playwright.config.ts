import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Run through `npm test`, which prepares the database and the build. Standalone:
//   DATABASE_URL=… E2E_PORT=3200 npx playwright test   (after `npm run build`)
const port = Number(process.env.E2E_PORT ?? 3200);
const chromium = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/e2e",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"], ["json"]],
  // CI runs two workers, the server and Chromium on two cores: long flows (sign in by email, vote,
  // change, withdraw) get more room there; a single expectation still waits 5 s at most.
  timeout: process.env.CI ? 60_000 : 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, testIgnore: /(admin|xss|account|wire-fuzz|alternatives|suggestions)\.spec\.ts/ },
    // Admin edits, deleted accounts, the wire fuzzer's writes and specs that list tools of their own
    // (alternatives, suggestions) change data other specs read (the directory's count, a tool's
    // figures), so they run after them.
    { name: "admin", use: { ...devices["Desktop Chrome"] }, testMatch: /(admin|xss|account|wire-fuzz|alternatives|suggestions)\.spec\.ts/, dependencies: ["chromium"] },
  ],
  webServer: {
    // The production server as `npm start` runs it: Next behind the front gate (server.ts).
    command: `node --import tsx server.ts`,
    env: { PORT: String(port), HOSTNAME: "127.0.0.1" },
    url: `http://127.0.0.1:${port}/api/tools?pageSize=1`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
