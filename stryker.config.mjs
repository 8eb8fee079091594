// @ts-check
import os from "node:os";
import path from "node:path";

/**
 * Mutation testing with StrykerJS (docs/decisions/018-rate-limit-identities-and-mutation-testing.md).
 * Run it with `npm run mutate` (scripts/mutate.ts): that prepares the test databases the
 * integration tests need, then runs Stryker once per study below (STRYKER_STUDY names it), each
 * limited to the test files that exercise its folder. Not part of `npm test` or CI: a study
 * takes minutes.
 */

/**
 * What is mutated, and which tests may kill the mutants. Unit tests need nothing; the
 * integration tests need the databases scripts/mutate.ts prepares (as scripts/test.ts does).
 * @type {Record<string, { mutate: string[]; testFiles: string[] }>}
 */
export const studies = {
  "lib/scores": {
    mutate: ["lib/scores/**/*.ts"],
    testFiles: ["lib/scores/**/*.test.ts"],
  },
  "lib/http": {
    mutate: ["lib/http/**/*.ts"],
    // The route-handler plumbing (errors.ts, json.ts, origin.ts) through the vote API; the rest has unit tests.
    testFiles: ["lib/http/**/*.test.ts", "tests/integration/votes.test.ts"],
  },
  "lib/rate-limit": {
    mutate: ["lib/rate-limit/**/*.ts"],
    testFiles: ["lib/rate-limit/**/*.test.ts", "tests/integration/rate-limit.test.ts", "tests/integration/abuse.test.ts", "tests/integration/vote-actions.test.ts"],
  },
  "lib/votes": {
    mutate: ["lib/votes/**/*.ts"],
    testFiles: ["tests/integration/votes.test.ts", "tests/integration/vote-actions.test.ts"],
  },
};

/** One study (STRYKER_STUDY, as scripts/mutate.ts sets it), or all of them together. */
const name = process.env.STRYKER_STUDY;
if (name && !(name in studies)) throw new Error(`STRYKER_STUDY: no study named ${name} (${Object.keys(studies).join(", ")})`);
const chosen = name ? [studies[name]] : Object.values(studies);
const report = `reports/mutation/${name ? name.replaceAll("/", "-") : "all"}`;

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
const config = {
  testRunner: "vitest",
  plugins: ["@stryker-mutator/vitest-runner"],
  vitest: { configFile: "vitest.config.ts", related: false },
  // Each mutant runs only the tests that reached it in the dry run. Static mutants (module-level
  // code: schemas, constants) would rerun every selected test with a fresh environment each:
  // left out (reported as ignored) to keep a full study near 25 minutes on two cores.
  coverageAnalysis: "perTest",
  ignoreStatic: true,
  mutate: chosen.flatMap((study) => study.mutate).concat("!**/*.test.ts"),
  testFiles: [...new Set(chosen.flatMap((study) => study.testFiles))],
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: `${report}.html` },
  jsonReporter: { fileName: `${report}.json` },
  // Sandboxes outside the tree: other tools (tsc, ESLint, Vitest) must never see the copies.
  tempDirName: path.join(os.tmpdir(), "ship-or-skip-stryker"),
  cleanTempDir: "always",
  ignorePatterns: ["/.data", "/test-results", "/playwright-report", "/reports", "/bench/results", "/.stryker-tmp"],
  concurrency: 2,
  // Integration tests clone a database per file: allow for it on a busy machine.
  timeoutMS: 20_000,
  thresholds: { high: 80, low: 60 },
};

export default config;
