import { createHash, randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { Redirected } from "../helpers/next-mocks";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import type { Tool } from "@/lib/generated/prisma/client";
import { createSignedInUser } from "../helpers/auth";
import { createTool, createUser, createVotes } from "../helpers/factories";

/**
 * Accounts end cleanly (issue 14, item 6; docs/decisions/019): a reader
 * downloads what the database holds about them, and deletes their account —
 * votes withdrawn through the counter path (exact counters, figures
 * announced), sessions ended, sign-in methods and the newsletter subscription
 * removed, the audit trail kept under a pseudonym without their email — and
 * no other way of deleting a user can leave the counters wrong.
 */

// Server actions read the request through next/headers: the test sets its cookie header and
// records what the action sets, with the real getCurrentUser (Auth.js auth() → database session).
const request = vi.hoisted(() => ({ headers: new Headers(), set: [] as { name: string; value: string; options: Record<string, unknown> }[] }));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({
    get: () => undefined,
    getAll: () => [],
    has: () => false,
    set: (name: string, value: string, options: Record<string, unknown>) => void request.set.push({ name, value, options }),
    delete: () => undefined,
  }),
}));
vi.mock("next/navigation", async () => (await import("../helpers/next-mocks")).navigation);
vi.mock("next/cache", async (original) => ({ ...(await original<typeof import("next/cache")>()), refresh: () => undefined }));

// Env is read once when lib/env loads: set it before any app import.
const SITE = "http://localhost:3000";
process.env.SITE_URL = SITE;
process.env.AUTH_URL = SITE;
process.env.AUTH_SECRET = randomBytes(32).toString("base64url");
process.env.RATE_LIMIT_VOTES = "100000/60";
process.env.RATE_LIMIT_REASONS = "100000/60";
delete process.env.REDIS_URL;

const { GET: exportRoute } = await import("@/app/api/account/export/route");
const { DELETE: deleteRoute } = await import("@/app/api/account/route");
const { deleteAccountAction } = await import("@/lib/users/actions");
const { deleteUser, setDisplayName, setStaffRole, RoleChangeError, SCRUBBED } = await import("@/lib/users/writes");
const { reportReason, setHelpful } = await import("@/lib/reasons/writes");
const { listUsers } = await import("@/lib/users/queries");
const { userExportSchema, CONFIRM_MISMATCH_MESSAGE } = await import("@/lib/users/schema");
const { getRequestUser } = await import("@/lib/auth/session");
const { setVote, VoterGoneError } = await import("@/lib/votes/writes");
const { findCounterDrift, reconcileCounters } = await import("@/lib/stats/reconcile");
const { recordAudit } = await import("@/lib/audit");
const { createDatabaseEvents } = await import("@/lib/db-events/listener");
const { CHANNELS } = await import("@/lib/db-events/channels");

type Figures = { slug: string; communityShip: number; communityTotal: number; panelShip: number; panelTotal: number };

const url = process.env.DATABASE_URL!;
let client: PrismaClient;
let events: ReturnType<typeof createDatabaseEvents>;
const announced: Figures[] = [];

beforeAll(async () => {
  client = createPrismaClient(url, { poolSize: 4 });
  events = createDatabaseEvents({ url, name: `account-${process.pid}`, selfPing: false });
  events.subscribe(CHANNELS.toolStats, ({ slug, communityShip, communityTotal, panelShip, panelTotal }) => void announced.push({ slug, communityShip, communityTotal, panelShip, panelTotal }));
  expect((await events.ping()).heard).toBe(true);
});
afterAll(async () => {
  await events.stop();
  await client.$disconnect();
});
beforeEach(() => {
  request.headers = new Headers({ host: "localhost:3000" });
  request.set = [];
});

/** The figures announced since the last call, sorted by tool (a ping round trip makes sure everything sent has arrived). */
async function heard(): Promise<Figures[]> {
  await events.ping();
  const result = [...announced].sort((a, b) => a.slug.localeCompare(b.slug));
  announced.length = 0;
  return result;
}

/** Every row of a query as JSON text, so "unchanged" means byte for byte. */
async function rowsOf(sql: string, ...values: unknown[]): Promise<string[]> {
  const rows = await client.$queryRawUnsafe<{ row: string }[]>(`SELECT row_to_json(v)::text AS row FROM (${sql}) v ORDER BY 1`, ...values);
  return rows.map((r) => r.row);
}

async function community(tool: Pick<Tool, "id">) {
  const stats = await client.toolStats.findUniqueOrThrow({ where: { toolId: tool.id } });
  return { communityShip: stats.communityShip, communityTotal: stats.communityTotal };
}

const exportAs = (cookie?: string) => exportRoute(new Request(`${SITE}/api/account/export`, { headers: cookie ? { cookie } : {} }));

function deleteAs(cookie: string | undefined, body: unknown, headers: Record<string, string> = { origin: SITE }) {
  return deleteRoute(
    new Request(`${SITE}/api/account`, {
      method: "DELETE",
      headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}), ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.append(key, value);
  return data;
}

/** A reader with everything the database can hold about a person: votes, two sessions, GitHub, a pending sign-in link, a confirmed subscription. */
async function richReader(tools: Tool[], decisions: ("ship" | "skip")[]) {
  const signed = await createSignedInUser(client);
  const email = signed.user.email!;
  const secondToken = randomBytes(32).toString("hex");
  await client.session.create({ data: { sessionToken: secondToken, userId: signed.user.id, expires: new Date(Date.now() + 7 * 86_400_000) } });
  const secrets = {
    access: `gho_${randomBytes(12).toString("hex")}`,
    refresh: `ghr_${randomBytes(12).toString("hex")}`,
    id: `eyJ${randomBytes(12).toString("hex")}`,
    state: `state-${randomBytes(8).toString("hex")}`,
    link: randomBytes(32).toString("hex"),
    newsletter: createHash("sha256").update(randomBytes(32)).digest("hex"),
  };
  await client.account.create({
    data: {
      userId: signed.user.id,
      type: "oauth",
      provider: "github",
      providerAccountId: String(100000 + Math.floor(Math.random() * 900000)),
      access_token: secrets.access,
      refresh_token: secrets.refresh,
      id_token: secrets.id,
      session_state: secrets.state,
      token_type: "bearer",
      scope: "read:user,user:email",
      expires_at: 2_000_000_000,
    },
  });
  await client.verificationToken.create({ data: { identifier: email, token: secrets.link, expires: new Date(Date.now() + 3_600_000) } });
  const subscriber = await client.newsletterSubscriber.create({ data: { email, status: "CONFIRMED", confirmedAt: new Date() } });
  await client.newsletterToken.create({ data: { subscriberId: subscriber.id, purpose: "UNSUBSCRIBE", tokenHash: secrets.newsletter, expiresAt: new Date(Date.now() + 86_400_000) } });
  for (const [i, tool] of tools.entries()) await setVote(signed.user.id, tool.slug, decisions[i]!);
  return { ...signed, email, secondToken, secrets };
}

/** Everything about one person, row by row, to show it was not touched. */
const everythingOf = async (userId: string, email: string) => [
  ...(await rowsOf(`SELECT * FROM "User" WHERE "id" = $1`, userId)),
  ...(await rowsOf(`SELECT * FROM "Vote" WHERE "userId" = $1`, userId)),
  ...(await rowsOf(`SELECT * FROM "Session" WHERE "userId" = $1`, userId)),
  ...(await rowsOf(`SELECT * FROM "Account" WHERE "userId" = $1`, userId)),
  ...(await rowsOf(`SELECT * FROM "VerificationToken" WHERE "identifier" = $1`, email)),
  ...(await rowsOf(`SELECT s.*, t."tokenHash" FROM "NewsletterSubscriber" s LEFT JOIN "NewsletterToken" t ON t."subscriberId" = s."id" WHERE s."email" = $1`, email)),
];

// ------------------------------------------------------------------------------------------
describe("downloading your data: GET /api/account/export", () => {
  it("holds exactly the reader's own data — profile, votes, reasons, marks and reports, newsletter, sessions, linked account, sign-in links — and no secret", async () => {
    const [a, b] = [await createTool(client), await createTool(client)];
    const alice = await richReader([a, b], ["ship", "skip"]);
    const bob = await richReader([a], ["skip"]);
    // Reasons both ways: hers (one marked helpful by Bob), his (marked and reported by her), and Carol's (marked by Bob only).
    await setDisplayName(alice.user.id, "Alice in Tools");
    await setDisplayName(bob.user.id, "Bob the Builder");
    const aliceReason = (await setVote(alice.user.id, a.slug, "ship", "Alice's own words on A.")).reason!;
    const bobReason = (await setVote(bob.user.id, a.slug, "skip", "Bob's words on A.")).reason!;
    const carol = await createUser(client);
    const carolReason = (await setVote(carol.id, b.slug, "skip", "Carol's words on B.")).reason!;
    await setHelpful(bob.user.id, aliceReason.id, true);
    await setHelpful(bob.user.id, carolReason.id, true);
    await reportReason(bob.user.id, carolReason.id, { category: "spam", note: "Bob's private note." });
    await setHelpful(alice.user.id, bobReason.id, true);
    await reportReason(alice.user.id, bobReason.id, { category: "off-topic", note: "Alice's note to the moderators." });

    const response = await exportAs(alice.cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="account-data-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.text();
    // Strict: no field beyond the documented ones.
    const data = userExportSchema.parse(JSON.parse(text));

    const user = await client.user.findUniqueOrThrow({ where: { id: alice.user.id } });
    expect(data.profile).toEqual({
      id: user.id,
      email: alice.email,
      name: user.name,
      image: null,
      emailVerified: user.emailVerified!.toISOString(),
      role: "USER",
      displayName: "Alice in Tools",
      reasonsMutedUntil: null,
      createdAt: user.createdAt.toISOString(),
      updatedAt: user.updatedAt.toISOString(),
    });
    expect(data.votes.map((vote) => `${vote.tool.slug} ${vote.tool.name} ${vote.decision}`).sort()).toEqual([`${a.slug} ${a.name} ship`, `${b.slug} ${b.name} skip`].sort());
    const reason = await client.reason.findUniqueOrThrow({ where: { id: aliceReason.id } });
    expect(data.reasons).toEqual([
      { id: aliceReason.id, tool: a.slug, decision: "ship", text: "Alice's own words on A.", helpfulCount: 1, hidden: null, createdAt: reason.createdAt.toISOString(), updatedAt: reason.updatedAt.toISOString() },
    ]);
    const mark = await client.helpfulMark.findUniqueOrThrow({ where: { reasonId_userId: { reasonId: bobReason.id, userId: alice.user.id } } });
    expect(data.helpfulMarks).toEqual([{ reasonId: bobReason.id, createdAt: mark.createdAt.toISOString() }]);
    const report = await client.reasonReport.findUniqueOrThrow({ where: { reasonId_userId: { reasonId: bobReason.id, userId: alice.user.id } } });
    expect(data.reasonReports).toEqual([{ reasonId: bobReason.id, category: "off-topic", note: "Alice's note to the moderators.", createdAt: report.createdAt.toISOString() }]);
    expect(data.newsletter).toMatchObject({ email: alice.email, status: "confirmed", unsubscribedAt: null });
    const sessions = await client.session.findMany({ where: { userId: alice.user.id }, orderBy: { createdAt: "asc" } });
    expect(data.sessions).toEqual(sessions.map((s) => ({ createdAt: s.createdAt.toISOString(), updatedAt: s.updatedAt.toISOString(), expires: s.expires.toISOString() })));
    const account = await client.account.findFirstOrThrow({ where: { userId: alice.user.id } });
    expect(data.linkedAccounts).toEqual([
      { provider: "github", providerAccountId: account.providerAccountId, type: "oauth", scope: "read:user,user:email", createdAt: account.createdAt.toISOString(), updatedAt: account.updatedAt.toISOString() },
    ]);
    expect(data.pendingSignInLinks).toHaveLength(1);
    expect(data.verdictRevisions).toEqual([]);
    // Her own name change, once (she is its actor and its subject).
    expect(data.auditLog).toEqual([
      { as: "actor", action: "user.displayName", entityType: "User", entityId: alice.user.id, before: { displayName: null }, after: { displayName: "Alice in Tools" }, createdAt: expect.any(String) },
    ]);

    // No secret of hers, and nothing of Bob's or Carol's: not their names, words, marks or reports (only the id of the reason she marked and reported).
    for (const secret of [alice.sessionToken, alice.secondToken, ...Object.values(alice.secrets)]) expect(text).not.toContain(secret);
    for (const other of [bob.user.id, bob.email, bob.sessionToken, ...Object.values(bob.secrets)]) expect(text).not.toContain(other);
    for (const other of [carol.id, carol.email!, carolReason.id, "Bob the Builder", "Bob's words on A.", "Carol's words on B.", "Bob's private note."]) expect(text).not.toContain(other);
    const keys = (value: unknown): string[] =>
      Array.isArray(value) ? value.flatMap(keys) : value && typeof value === "object" ? Object.entries(value).flatMap(([key, item]) => [key, ...keys(item)]) : [];
    expect(keys(data).filter((key) => /token|secret|hash|state/i.test(key))).toEqual([]);
  });

  it("staff also get the verdict versions they saved and the audit entries they made or that are about them", async () => {
    const { createTool: createToolAsStaff } = await import("@/lib/tools/writes");
    const admin = await createUser(client, { role: "ADMIN" });
    const staff = await createSignedInUser(client);
    await setStaffRole(staff.user.id, "STAFF", admin.id);
    const category = (await client.category.findFirstOrThrow()).id;
    const slug = `export-staff-${randomBytes(3).toString("hex")}`;
    await createToolAsStaff(
      { slug, name: "Export staff", vendor: "Acme", categoryId: category, tagline: "A tool for the export test", description: "A tool created by staff for the export test, long enough.", website: null, license: null, pricingModel: "FREE", entryPrice: null, pricingDetail: null, pricingSourceUrl: null, pricingVerifiedAt: null, releasedAt: null },
      staff.user.id,
    );
    const data = userExportSchema.parse(await (await exportAs(staff.cookie)).json());
    expect(data.auditLog.map((entry) => `${entry.as} ${entry.action}`).sort()).toEqual(["actor tool.create", "subject user.role"]);
    expect(data.auditLog.find((entry) => entry.as === "subject")).toMatchObject({ entityType: "User", entityId: staff.user.id, before: { role: "USER" }, after: { role: "STAFF" } });
    expect(data.profile.role).toBe("STAFF");
  });

  it("answers 401 signed out, with an expired session or a forged token — never anyone's data", async () => {
    const reader = await createSignedInUser(client);
    const expired = await createSignedInUser(client);
    await client.session.update({ where: { sessionToken: expired.sessionToken }, data: { expires: new Date(Date.now() - 1000) } });
    for (const cookie of [undefined, expired.cookie, `authjs.session-token=${randomBytes(32).toString("hex")}`, `authjs.session-token=${reader.sessionToken.toUpperCase()}`, `userId=${reader.user.id}`]) {
      const response = await exportAs(cookie);
      expect(response.status, cookie).toBe(401);
      expect(await response.json()).toEqual({ error: { code: "unauthenticated", message: "Sign in to do this." } });
    }
  });
});

// ------------------------------------------------------------------------------------------
describe("deleting your account", () => {
  it("DELETE /api/account withdraws every vote through the counter path (exact counters, figures announced), ends every session, removes everything else of theirs — and nobody else's", async () => {
    const [a, b, c] = [await createTool(client), await createTool(client), await createTool(client)];
    await createVotes(client, a, { ship: 2, skip: 1 });
    await createVotes(client, b, { skip: 1 });
    const alice = await richReader([a, b, c], ["ship", "skip", "ship"]);
    const bob = await richReader([a, c], ["skip", "skip"]);
    expect(await community(a)).toEqual({ communityShip: 3, communityTotal: 5 });
    const bobBefore = await everythingOf(bob.user.id, bob.email);
    await heard();

    const response = await deleteAs(alice.cookie, { confirm: `  ${alice.email.toUpperCase()} ` });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ data: { deleted: true, votesWithdrawn: 3, tools: [a.slug, b.slug, c.slug].sort(), newsletter: "removed" } });
    // The browser is told to drop its session cookie (both names).
    const cleared = response.headers.getSetCookie();
    expect(cleared.some((line) => /^authjs\.session-token=;/.test(line) && /Max-Age=0/i.test(line))).toBe(true);
    expect(cleared.some((line) => /^__Secure-authjs\.session-token=;/.test(line) && /Secure/i.test(line))).toBe(true);

    // Counters: exactly her votes gone; no drift anywhere.
    expect(await community(a)).toEqual({ communityShip: 2, communityTotal: 4 });
    expect(await community(b)).toEqual({ communityShip: 0, communityTotal: 1 });
    expect(await community(c)).toEqual({ communityShip: 0, communityTotal: 1 });
    expect(await findCounterDrift(client)).toEqual([]);
    // Announced once per tool, with the new figures, as a vote announces them (live figures, page cache).
    const figures = await heard();
    expect(figures.map(({ slug, communityShip, communityTotal }) => ({ slug, communityShip, communityTotal }))).toEqual(
      [
        { slug: a.slug, communityShip: 2, communityTotal: 4 },
        { slug: b.slug, communityShip: 0, communityTotal: 1 },
        { slug: c.slug, communityShip: 0, communityTotal: 1 },
      ].sort((x, y) => x.slug.localeCompare(y.slug)),
    );

    // Everything of hers is gone; her old cookie signs nobody in.
    expect(await everythingOf(alice.user.id, alice.email)).toEqual([]);
    for (const token of [alice.sessionToken, alice.secondToken]) {
      expect(await getRequestUser(new Request(SITE, { headers: { cookie: `authjs.session-token=${token}` } }))).toBeNull();
    }
    expect((await exportAs(alice.cookie)).status).toBe(401);
    expect((await deleteAs(alice.cookie, { confirm: alice.email })).status).toBe(401);

    // Bob's rows are byte for byte what they were.
    expect(await everythingOf(bob.user.id, bob.email)).toEqual(bobBefore);
    expect((await exportAs(bob.cookie)).status).toBe(200);
  });

  it("refuses signed-out, cross-site, unconfirmed and malformed requests, deleting nothing", async () => {
    const tool = await createTool(client);
    const carol = await richReader([tool], ["ship"]);
    const before = await everythingOf(carol.user.id, carol.email);
    const cases: [string, Promise<Response>, number, string][] = [
      ["signed out", deleteAs(undefined, { confirm: carol.email }), 401, "unauthenticated"],
      ["Origin: evil", deleteAs(carol.cookie, { confirm: carol.email }, { origin: "https://evil.example" }), 403, "cross_site_request"],
      ["Sec-Fetch-Site: cross-site", deleteAs(carol.cookie, { confirm: carol.email }, { "sec-fetch-site": "cross-site" }), 403, "cross_site_request"],
      ["Origin: null", deleteAs(carol.cookie, { confirm: carol.email }, { origin: "null" }), 403, "cross_site_request"],
      ["another address", deleteAs(carol.cookie, { confirm: "someone@example.test" }), 400, "confirmation_mismatch"],
      ["the word DELETE", deleteAs(carol.cookie, { confirm: "DELETE" }), 400, "confirmation_mismatch"],
      ["no confirmation", deleteAs(carol.cookie, {}), 400, "invalid_request"],
      ["an unknown field", deleteAs(carol.cookie, { confirm: carol.email, userId: "someone-else" }), 400, "invalid_request"],
      ["keepNewsletter not a boolean", deleteAs(carol.cookie, { confirm: carol.email, keepNewsletter: "yes" }), 400, "invalid_request"],
      ["not JSON", deleteAs(carol.cookie, "{confirm", { origin: SITE }), 400, "invalid_json"],
    ];
    for (const [label, pending, status, code] of cases) {
      const response = await pending;
      expect(response.status, label).toBe(status);
      expect(((await response.json()) as { error: { code: string } }).error.code, label).toBe(code);
    }
    const form = await deleteRoute(new Request(`${SITE}/api/account`, { method: "DELETE", headers: { origin: SITE, cookie: carol.cookie, "content-type": "application/x-www-form-urlencoded" }, body: `confirm=${encodeURIComponent(carol.email)}` }));
    expect(form.status).toBe(415);
    expect(await everythingOf(carol.user.id, carol.email)).toEqual(before);
  });

  it("two deletions at once: one deletes, the other is 401; counters exact", async () => {
    const tool = await createTool(client);
    await createVotes(client, tool, { ship: 1 });
    const dave = await richReader([tool], ["ship"]);
    const statuses = (await Promise.all([deleteAs(dave.cookie, { confirm: dave.email }), deleteAs(dave.cookie, { confirm: dave.email })])).map((r) => r.status);
    expect(statuses.sort()).toEqual([200, 401]);
    expect(await community(tool)).toEqual({ communityShip: 1, communityTotal: 1 });
    expect(await findCounterDrift(client)).toEqual([]);
  });

  it("the newsletter: removed with the account unless the reader keeps a live subscription; an unsubscribed row is never kept", async () => {
    const keeper = await createSignedInUser(client);
    await client.newsletterSubscriber.create({ data: { email: keeper.user.email!, status: "CONFIRMED", confirmedAt: new Date() } });
    const lapsed = await createSignedInUser(client);
    await client.newsletterSubscriber.create({ data: { email: lapsed.user.email!, status: "UNSUBSCRIBED", unsubscribedAt: new Date() } });
    const none = await createSignedInUser(client);

    const kept = await deleteAs(keeper.cookie, { confirm: keeper.user.email, keepNewsletter: true });
    expect(((await kept.json()) as { data: { newsletter: string } }).data.newsletter).toBe("kept");
    expect(await client.newsletterSubscriber.findUnique({ where: { email: keeper.user.email! } })).toMatchObject({ status: "CONFIRMED" });

    const removed = await deleteAs(lapsed.cookie, { confirm: lapsed.user.email, keepNewsletter: true });
    expect(((await removed.json()) as { data: { newsletter: string } }).data.newsletter).toBe("removed");
    expect(await client.newsletterSubscriber.findUnique({ where: { email: lapsed.user.email! } })).toBeNull();

    const nothing = await deleteAs(none.cookie, { confirm: none.user.email });
    expect(((await nothing.json()) as { data: { newsletter: string } }).data.newsletter).toBe("none");
  });

  it("staff: the audit trail and verdict history survive under a pseudonymous stand-in, and the email is scrubbed from every entry", async () => {
    const { createTool: createToolAsStaff } = await import("@/lib/tools/writes");
    const { createVerdict } = await import("@/lib/verdicts/writes");
    const admin = await createUser(client, { role: "ADMIN" });
    const staff = await createSignedInUser(client);
    const email = staff.user.email!;
    await setStaffRole(staff.user.id, "STAFF", admin.id);
    const category = (await client.category.findFirstOrThrow()).id;
    const slug = `scrub-${randomBytes(3).toString("hex")}`;
    const tool = await createToolAsStaff(
      { slug, name: "Scrub test", vendor: "Acme", categoryId: category, tagline: "A tool for the scrub test", description: "A tool created by staff for the scrub test, long enough.", website: null, license: null, pricingModel: "FREE", entryPrice: null, pricingDetail: null, pricingSourceUrl: null, pricingVerifiedAt: null, releasedAt: null },
      staff.user.id,
    );
    const reviewer = await client.reviewer.findFirstOrThrow();
    await createVerdict({ toolId: tool.id, reviewerId: reviewer.id, decision: "SHIP", body: "A case written by the staff member who will leave, forty characters or more.", published: false, reason: "First draft" }, staff.user.id);
    // Entries by someone else that hold the email (in text, in a list, as a key) or the id; and one about another person.
    const other = uniqueAddress();
    await client.$transaction(async (tx) => {
      await recordAudit(tx, { actorId: admin.id, action: "note", entityType: "Tool", entityId: tool.id, after: { note: `Ask ${email.toUpperCase()} about it`, people: [email, other], [email]: true } });
      await recordAudit(tx, { actorId: admin.id, action: "note", entityType: "Tool", entityId: tool.id, before: { by: staff.user.id }, after: { contact: other } });
    });
    const auditCount = await client.auditLog.count();

    expect(await deleteUser(staff.user.id)).toMatchObject({ votesWithdrawn: 0, newsletter: "none", standInId: expect.any(String) });

    // Nothing was deleted from the trail, and no entry names the person any more.
    expect(await client.auditLog.count()).toBe(auditCount);
    const texts = await rowsOf(`SELECT * FROM "AuditLog"`);
    expect(texts.filter((row) => row.toLowerCase().includes(email.toLowerCase()) || row.includes(staff.user.id))).toEqual([]);
    // Someone else's address is not touched.
    expect(texts.filter((row) => row.includes(other))).toHaveLength(2);

    const standIn = await client.user.findFirstOrThrow({ where: { auditLogs: { some: { action: "tool.create", entityId: tool.id } } } });
    expect(standIn).toMatchObject({ email: null, emailVerified: null, image: null, role: "USER", deletedAt: expect.any(Date) });
    expect(standIn.name).toMatch(/^Deleted account #[0-9a-f]{6}$/);
    expect(standIn.id).not.toBe(staff.user.id);
    expect(await client.auditLog.findFirst({ where: { action: "user.role", entityType: "User", entityId: standIn.id } })).toMatchObject({ actorId: admin.id, before: { role: "USER" }, after: { role: "STAFF" } });
    expect(await client.verdictRevision.findFirst({ where: { verdict: { toolId: tool.id } } })).toMatchObject({ editorId: standIn.id, reason: "First draft" });
    const note = await client.auditLog.findFirstOrThrow({ where: { action: "note", entityId: tool.id, after: { path: ["people"], array_contains: [other] } } });
    expect(note.after).toEqual({ note: `Ask ${SCRUBBED} about it`, people: [SCRUBBED, other], [SCRUBBED]: true });
    expect(await client.auditLog.findFirstOrThrow({ where: { action: "note", entityId: tool.id, before: { path: ["by"], equals: standIn.id } } })).toBeTruthy();

    // The stand-in is nobody: not a person on the People page, no role to grant, no session, no sign-in method.
    expect((await listUsers()).map((user) => user.id)).not.toContain(standIn.id);
    await expect(setStaffRole(standIn.id, "STAFF", admin.id)).rejects.toBeInstanceOf(RoleChangeError);
    expect(await client.session.count({ where: { userId: standIn.id } })).toBe(0);
    expect(await client.account.count({ where: { userId: standIn.id } })).toBe(0);
    expect(await deleteUser(standIn.id)).toBeNull();
  });

  it("a reader without staff history leaves no stand-in behind", async () => {
    const tool = await createTool(client);
    const erin = await richReader([tool], ["skip"]);
    const users = await client.user.count();
    expect(await deleteUser(erin.user.id)).toMatchObject({ standInId: null });
    expect(await client.user.count()).toBe(users - 1);
  });
});

function uniqueAddress() {
  return `other-${randomBytes(4).toString("hex")}@example.test`;
}

// ------------------------------------------------------------------------------------------
describe("the delete form's server action (works without JavaScript)", () => {
  it("refuses a wrong or missing confirmation with a field error and deletes nothing; the right one deletes, drops the cookie and lands on /account/deleted", async () => {
    const tool = await createTool(client);
    const frank = await richReader([tool], ["ship"]);
    request.headers = new Headers({ cookie: frank.cookie, host: "localhost:3000" });
    // Auth.js extends a session as it reads it: compare sessions by token, every other row byte for byte.
    const unchanged = async () => (await everythingOf(frank.user.id, frank.email)).map((row) => row.replace(/^\{"sessionToken":"([0-9a-f]+)".*$/, "session $1"));
    const before = await unchanged();

    expect(await deleteAccountAction({}, form({ confirm: "someone@example.test" }))).toEqual({
      error: "Fix the highlighted fields.",
      fieldErrors: { confirm: CONFIRM_MISMATCH_MESSAGE },
      values: { confirm: "someone@example.test" },
    });
    expect(await deleteAccountAction({}, form({ confirm: "" }))).toMatchObject({ fieldErrors: { confirm: "Type your email address to confirm." } });
    expect(await deleteAccountAction({}, form({ confirm: frank.email, keepNewsletter: "maybe" }))).toMatchObject({ fieldErrors: { keepNewsletter: expect.any(String) } });
    const twice = form({ confirm: frank.email });
    twice.append("confirm", frank.email);
    expect(await deleteAccountAction({}, twice)).toMatchObject({ fieldErrors: { confirm: "Send this field once." } });
    expect(await unchanged()).toEqual(before);
    expect(request.set).toEqual([]);

    await expect(deleteAccountAction({}, form({ confirm: frank.email.toUpperCase() }))).rejects.toThrow(new Redirected("/account/deleted"));
    expect(await everythingOf(frank.user.id, frank.email)).toEqual([]);
    expect(await community(tool)).toEqual({ communityShip: 0, communityTotal: 0 });
    expect(request.set.map(({ name, value, options }) => ({ name, value, maxAge: options.maxAge }))).toEqual([
      { name: "__Secure-authjs.session-token", value: "", maxAge: 0 },
      { name: "authjs.session-token", value: "", maxAge: 0 },
    ]);
    // The same browser, still sending the old cookie, is nobody now: the action sends it to sign in.
    await expect(deleteAccountAction({}, form({ confirm: frank.email }))).rejects.toThrow(new Redirected("/signin?callbackUrl=%2Faccount"));
  });

  it("keeps a live newsletter subscription when the box is ticked, and says so on the confirmation page", async () => {
    const grace = await createSignedInUser(client);
    await client.newsletterSubscriber.create({ data: { email: grace.user.email!, status: "PENDING" } });
    request.headers = new Headers({ cookie: grace.cookie, host: "localhost:3000" });
    await expect(deleteAccountAction({}, form({ confirm: grace.user.email!, keepNewsletter: "on" }))).rejects.toThrow(new Redirected("/account/deleted?newsletter=kept"));
    expect(await client.newsletterSubscriber.count({ where: { email: grace.user.email! } })).toBe(1);
    expect(await client.user.count({ where: { id: grace.user.id } })).toBe(0);
  });
});

// ------------------------------------------------------------------------------------------
describe("no other way of deleting a user can leave the counters wrong", () => {
  it("every foreign key to User has a decided fate in deleteUser (a new table that points at people must choose one)", async () => {
    const keys = await client.$queryRaw<{ key: string }[]>`
      SELECT format('%s.%s %s', c.conrelid::regclass, a.attname,
                    CASE c.confdeltype WHEN 'c' THEN 'CASCADE' WHEN 'r' THEN 'RESTRICT' WHEN 'n' THEN 'SET NULL' WHEN 'a' THEN 'NO ACTION' ELSE 'SET DEFAULT' END) AS key
      FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
      WHERE c.contype = 'f' AND c.confrelid = '"User"'::regclass
      ORDER BY 1`;
    expect(keys.map((row) => row.key)).toEqual([
      // deleteUser deletes these rows itself; the cascade is only a backstop.
      `"Account".userId CASCADE`,
      // deleteUser moves these to the pseudonymous stand-in; a raw delete would leave the entry without an actor.
      `"AuditLog".actorId SET NULL`,
      // deleteUser deletes a reader's follows itself (docs/decisions/037); the cascade is only a backstop.
      `"Follow".userId CASCADE`,
      // The reader's helpful marks and reports go with them; triggers move the reasons' counts and scores
      // (migration 20261204050903_reasons; tests/integration/reasons.test.ts).
      `"HelpfulMark".userId CASCADE`,
      // A reason goes with its vote (Reason.voteId CASCADE), which deleteUser withdraws through the counter path.
      `"Reason".userId CASCADE`,
      `"ReasonReport".userId CASCADE`,
      `"Session".userId CASCADE`,
      // A suggestion or problem report stays in the editors' queue, anonymous (docs/decisions/041): no email goes out for it.
      `"Suggestion".userId SET NULL`,
      `"VerdictRevision".editorId SET NULL`,
      // Votes leave only through the counter path (docs/decisions/019).
      `"Vote".userId RESTRICT`,
    ]);
  });

  it("the database refuses a raw DELETE of a user who has votes (Vote → User ON DELETE RESTRICT): no vote and no counter moves", async () => {
    const tool = await createTool(client);
    const [voter] = await createVotes(client, tool, { ship: 1 });
    const stats = await rowsOf(`SELECT * FROM "ToolStats" WHERE "toolId" = $1`, tool.id);
    await expect(client.$executeRawUnsafe(`DELETE FROM "User" WHERE "id" = $1`, voter!.id)).rejects.toThrow(/foreign key|Vote_userId_fkey|23001|23503/i);
    await expect(client.user.delete({ where: { id: voter!.id } })).rejects.toThrow();
    expect(await client.vote.count({ where: { userId: voter!.id } })).toBe(1);
    expect(await rowsOf(`SELECT * FROM "ToolStats" WHERE "toolId" = $1`, tool.id)).toEqual(stats);
    expect(await findCounterDrift(client)).toEqual([]);
    // A user without votes still goes (with their sessions).
    const quiet = await createSignedInUser(client);
    await client.$executeRawUnsafe(`DELETE FROM "User" WHERE "id" = $1`, quiet.user.id);
    expect(await client.session.count({ where: { userId: quiet.user.id } })).toBe(0);
  });

  it("a vote written while the account is being deleted cannot land: it waits for the deletion, then finds no user and rolls back", async () => {
    const [held, fresh] = [await createTool(client), await createTool(client)];
    const henry = await richReader([held], ["ship"]);
    // Hold the counter row of a tool Henry voted on, so the deletion stops after locking his User row.
    const blocker = new pg.Client({ connectionString: url });
    await blocker.connect();
    try {
      await blocker.query("BEGIN");
      await blocker.query(`SELECT 1 FROM "ToolStats" WHERE "toolId" = $1 FOR UPDATE`, [held.id]);
      const deletion = deleteUser(henry.user.id);
      await waitForLockWaiters(1);
      // A vote of his on another tool, from a request that signed in before the deletion began.
      const vote = setVote(henry.user.id, fresh.slug, "ship").then(
        () => "written",
        (error: unknown) => (error instanceof VoterGoneError ? "refused: the voter is gone" : String(error)),
      );
      await waitForLockWaiters(2);
      await blocker.query("COMMIT");
      expect(await deletion).toMatchObject({ votesWithdrawn: 1 });
      // The API answers it 401 and the widget "Sign in to vote." (lib/votes), not a 500.
      expect(await vote).toBe("refused: the voter is gone");
    } finally {
      await blocker.end();
    }
    expect(await client.vote.count({ where: { userId: henry.user.id } })).toBe(0);
    expect(await community(fresh)).toEqual({ communityShip: 0, communityTotal: 0 });
    expect(await community(held)).toEqual({ communityShip: 0, communityTotal: 0 });
    expect(await findCounterDrift(client)).toEqual([]);
  });

  it("reconcile reports drift if votes are ever left without their user anyway (the database's rules bypassed), and fixes it", async (context) => {
    const [role] = await client.$queryRaw<{ rolsuper: boolean }[]>`SELECT rolsuper FROM pg_roles WHERE rolname = current_user`;
    if (!role?.rolsuper) context.skip("needs a superuser to bypass foreign keys (session_replication_role)");
    const tool = await createTool(client);
    const [stays, goes] = await createVotes(client, tool, { ship: 2 });
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      // Replica mode skips the foreign keys' triggers: the row goes, its vote stays behind.
      await admin.query("BEGIN");
      await admin.query("SET LOCAL session_replication_role = replica");
      await admin.query(`DELETE FROM "User" WHERE "id" = $1`, [goes!.id]);
      await admin.query("COMMIT");
    } finally {
      await admin.end();
    }
    expect(await client.vote.count({ where: { toolId: tool.id } })).toBe(2);
    const drift = (await findCounterDrift(client)).filter((item) => item.toolId === tool.id);
    expect(drift).toEqual([{ toolId: tool.id, slug: tool.slug, stored: expect.objectContaining({ communityShip: 2, communityTotal: 2 }), expected: expect.objectContaining({ communityShip: 1, communityTotal: 1 }), pending: { stored: 0, expected: 0 } }]);
    await reconcileCounters(client, { fix: true });
    expect(await community(tool)).toEqual({ communityShip: 1, communityTotal: 1 });
    expect(await findCounterDrift(client)).toEqual([]);
    expect(stays).toBeTruthy();
  });
});

/** Waits until at least `count` of this database's backends wait on a lock. */
async function waitForLockWaiters(count: number) {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const [row] = await client.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    if ((row?.n ?? 0) >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`fewer than ${count} backends waiting on a lock after 10 s`);
}
