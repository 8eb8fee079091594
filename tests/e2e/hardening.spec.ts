import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";

/** Cross-site form posts to server actions, the client bundle, and the headers every answer carries. */

test("a cross-site post to a server action is refused with 403 before it runs; the same post from this site works", async ({ request, baseURL }) => {
  test.skip(!process.env.DATABASE_URL, "needs `npm test` (the database)");
  // The newsletter form works without JavaScript: a plain multipart post carrying the action's fields.
  const html = await (await request.get("/")).text();
  const form = /<form[^>]*data-testid="newsletter-form"[^>]*>([\s\S]*?)<\/form>/.exec(html)?.[1] ?? "";
  const hidden = [...form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g)].map(
    ([, name, value]) => [name!, (value ?? "").replace(/&quot;/g, '"').replace(/&amp;/g, "&")] as const,
  );
  expect(hidden.length).toBeGreaterThan(1);
  const post = (origin: string, email: string) =>
    request.post("/", { headers: { origin }, multipart: Object.fromEntries([...hidden, ["email", email]]), maxRedirects: 0 });

  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    const stamp = Date.now();
    for (const origin of ["https://evil.example", "null", "http://127.0.0.1:1"]) {
      const email = `xsite-${stamp}-${origin.length}@example.test`;
      const refused = await post(origin, email);
      expect(refused.status(), origin).toBe(403);
      // A form post navigates: the refusal is the site's page, with the security headers.
      expect(refused.headers()["content-type"]).toContain("text/html");
      expect(refused.headers()["x-content-type-options"]).toBe("nosniff");
      expect(await refused.text()).toContain("That request was refused");
      const { rowCount } = await db.query(`SELECT 1 FROM "NewsletterSubscriber" WHERE email = $1`, [email]);
      expect(rowCount, `no subscriber from ${origin}`).toBe(0);
    }
    const email = `same-site-${stamp}@example.test`;
    const accepted = await post(baseURL!, email);
    expect(accepted.status()).toBe(200);
    await expect.poll(async () => (await db.query(`SELECT 1 FROM "NewsletterSubscriber" WHERE email = $1`, [email])).rowCount).toBe(1);
  } finally {
    await db.end();
  }
});

async function files(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await files(full)));
    else found.push(full);
  }
  return found;
}

test("the client bundle holds no secret and no server-only code", async () => {
  const dir = path.resolve(".next/static");
  const assets = await files(dir);
  expect(assets.length).toBeGreaterThan(10);
  // Values of this run's environment that must stay on the server (the build ran with the same environment).
  const secrets = Object.entries(process.env)
    .filter(([name, value]) => value && value.length >= 12 && /SECRET|PASSWORD|TOKEN|DATABASE_URL|REDIS_URL|EMAIL_SERVER|_KEY$/.test(name))
    .map(([name, value]) => [name, value!] as const);
  expect(secrets.map(([name]) => name)).toContain("AUTH_SECRET");
  // Markers of server modules: the database client, SQL, the mailer, the server-side env.
  const markers = ["postgresql://", "PrismaClient", "pg_notify", "nodemailer", "DATABASE_URL", "AUTH_SECRET", "EMAIL_SERVER", "BENCH_TOKEN", "ship-or-skip-local"];
  const leaks: string[] = [];
  let bytes = 0;
  for (const file of assets.filter((name) => /\.(js|css|json|map|txt)$/.test(name))) {
    const text = await readFile(file, "utf8");
    bytes += text.length;
    for (const [name, value] of secrets) if (text.includes(value)) leaks.push(`${path.relative(dir, file)}: value of ${name}`);
    for (const marker of markers) if (text.includes(marker)) leaks.push(`${path.relative(dir, file)}: ${marker}`);
  }
  console.log(`client bundle: ${assets.length} files, ${(bytes / 1024).toFixed(0)} KiB scanned for ${secrets.length} secret values and ${markers.length} server markers`);
  expect(leaks).toEqual([]);
});

test("pages and the API answer with the security headers", async ({ request }) => {
  for (const path of ["/", "/tools/cursor", "/api/tools?pageSize=1", "/signin", "/_next/static/not-there.js"]) {
    const response = await request.get(path);
    const headers = response.headers();
    // A rendered answer: its own nonce; a page from the page cache: its scripts' hashes (ADR 024).
    expect(headers["content-security-policy"], path).toMatch(/script-src 'self' ('nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'|'sha256-[A-Za-z0-9+/=]+'( 'sha256-[A-Za-z0-9+/=]+')*);/);
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"], path).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"], path).toContain("camera=()");
    expect(headers["x-frame-options"], path).toBe("DENY");
    // Served over plain HTTP here: no HSTS (lib/http/security-headers.test.ts covers HTTPS).
    expect(headers["strict-transport-security"], path).toBeUndefined();
  }
});
