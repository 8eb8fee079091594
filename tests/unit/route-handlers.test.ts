import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Every route handler under app/ (the JSON API in app/api, and the few outside
 * it such as the feed), with who may call it. Generated from the files, so a
 * new handler (an admin one especially) cannot ship unreviewed:
 * add it here with its access level and to the matrix of the tests that call
 * it (tests/integration/votes.test.ts for signed-in writes).
 */
const EXPECTED: Record<string, string> = {
  "app/api/auth/[...nextauth]/route.ts": "public (Auth.js; magic-link POSTs rate-limited)",
  "app/api/bench/vote-baseline/route.ts": "bench only (404 without the run's BENCH_TOKEN)",
  "app/api/comparisons/[slug]/route.ts": "public read",
  "app/api/tools/route.ts": "public read",
  "app/api/tools/[slug]/route.ts": "public read",
  "app/api/tools/[slug]/vote/route.ts": "signed-in user, own vote and reason only (401 otherwise; GET private, no-store)",
  "app/api/tools/[slug]/follow/route.ts": "signed-in user, own follows only (401 otherwise; Origin-checked, rate-limited); tested in tests/integration/follows.test.ts",
  "app/api/tools/[slug]/reasons/route.ts": "public read (public names only, never an email); tested in tests/integration/reasons.test.ts",
  "app/api/tools/[slug]/history/route.ts": "public read (daily figures of a listed tool, no personal data); tested in tests/integration/trends.test.ts",
  "app/api/reasons/[id]/helpful/route.ts": "signed-in user, own marks only, never on their own reason (401/403 otherwise; Origin-checked); tested in tests/integration/reasons.test.ts",
  "app/api/suggestions/route.ts": "signed-in user, suggestions in their own name (401 otherwise; Origin-checked, rate-limited); tested in tests/integration/suggestions.test.ts",
  "app/api/reasons/[id]/report/route.ts": "signed-in user, once per reason, never their own (401/403/409 otherwise; Origin-checked, rate-limited); tested in tests/integration/reasons.test.ts",
  "app/api/account/route.ts": "signed-in user, own account only (DELETE: Origin-checked, 401 otherwise); tested in tests/integration/account.test.ts",
  "app/api/me/route.ts": "anyone; a signed-in reader gets only their own name, staff flag, votes and follows (no email), nobody else anything; private, no-store; tested in tests/integration/viewer.test.ts",
  "app/api/account/export/route.ts": "signed-in user, own data only (401 otherwise); tested in tests/integration/account.test.ts",
  "app/api/newsletter/route.ts": "public write (Origin-checked, rate-limited per IP and email, honeypot)",
  "app/api/follows/unfollow/route.ts": "public write authorised by the reader's HMAC-signed unfollow link (RFC 8058, cross-site by design); tested in tests/integration/follow-digest.test.ts",
  "app/api/newsletter/unsubscribe/route.ts": "public write authorised by a single-use UNSUBSCRIBE token (RFC 8058, cross-site by design)",
  "app/api/live/route.ts": "public read (Server-Sent Events of public figures); tested in tests/integration/live.test.ts",
  "app/api/health/route.ts": "public read (readiness: database and listener state, no data)",
  "app/api/health/live/route.ts": "public read (liveness only)",
  "app/api/openapi.json/route.ts": "public read (the OpenAPI document, generated from the zod schemas)",
  "app/api/docs/rapidoc.js/route.ts": "public read (the API reference's viewer script, from node_modules)",
  "app/api/admin/newsletter/subscribers.csv/route.ts": "staff only (401 signed out, 403 for USER); tested in tests/integration/newsletter.test.ts",
  "app/api/tools/[slug]/badge.svg/route.ts": "public read (SVG badge; 404 badge for unknown or archived tools)",
  "app/feed.xml/route.ts": "public read (Atom feed of published comparisons)",
  "app/logos/[file]/route.ts": "public read (a tool's logo by content hash: immutable cache, exact type, nosniff, a sandboxing CSP for SVG; 404 for unknown names); tested in tests/integration/logos.test.ts and tests/e2e/logos.spec.ts",
  "app/favicon.ico/route.ts": "public read (the site mark as a PNG, for clients that ask for /favicon.ico)",
};

function routeFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...routeFiles(full));
    else if (entry.name === "route.ts") files.push(full);
  }
  return files;
}

describe("route handlers", () => {
  it("every handler under app/ has a reviewed access level", () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const found = routeFiles(path.join(root, "app")).map((file) => path.relative(root, file)).sort();
    expect(found).toEqual(Object.keys(EXPECTED).sort());
  });
});
