import { expect, test } from "@playwright/test";
import { createSignedInSession } from "../helpers/auth";

/**
 * No secret in any response: a signed-in reader crawls every public page,
 * their account, the client-navigation (RSC) payloads and the JSON API, and
 * the session token — the value of the HttpOnly cookie — appears in none of
 * the answers, headers included. The session endpoint, which any script on
 * the page may read, answers `{ user, expires }` only.
 */

const PAGES = ["/", "/tools", "/tools/cursor", "/tools/cursor/history/priya-raman", "/compare", "/compare/claude-4-sonnet-vs-smolvlm2-2b", "/compare/cursor-vs-whisper", "/reviewers", "/reviewers/priya-raman", "/account", "/signin"];
const API = ["/api/auth/session", "/api/auth/csrf", "/api/auth/providers", "/api/tools", "/api/tools/cursor", "/api/comparisons/claude-4-sonnet-vs-smolvlm2-2b", "/api/account/export", "/api/health", "/feed.xml", "/sitemap.xml"];

test.beforeAll(() => {
  test.skip(!process.env.DATABASE_URL, "needs `npm test` (the database)");
});

test("the session token appears in no answer of a signed-in crawl; the session endpoint answers { user, expires } only", async ({ request }) => {
  const { cookie, sessionToken, user } = await createSignedInSession();
  let answers = 0;
  const check = async (path: string, headers: Record<string, string> = {}) => {
    const response = await request.get(path, { headers: { cookie, ...headers }, maxRedirects: 0 });
    const text = await response.text();
    answers++;
    expect(text, `${path} holds the session token`).not.toContain(sessionToken);
    // Set-Cookie renews the HttpOnly cookie itself (Auth.js's rolling session): no script can read it.
    const readable = response.headersArray().filter((header) => header.name.toLowerCase() !== "set-cookie");
    expect(JSON.stringify(readable), `${path}'s headers hold the session token`).not.toContain(sessionToken);
    return { response, text };
  };
  for (const path of PAGES) {
    await check(path);
    // A client navigation and a prefetch of the same page.
    await check(path, { rsc: "1" });
    await check(path, { rsc: "1", "next-router-prefetch": "1" });
  }
  for (const path of API) await check(path);

  const { response, text } = await check("/api/auth/session");
  expect(response.status()).toBe(200);
  const session = JSON.parse(text) as Record<string, unknown>;
  expect(Object.keys(session).sort()).toEqual(["expires", "user"]);
  expect(session.user).toMatchObject({ id: user.id, email: user.email });
  console.log(`secrets: ${answers} answers of a signed-in crawl, none holds the session token`);
});
