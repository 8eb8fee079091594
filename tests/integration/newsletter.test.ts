import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import type { Tool } from "@/lib/generated/prisma/client";
import { createSignedInUser } from "../helpers/auth";
import { createComparison as createComparisonRow, createReviewer, createTool, createVerdict as createVerdictRow, createVotes } from "../helpers/factories";
import { mailHeader, startMailServer, waitForMail, type ReceivedMail } from "../helpers/mail-server";

/**
 * The newsletter end to end below the browser: the real route handlers,
 * server actions and digest runner against PostgreSQL, with emails going
 * through the job queue (its workers run here) over SMTP to a server started here.
 */

vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "198.51.100.7" }) }));

// Env is read once when lib/env loads: point email at the test SMTP server before any lib import.
const mailDir = await mkdtemp(path.join(os.tmpdir(), "sos-newsletter-mail-"));
const mail = await startMailServer(mailDir);
process.env.EMAIL_SERVER = mail.url;
process.env.SITE_URL = "http://localhost:3000";
process.env.RATE_LIMIT_NEWSLETTER_EMAIL = "6/3600";
process.env.RATE_LIMIT_NEWSLETTER_IP = "10/3600";
// Requests here name their client in X-Forwarded-For, as the one proxy in front appends it.
process.env.TRUST_PROXY = "1";

const { POST: subscribeRoute } = await import("@/app/api/newsletter/route");
const { POST: oneClickRoute } = await import("@/app/api/newsletter/unsubscribe/route");
const { GET: csvRoute } = await import("@/app/api/admin/newsletter/subscribers.csv/route");
const { subscribeFormAction, confirmSubscriptionFormAction, unsubscribeFormAction } = await import("@/lib/newsletter/actions");
const { buildDigestContent, runDigest, takeSnapshot } = await import("@/lib/newsletter/digest");
const { startJobRunner } = await import("@/lib/jobs/runner");
const { saveVerdict } = await import("@/lib/verdicts/writes");
const { createComparison, updateComparison } = await import("@/lib/comparisons/writes");
const { digestSnapshotSchema } = await import("@/lib/newsletter/schema");

let client: PrismaClient;
let runner: Awaited<ReturnType<typeof startJobRunner>>;
beforeAll(async () => {
  client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 2 });
  runner = await startJobRunner({ connectionString: process.env.DATABASE_URL!, client, concurrency: 2, newAccountHours: 0 });
});
afterAll(async () => {
  await runner.stop();
  await client.$disconnect();
  await mail.close();
  await rm(mailDir, { recursive: true, force: true });
});

const ORIGIN = "http://localhost:3000";
let ipCounter = 0;
const freshIp = () => `203.0.113.${++ipCounter}`;

async function post(body: unknown, options: { ip?: string; headers?: Record<string, string>; raw?: string } = {}) {
  const response = await subscribeRoute(
    new Request(`${ORIGIN}/api/newsletter`, {
      method: "POST",
      headers: { origin: ORIGIN, "content-type": "application/json", "x-forwarded-for": options.ip ?? freshIp(), ...options.headers },
      body: options.raw ?? JSON.stringify(body),
    }),
  );
  return response;
}

async function mailCount() {
  return (await readdir(mailDir)).filter((file) => file.endsWith(".json")).length;
}

const tokenFrom = (received: ReceivedMail, kind: "confirm" | "unsubscribe") => {
  const token = received.text.match(new RegExp(`/newsletter/${kind}\\?token=([A-Za-z0-9_-]+)`))?.[1];
  expect(token, `the email carries a ${kind} link`).toBeTruthy();
  return token!;
};

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");
const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
};
/** Digest emails on the job queue, sent or not (a sent job leaves the queue; the job key stays unique while it waits). */
const queuedDigestEmails = async () =>
  (await client.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM graphile_worker._private_jobs WHERE payload->>'kind' = 'digest'`)[0]!.n;
const subscriber = (email: string) => client.newsletterSubscriber.findUnique({ where: { email } });

async function subscribeAndRead(email: string) {
  const after = Date.now() - 1;
  const response = await post({ email });
  expect(response.status).toBe(202);
  return waitForMail(mailDir, email, { after });
}

async function confirmedSubscriber(email: string) {
  const received = await subscribeAndRead(email);
  expect(await confirmSubscriptionFormAction({ status: "idle" }, form({ token: tokenFrom(received, "confirm") }))).toEqual({ status: "done" });
  return received;
}

describe("subscribing (POST /api/newsletter)", () => {
  it("stores a PENDING subscriber and only the hash of the emailed confirm token, and sends the confirmation over SMTP", async () => {
    const after = Date.now() - 1;
    const response = await post({ email: "  Reader@Example.TEST " });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ status: "pending", message: expect.stringMatching(/^Check your inbox/) });

    const received = await waitForMail(mailDir, "reader@example.test", { after });
    expect(received.subject).toBe("Confirm your subscription to Weekly AI Tool Verdicts");
    expect(received.html).toContain("Confirm my subscription");
    const confirm = tokenFrom(received, "confirm");
    expect(received.html).toContain(`/newsletter/confirm?token=${confirm}`);

    const row = await subscriber("reader@example.test");
    expect(row?.status).toBe("PENDING");
    const tokens = await client.newsletterToken.findMany({ where: { subscriberId: row!.id } });
    expect(tokens.map((t) => t.purpose).sort()).toEqual(["CONFIRM", "UNSUBSCRIBE"]);
    const stored = tokens.find((t) => t.purpose === "CONFIRM")!;
    expect(stored.tokenHash).toBe(sha256(confirm));
    expect(JSON.stringify(tokens)).not.toContain(confirm);
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBeGreaterThan(47 * 3_600_000);
  });

  it("the confirm link confirms the subscription; the same link cannot be used again", async () => {
    const received = await subscribeAndRead("confirm-me@example.test");
    const token = tokenFrom(received, "confirm");
    expect(await confirmSubscriptionFormAction({ status: "idle" }, form({ token }))).toEqual({ status: "done" });
    const row = await subscriber("confirm-me@example.test");
    expect(row).toMatchObject({ status: "CONFIRMED", confirmedAt: expect.any(Date) });

    expect(await confirmSubscriptionFormAction({ status: "idle" }, form({ token }))).toEqual({ status: "invalid" });
    // A token of the other purpose, or garbage, is no confirm token either.
    expect(await confirmSubscriptionFormAction({ status: "idle" }, form({ token: tokenFrom(received, "unsubscribe") }))).toEqual({ status: "invalid" });
    expect(await confirmSubscriptionFormAction({ status: "idle" }, form({ token: "nope" }))).toEqual({ status: "invalid" });
  });

  it("an expired confirm link fails and leaves the subscriber pending", async () => {
    const received = await subscribeAndRead("late@example.test");
    const token = tokenFrom(received, "confirm");
    await client.newsletterToken.update({ where: { tokenHash: sha256(token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await confirmSubscriptionFormAction({ status: "idle" }, form({ token }))).toEqual({ status: "invalid" });
    expect((await subscriber("late@example.test"))?.status).toBe("PENDING");
  });

  it("is idempotent and answers the same in every state: new, pending, confirmed, unsubscribed", async () => {
    const email = "again@example.test";
    const bodies: unknown[] = [];
    const answer = async () => {
      const after = Date.now() - 1;
      const response = await post({ email });
      expect(response.status).toBe(202);
      bodies.push(await response.json());
      return waitForMail(mailDir, email, { after });
    };

    const first = await answer(); // new
    const second = await answer(); // pending: a fresh confirm link, still one row
    expect(tokenFrom(second, "confirm")).not.toBe(tokenFrom(first, "confirm"));
    expect(await client.newsletterSubscriber.count({ where: { email } })).toBe(1);

    expect(await confirmSubscriptionFormAction({ status: "idle" }, form({ token: tokenFrom(second, "confirm") }))).toEqual({ status: "done" });
    const third = await answer(); // confirmed: a harmless note, no confirm link
    expect(third.subject).toBe("You're already subscribed to Weekly AI Tool Verdicts");
    expect(third.text).not.toContain("/newsletter/confirm");
    expect((await subscriber(email))?.status).toBe("CONFIRMED");

    expect(await unsubscribeFormAction({ status: "idle" }, form({ token: tokenFrom(third, "unsubscribe") }))).toEqual({ status: "done" });
    expect((await subscriber(email))?.status).toBe("UNSUBSCRIBED");
    const fourth = await answer(); // unsubscribed: back to pending with a new confirm link
    expect((await subscriber(email))?.status).toBe("PENDING");
    expect(await confirmSubscriptionFormAction({ status: "idle" }, form({ token: tokenFrom(fourth, "confirm") }))).toEqual({ status: "done" });

    expect(new Set(bodies.map((body) => JSON.stringify(body))).size).toBe(1);
    expect(await client.newsletterSubscriber.count({ where: { email } })).toBe(1);
  });

  it("a filled honeypot gets the same answer and writes and sends nothing", async () => {
    const before = await mailCount();
    const response = await post({ email: "bot@example.test", website: "https://spam.example" });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual((await (await post({ email: "human@example.test" })).json()) as unknown);
    expect(await subscriber("bot@example.test")).toBeNull();
    expect(await client.newsletterToken.count({ where: { subscriber: { email: "bot@example.test" } } })).toBe(0);
    await waitForMail(mailDir, "human@example.test");
    expect(await mailCount()).toBe(before + 1);

    const viaForm = await subscribeFormAction({ status: "idle" }, form({ email: "formbot@example.test", website: "x" }));
    expect(viaForm).toMatchObject({ status: "accepted" });
    expect(await subscriber("formbot@example.test")).toBeNull();
  });

  it("an invalid email is a 400 with the zod message, and nothing is stored", async () => {
    const response = await post({ email: "not-an-email" });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error).toMatchObject({
      code: "invalid_request",
      message: "Enter a valid email address, like you@example.com.",
      issues: [{ path: "email", message: "Enter a valid email address, like you@example.com." }],
    });
    expect(await subscriber("not-an-email")).toBeNull();

    expect((await post({ email: "a@example.test", extra: 1 })).status).toBe(400);
    expect((await (await post(null, { raw: "{" })).json()).error.code).toBe("invalid_json");
    const notJson = await post(null, { raw: "email=a@example.test", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(notJson.status).toBe(415);
    const crossSite = await post({ email: "x@example.test" }, { headers: { origin: "https://evil.example" } });
    expect(crossSite.status).toBe(403);

    // The form shows the same message inline.
    expect(await subscribeFormAction({ status: "idle" }, form({ email: "nope" }))).toEqual({
      status: "invalid",
      error: "Enter a valid email address, like you@example.com.",
      email: "nope",
    });
  });

  it("is rate-limited per IP and per email: 429 with Retry-After", async () => {
    const ip = freshIp();
    for (let i = 0; i < 10; i++) expect((await post({ email: `ip-${i}@example.test` }, { ip })).status).toBe(202);
    const limited = await post({ email: "ip-10@example.test" }, { ip });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await limited.json()).error.code).toBe("rate_limited");

    for (let i = 0; i < 6; i++) expect((await post({ email: "Same@Example.test" })).status).toBe(202);
    const sameEmail = await post({ email: "same@example.test" });
    expect(sameEmail.status).toBe(429);
    expect(sameEmail.headers.get("retry-after")).toBeTruthy();
  });
});

describe("unsubscribing", () => {
  it("the unsubscribe link works without signing in, once, and cancels pending confirm links", async () => {
    const received = await subscribeAndRead("leaving@example.test");
    const unsubscribe = tokenFrom(received, "unsubscribe");
    expect(await unsubscribeFormAction({ status: "idle" }, form({ token: unsubscribe }))).toEqual({ status: "done" });
    expect(await subscriber("leaving@example.test")).toMatchObject({ status: "UNSUBSCRIBED", unsubscribedAt: expect.any(Date) });
    expect(await unsubscribeFormAction({ status: "idle" }, form({ token: unsubscribe }))).toEqual({ status: "invalid" });
    expect(await confirmSubscriptionFormAction({ status: "idle" }, form({ token: tokenFrom(received, "confirm") }))).toEqual({ status: "invalid" });
  });

  it("RFC 8058 one-click POST unsubscribes from another site; the token is single-use", async () => {
    const received = await confirmedSubscriber("oneclick@example.test");
    const token = tokenFrom(received, "unsubscribe");
    const oneClick = (body: string, t = token) =>
      oneClickRoute(
        new Request(`${ORIGIN}/api/newsletter/unsubscribe?token=${t}`, {
          method: "POST",
          headers: { origin: "https://mail.example.com", "content-type": "application/x-www-form-urlencoded" },
          body,
        }),
      );
    expect((await oneClick("something=else")).status).toBe(400);
    expect((await subscriber("oneclick@example.test"))?.status).toBe("CONFIRMED");

    const response = await oneClick("List-Unsubscribe=One-Click");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "unsubscribed" });
    expect((await subscriber("oneclick@example.test"))?.status).toBe("UNSUBSCRIBED");

    const again = await oneClick("List-Unsubscribe=One-Click");
    expect(again.status).toBe(404);
    expect((await again.json()).error.code).toBe("not_found");
    expect((await oneClick("List-Unsubscribe=One-Click", "x".repeat(43))).status).toBe(404);
  });
});

describe("GET /api/admin/newsletter/subscribers.csv", () => {
  const get = (cookie?: string) =>
    csvRoute(new Request(`${ORIGIN}/api/admin/newsletter/subscribers.csv`, { headers: cookie ? { cookie } : {} }));

  it("refuses anonymous (401) and readers (403)", async () => {
    const anonymous = await get();
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe("unauthenticated");
    const reader = await get((await createSignedInUser(client, { role: "USER" })).cookie);
    expect(reader.status).toBe(403);
    expect((await reader.json()).error.code).toBe("forbidden");
  });

  it("gives staff the confirmed subscribers as escaped CSV, formulas neutralised, and audits the export", async () => {
    const confirmedAt = new Date("2026-11-01T12:00:00Z");
    for (const email of ["=hyperlink(1)@example.test", "+plus@example.test", 'quo"te,comma@example.test']) {
      await client.newsletterSubscriber.create({ data: { email, status: "CONFIRMED", confirmedAt } });
    }
    await client.newsletterSubscriber.create({ data: { email: "pending-only@example.test" } });
    const staff = await createSignedInUser(client, { role: "STAFF" });
    const response = await get(staff.cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="newsletter-subscribers-\d{4}-\d{2}-\d{2}\.csv"$/);
    const csv = await response.text();
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("email,confirmedAt");
    expect(lines).toContain("'=hyperlink(1)@example.test,2026-11-01T12:00:00.000Z");
    expect(lines).toContain("'+plus@example.test,2026-11-01T12:00:00.000Z");
    expect(lines).toContain('"quo""te,comma@example.test",2026-11-01T12:00:00.000Z');
    expect(csv).not.toContain("pending-only@example.test");
    expect(await client.auditLog.count({ where: { action: "newsletter.export", actorId: staff.user.id } })).toBe(1);
    // Rows made up for the escaping, not addresses to send the digest to below.
    await client.newsletterSubscriber.deleteMany({ where: { confirmedAt } });
  });
});

describe("the weekly digest", () => {
  const DAY = 86_400_000;
  let staffId: string;
  let newSlug: string;
  /** The comparison reworded this week, the one published before the window, the tool whose verdict changed, the most voted. */
  let editedSlug: string;
  let olderSlug: string;
  let changedTool: string;
  let eyes: Tool;
  let ears: Tool;

  beforeAll(async () => {
    staffId = (await createSignedInUser(client, { role: "STAFF" })).user.id;
    const longAgo = new Date(Date.now() - 60 * DAY);
    const pair = async () => ({ toolA: await createTool(client), toolB: await createTool(client) });
    // This week: a new published comparison, an edited one, a verdict whose call changed, and votes.
    eyes = await createTool(client, { name: "Moondrop" });
    ears = await createTool(client, { name: "Whistlereed" });
    newSlug = (await createComparison({ toolAId: eyes.id, toolBId: ears.id, headline: "Tiny eyes vs big ears", intro: null, status: "PUBLISHED" }, staffId)).slug;
    const edited = await createComparisonRow(client, { ...(await pair()), publishedAt: longAgo });
    editedSlug = edited.slug;
    await updateComparison(edited.id, edited.version, { headline: "Rewritten after the November pricing change", intro: edited.intro, status: "PUBLISHED" }, staffId);
    // An edit that changes nothing but the status is not news.
    const quiet = await createComparisonRow(client, { ...(await pair()), publishedAt: longAgo });
    await updateComparison(quiet.id, quiet.version, { headline: quiet.headline, intro: quiet.intro, status: "DRAFT" }, staffId);
    await updateComparison(quiet.id, quiet.version + 1, { headline: quiet.headline, intro: quiet.intro, status: "PUBLISHED" }, staffId);

    const reviewed = await createTool(client);
    changedTool = reviewed.slug;
    const verdict = await createVerdictRow(client, { tool: reviewed, reviewer: await createReviewer(client), decision: "SHIP", at: longAgo });
    await saveVerdict(
      { verdictId: verdict.id, expectedVersion: verdict.version, decision: "SKIP", body: verdict.body, published: true, reason: "Agent mode got worse" },
      staffId,
    );
    // Older than the window: not in this digest.
    olderSlug = (await createComparisonRow(client, { ...(await pair()), publishedAt: new Date(Date.now() - 9 * DAY) })).slug;

    await createVotes(client, ears, { ship: 3 });
    await createVotes(client, eyes, { skip: 1 });
  });

  it("contains the week's comparisons, verdict changes and most-voted tools", async () => {
    const now = new Date();
    const content = await buildDigestContent(client, { periodStart: new Date(now.getTime() - 7 * DAY), periodEnd: new Date(now.getTime() + 1000) }, await takeSnapshot(client), null);
    expect(content.newComparisons.map((c) => c.slug)).toEqual([newSlug]);
    expect(content.newComparisons[0]).toMatchObject({ title: "Moondrop vs Whistlereed", headline: "Tiny eyes vs big ears" });
    expect(content.changedComparisons.map((c) => c.slug)).toEqual([editedSlug]);
    expect(content.verdictChanges).toHaveLength(1);
    expect(content.verdictChanges[0]).toMatchObject({ tool: { slug: changedTool }, reason: "Agent mode got worse" });
    expect(content.verdictChanges[0]!.from).not.toBe(content.verdictChanges[0]!.to);
    expect(content.verdictChanges[0]!.url).toMatch(new RegExp(`^http://localhost:3000/tools/${changedTool}/history/[a-z0-9-]+$`));
    expect(content.moversBasis).toBe("votes-this-week");
    expect(content.movers.map((m) => [m.slug, m.change])).toEqual([
      [ears.slug, "3 votes this week"],
      [eyes.slug, "1 vote this week"],
    ]);
  });

  it("a dry run writes the HTML and text files, and sends and records nothing", async () => {
    const out = path.join(await mkdtemp(path.join(os.tmpdir(), "sos-digest-")), "preview");
    const mailsBefore = await mailCount();
    const tokensBefore = await client.newsletterToken.count();
    await confirmedSubscriber("dry@example.test");
    const baseline = { mails: await mailCount(), tokens: await client.newsletterToken.count() };
    expect(baseline.mails).toBe(mailsBefore + 1);

    const result = await runDigest(client, { dryRun: out });
    expect(result.kind).toBe("dry-run");
    const html = await readFile(`${out}.html`, "utf8");
    const text = await readFile(`${out}.txt`, "utf8");
    for (const body of [html, text]) {
      expect(body).toContain("Tiny eyes vs big ears");
      expect(body).toContain(`/compare/${newSlug}`);
      expect(body).toContain(`/compare/${editedSlug}`);
      expect(body).toContain("Agent mode got worse");
      expect(body).toContain(`/tools/${changedTool}/history/`);
      expect(body).not.toContain(olderSlug);
    }
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(text).toContain("Most voted this week");
    expect(await queuedDigestEmails()).toBe(0);
    expect(await client.digest.count()).toBe(0);
    expect(await client.newsletterToken.count()).toBe(baseline.tokens);
    expect(tokensBefore).toBeLessThan(baseline.tokens);
    expect(await mailCount()).toBe(baseline.mails);
    expect((await subscriber("dry@example.test"))?.lastDigestId).toBeNull();
  });

  it("queues one email per confirmed subscriber, each delivered with one-click unsubscribe headers; a rerun queues nobody twice; the next movers are measured against it", async () => {
    const confirmed = await client.newsletterSubscriber.findMany({ where: { status: "CONFIRMED" }, select: { email: true } });
    expect(confirmed.length).toBeGreaterThan(2);
    const started = Date.now() - 1;

    const first = await runDigest(client, {});
    expect(first).toMatchObject({ kind: "queued", queued: confirmed.length, resumed: false });
    const digest = await client.digest.findFirstOrThrow();
    expect(digest.completedAt).not.toBeNull();
    expect(digest.recipientCount).toBe(confirmed.length);

    const received = await waitForMail(mailDir, "dry@example.test", { after: started });
    expect(received.subject).toBe(digest.subject);
    expect(received.text).toContain("Agent mode got worse");
    const listUnsubscribe = mailHeader(received, "List-Unsubscribe");
    expect(listUnsubscribe).toMatch(/^<http:\/\/localhost:3000\/api\/newsletter\/unsubscribe\?token=[A-Za-z0-9_-]{43}>$/);
    expect(mailHeader(received, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    // Each email carries its own token, the same one as its footer link.
    expect(listUnsubscribe).toContain(tokenFrom(received, "unsubscribe"));
    for (const { email } of confirmed) await waitForMail(mailDir, email, { after: started });
    expect(await client.newsletterSubscriber.count({ where: { status: "CONFIRMED", NOT: { lastDigestId: digest.id } } })).toBe(0);

    // A finished digest is not resumed; an unfinished one queues only whoever is missing.
    await client.digest.update({ where: { id: digest.id }, data: { completedAt: null } });
    const again = await runDigest(client, {});
    expect(again).toMatchObject({ kind: "queued", digestId: digest.id, queued: 0, resumed: true });

    // Movers are now measured against this digest's snapshot.
    await createVotes(client, ears, { skip: 2 });
    const now = new Date(Date.now() + 1000);
    const baseline = digestSnapshotSchema.parse((await client.digest.findUniqueOrThrow({ where: { id: digest.id } })).snapshot);
    const next = await buildDigestContent(client, { periodStart: digest.periodEnd, periodEnd: now }, await takeSnapshot(client), baseline);
    expect(next.moversBasis).toBe("previous-digest");
    expect(next.movers.map((m) => [m.slug, m.change])).toEqual([[ears.slug, "+2 votes"]]);
  });
});
