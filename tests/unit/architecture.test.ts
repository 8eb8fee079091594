import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The tree's own rules, read from the source (see docs/decisions/017 and the
 * README's "How to change things"):
 * - lib/ is the app's code: every file in it is reached from the app
 *   (app/, components/, proxy.ts, instrumentation.ts); tooling that only
 *   scripts and tests use lives in scripts/ or tests/helpers/;
 * - exactly one module opens a LISTEN connection (lib/db-events/listener.ts);
 * - layers point one way: lib/ never imports components/ or app/.
 */

const root = path.resolve(import.meta.dirname, "../..");
const SOURCE = /\.(ts|tsx)$/;
const skipped = new Set(["node_modules", ".next", ".data", "generated", "test-results", ".git"]);

function files(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(path.join(root, dir))) {
    if (skipped.has(name)) continue;
    const relative = path.join(dir, name);
    if (statSync(path.join(root, relative)).isDirectory()) found.push(...files(relative));
    else if (SOURCE.test(name)) found.push(relative);
  }
  return found;
}

const isTest = (file: string) => /\.test\.tsx?$|\.spec\.ts$/.test(file);

/** The files a module imports (static and dynamic), resolved like the bundler: "@/" is the root. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(root, file), "utf8");
  const specifiers = [...text.matchAll(/(?:import|export)\s[^"';]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|^import\s+["']([^"']+)["']/gm)].map(
    (match) => match[1] ?? match[2] ?? match[3]!,
  );
  const resolved: string[] = [];
  for (const specifier of specifiers) {
    const base = specifier.startsWith("@/") ? specifier.slice(2) : specifier.startsWith(".") ? path.join(path.dirname(file), specifier) : null;
    if (base === null) continue;
    const target = [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")].find(
      (candidate) => existsSync(path.join(root, candidate)) && statSync(path.join(root, candidate)).isFile(),
    );
    if (target) resolved.push(path.normalize(target));
  }
  return resolved;
}

describe("the tree's architecture", () => {
  it("every file under lib/ is used by the app, not only by scripts or tests", () => {
    // The app, and the operations an operator runs against production (README "Operations"): not dev tooling.
    const operations = ["scripts/reconcile.ts", "scripts/digest.ts"];
    const roots = [...files("app"), ...files("components"), "proxy.ts", "instrumentation.ts", "server.ts", ...operations].filter((file) => !isTest(file));
    const reached = new Set<string>();
    const queue = [...roots];
    while (queue.length) {
      const file = queue.pop()!;
      if (reached.has(file)) continue;
      reached.add(file);
      queue.push(...importsOf(file));
    }
    const unused = files("lib").filter((file) => !isTest(file) && !reached.has(file));
    expect(unused, "lib/ files no app code imports (move tooling to scripts/ or tests/helpers/)").toEqual([]);
  });

  it("exactly one module opens a LISTEN connection", () => {
    const listeners = [...files("app"), ...files("components"), ...files("lib"), ...files("scripts"), ...files("tests"), "proxy.ts"].filter((file) => {
      if (file === path.join("tests", "unit", "architecture.test.ts")) return false;
      const text = readFileSync(path.join(root, file), "utf8");
      return /\.listen\(\s*(CHANNELS\.|["'`][a-z_]+["'`]\s*,)|["'`]\s*LISTEN\s/.test(text);
    });
    expect(listeners).toEqual([path.join("lib", "db-events", "listener.ts")]);
  });

  it("lib/ never imports components/ or app/", () => {
    const upward = files("lib").flatMap((file) => importsOf(file).filter((target) => /^(components|app)\//.test(target)).map((target) => `${file} → ${target}`));
    expect(upward).toEqual([]);
  });
});
