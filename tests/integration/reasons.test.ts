import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE as deleteHelpful, PUT as putHelpful } from "@/app/api/reasons/[id]/helpful/route";
import { POST as postReport } from "@/app/api/reasons/[id]/report/route";
import { GET as getReasons } from "@/app/api/tools/[slug]/reasons/route";
import { DELETE as deleteVote, GET as getVote, PUT as putVote } from "@/app/api/tools/[slug]/vote/route";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { CHANNELS } from "@/lib/db-events/channels";
import { createDatabaseEvents } from "@/lib/db-events/listener";
import { wilsonLowerBound } from "@/lib/scores/wilson";
import { findCounterDrift } from "@/lib/stats/reconcile";
import { generatedName } from "@/lib/users/display-name";
import { deleteUser } from "@/lib/users/writes";
import { createSignedInUser } from "../helpers/auth";
import { createTool } from "../helpers/factories";

/**
 * A reason with every vote (docs/decisions/029): it belongs to its decision,
 * goes with the vote, is ranked by the Wilson lower bound of helpful marks out
 * of helpful marks and reports, and never shows its author's email.
 */

process.env.RATE_LIMIT_VOTES = "100000/60";
process.env.RATE_LIMIT_REASONS = "100000/60";
process.env.RATE_LIMIT_REPORTS = "100000/60";

let client: PrismaClient;
beforeAll(() => {
  client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 4 });
});
afterAll(() => client.$disconnect());

const ORIGIN = "http://localhost";

type Json = Record<string, unknown>;

function call<C>(handler: (request: Request, context: C) => Promise<Response>, method: string, path: string, params: unknown, options: { cookie?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = { origin: ORIGIN };
  if (options.cookie) headers.cookie = options.cookie;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    headers["content-type"] = "application/json";
  }
  return handler(new Request(`${ORIGIN}${path}`, { method, headers, body }), { params: Promise.resolve(params) } as C);
}

const vote = (slug: string, cookie: string, body: unknown) => call(putVote, "PUT", `/api/tools/${slug}/vote`, { slug }, { cookie, body });
const withdraw = (slug: string, cookie: string) => call(deleteVote, "DELETE", `/api/tools/${slug}/vote`, { slug }, { cookie });
const own = async (slug: string, cookie: string) => ((await (await call(getVote, "GET", `/api/tools/${slug}/vote`, { slug }, { cookie })).json()) as { data: Json }).data;
const helpful = (id: string, cookie: string, on = true) =>
  call(on ? putHelpful : deleteHelpful, on ? "PUT" : "DELETE", `/api/reasons/${id}/helpful`, { id }, { cookie });
const report = (id: string, cookie: string, body: unknown = { category: "spam" }) => call(postReport, "POST", `/api/reasons/${id}/report`, { id }, { cookie, body });
async function list(slug: string, query = "") {
  const response = await call(getReasons, "GET", `/api/tools/${slug}/reasons${query}`, { slug });
  return { status: response.status, body: (await response.json()) as { data: Json[]; nextCursor: string | null; error?: Json } };
}
async function voteWith(slug: string, decision: "ship" | "skip", reason?: string | null) {
  const reader = await createSignedInUser(client);
  const response = await vote(slug, reader.cookie, reason === undefined ? { decision } : { decision, reason });
  expect(response.status).toBe(200);
  const { data } = (await response.json()) as { data: { reason: { id: string; text: string } | null } };
  return { ...reader, reason: data.reason };
}
const readers = (n: number) => Promise.all(Array.from({ length: n }, () => createSignedInUser(client)));

describe("a reason with a vote", () => {
  it("is stored with the vote, kept while the decision stays, dropped on a flip without a new one, and gone with the vote", async () => {
    const { slug } = await createTool(client);
    const { cookie, user } = await createSignedInUser(client);

    const response = await vote(slug, cookie, { decision: "ship", reason: "  Fast autocomplete,\r\nfair price.  " });
    expect(response.status).toBe(200);
    let data = ((await response.json()) as { data: Json }).data;
    expect(data).toMatchObject({ vote: "ship", reason: { text: "Fast autocomplete,\nfair price." } });
    const first = (data.reason as { id: string }).id;
    expect(await own(slug, cookie)).toEqual({ vote: "ship", reason: { id: first, text: "Fast autocomplete,\nfair price.", hidden: false, hiddenReason: null } });

    // The same decision without a reason field: the reason stays, and so does its id.
    data = ((await (await vote(slug, cookie, { decision: "ship" })).json()) as { data: Json }).data;
    expect(data.reason).toEqual({ id: first, text: "Fast autocomplete,\nfair price." });

    // An edit keeps the id (its helpful marks stay with it).
    data = ((await (await vote(slug, cookie, { decision: "ship", reason: "Fast autocomplete." })).json()) as { data: Json }).data;
    expect(data.reason).toEqual({ id: first, text: "Fast autocomplete." });

    // A flip without a new reason drops the old one: it argued for the other side.
    data = ((await (await vote(slug, cookie, { decision: "skip" })).json()) as { data: Json }).data;
    expect(data).toMatchObject({ vote: "skip", reason: null });
    expect(await client.reason.count({ where: { userId: user.id } })).toBe(0);

    // A flip with a reason is a new reason.
    await vote(slug, cookie, { decision: "ship", reason: "Back to ship." });
    data = ((await (await vote(slug, cookie, { decision: "skip", reason: "Too slow on big repos." })).json()) as { data: Json }).data;
    expect(data).toMatchObject({ vote: "skip", reason: { text: "Too slow on big repos." } });
    expect((data.reason as { id: string }).id).not.toBe(first);
    expect(await client.reason.findMany({ where: { userId: user.id }, select: { decision: true, text: true } })).toEqual([
      { decision: "SKIP", text: "Too slow on big repos." },
    ]);

    // null and "" remove the reason and keep the vote.
    expect(((await (await vote(slug, cookie, { decision: "skip", reason: null })).json()) as { data: Json }).data).toMatchObject({ vote: "skip", reason: null });
    await vote(slug, cookie, { decision: "skip", reason: "Again." });
    expect(((await (await vote(slug, cookie, { decision: "skip", reason: "   " })).json()) as { data: Json }).data).toMatchObject({ vote: "skip", reason: null });

    // Withdrawing removes the vote and its reason.
    await vote(slug, cookie, { decision: "skip", reason: "Once more." });
    expect((await withdraw(slug, cookie)).status).toBe(200);
    expect(await own(slug, cookie)).toEqual({ vote: null, reason: null });
    expect(await client.reason.count({ where: { userId: user.id } })).toBe(0);
    expect(await findCounterDrift(client)).toEqual([]);
  });

  it("refuses a reason that is too long, holds control characters or is not text, and keeps what was saved", async () => {
    const { slug } = await createTool(client);
    const { cookie } = await createSignedInUser(client);
    await vote(slug, cookie, { decision: "ship", reason: "Saved." });
    for (const reason of ["x".repeat(501), "nul \u0000 byte", "bell \u0007", 42, ["a"], { text: "a" }]) {
      const response = await vote(slug, cookie, { decision: "skip", reason });
      expect(response.status, JSON.stringify(reason).slice(0, 40)).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: "invalid_request" } });
    }
    expect(await own(slug, cookie)).toMatchObject({ vote: "ship", reason: { text: "Saved." } });
    // 500 characters, a tab among them, are fine.
    const longest = "é".repeat(498) + "\t";
    expect((await vote(slug, cookie, { decision: "ship", reason: `${longest}!` })).status).toBe(200);
  });

  it("a reason change alone is announced on reasons_changed, so cached pages showing it refresh", async () => {
    const { slug } = await createTool(client);
    const { cookie } = await createSignedInUser(client);
    const events = createDatabaseEvents({ url: process.env.DATABASE_URL!, name: `reasons-${process.pid}`, selfPing: false });
    const heard: string[] = [];
    events.subscribe(CHANNELS.reasons, (change) => {
      if (change.slug === slug) heard.push(change.slug);
    });
    expect((await events.ping()).heard).toBe(true);
    try {
      await vote(slug, cookie, { decision: "ship" }); // no reason: nothing to announce here
      await vote(slug, cookie, { decision: "ship", reason: "Because." });
      await vote(slug, cookie, { decision: "ship", reason: "Because." }); // unchanged: no announcement
      await vote(slug, cookie, { decision: "ship", reason: "Because, edited." });
      await expect.poll(() => heard.length).toBe(2);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(heard.length).toBe(2);
    } finally {
      await events.stop();
    }
  });
});

describe("reading reasons", () => {
  it("ranks by the Wilson lower bound of helpful marks out of marks and reports, newest first on ties, against hand-computed values", async () => {
    const { slug } = await createTool(client);
    // Oldest first: D (no marks), A (1 of 1), B (3 of 4: one report), C (2 of 2), E (no marks, newest).
    const d = await voteWith(slug, "ship", "D");
    const a = await voteWith(slug, "ship", "A");
    const b = await voteWith(slug, "ship", "B");
    const c = await voteWith(slug, "ship", "C");
    const e = await voteWith(slug, "ship", "E");
    const [m1, m2, m3, m4] = await readers(4);
    for (const [reason, markers] of [
      [a, [m1]],
      [b, [m1, m2, m3]],
      [c, [m1, m2]],
    ] as const) {
      for (const marker of markers) expect((await helpful(reason.reason!.id, marker!.cookie)).status).toBe(200);
    }
    expect((await report(b.reason!.id, m4!.cookie)).status).toBe(201);

    // Hand-computed with z = 1.96: (p + z²/2n − z√(p(1−p)/n + z²/4n²)) / (1 + z²/n).
    const expected = { C: 0.3423719528896193, B: 0.30063605244263664, A: 0.20654329147389294, E: 0, D: 0 };
    const stored = await client.reason.findMany({ where: { tool: { slug } }, select: { text: true, score: true, helpfulCount: true, reportCount: true } });
    for (const row of stored) {
      expect(row.score, row.text).toBeCloseTo(expected[row.text as keyof typeof expected], 12);
      expect(row.score).toBeCloseTo(wilsonLowerBound({ ship: row.helpfulCount, total: row.helpfulCount + row.reportCount }), 12);
    }
    const { body } = await list(slug);
    expect(body.data.map((reason) => reason.text)).toEqual(["C", "B", "A", "E", "D"]);
    expect(body.data[0]).toMatchObject({ decision: "ship", text: "C", helpful: 2, author: { name: generatedName(c.user.id) } });
    expect(body.nextCursor).toBeNull();
    // Newest first.
    expect((await list(slug, "?sort=newest")).body.data.map((reason) => reason.text)).toEqual(["E", "C", "B", "A", "D"]);
    void d;
    void e;
  });

  it("the SQL score function agrees with lib/scores/wilson.ts", async () => {
    const cases: [number, number][] = [];
    for (let n = 0; n <= 30; n += 3) for (let positive = 0; positive <= n; positive += 2) cases.push([positive, n]);
    const rows = await client.$queryRaw<{ score: number }[]>`
      SELECT wilson_lower_bound(c.positive, c.n) AS score FROM unnest(${cases.map(([p]) => p)}::int[], ${cases.map(([, n]) => n)}::int[]) WITH ORDINALITY AS c(positive, n, i) ORDER BY i`;
    rows.forEach((row, i) => expect(row.score).toBeCloseTo(wilsonLowerBound({ ship: cases[i]![0], total: cases[i]![1] }), 12));
  });

  it("pages with a cursor, filters by side, shows a display name or a generated one, and never an email address", async () => {
    const { slug } = await createTool(client);
    const written: string[] = [];
    for (let i = 0; i < 23; i++) {
      const reader = await voteWith(slug, i % 3 === 0 ? "skip" : "ship", `Reason ${i}`);
      written.push(reader.user.email!);
      if (i === 0) await client.user.update({ where: { id: reader.user.id }, data: { displayName: "Ada L." } });
    }
    const first = await list(slug, "?sort=newest");
    expect(first.body.data).toHaveLength(20);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await list(slug, `?sort=newest&cursor=${first.body.nextCursor}`);
    expect(second.body.data.map((reason) => reason.text)).toEqual(["Reason 2", "Reason 1", "Reason 0"]);
    expect(second.body.nextCursor).toBeNull();
    expect(second.body.data.at(-1)).toMatchObject({ author: { name: "Ada L." } });
    const text = JSON.stringify([first.body, second.body]);
    for (const email of written) expect(text).not.toContain(email);

    const skips = await list(slug, "?decision=skip");
    expect(skips.body.data).toHaveLength(8);
    expect(skips.body.data.every((reason) => reason.decision === "skip")).toBe(true);

    // A cursor of the other sort, a forged one, an unknown side or sort: 400; an unknown tool: 404.
    for (const query of [`?sort=helpful&cursor=${first.body.nextCursor}`, "?cursor=bm90LWpzb24", "?decision=maybe", "?sort=best", `?cursor=${"a".repeat(300)}`]) {
      const refused = await list(slug, query);
      expect(refused.status, query).toBe(400);
      expect(refused.body.error).toMatchObject({ code: "invalid_request" });
    }
    expect((await list("no-such-tool")).status).toBe(404);
  });
});

describe("helpful marks and reports", () => {
  it("a reader marks a reason helpful once and takes it back; never their own; a gone reason is a 404", async () => {
    const { slug } = await createTool(client);
    const author = await voteWith(slug, "skip", "Hallucinates APIs.");
    const [reader] = await readers(1);
    const id = author.reason!.id;

    expect((await helpful(id, author.cookie)).status).toBe(403);
    let response = await helpful(id, reader!.cookie);
    expect(await response.json()).toEqual({ data: { id, helpful: 1, marked: true } });
    response = await helpful(id, reader!.cookie);
    expect(await response.json()).toEqual({ data: { id, helpful: 1, marked: true } });
    response = await helpful(id, reader!.cookie, false);
    expect(await response.json()).toEqual({ data: { id, helpful: 0, marked: false } });
    expect((await client.reason.findUniqueOrThrow({ where: { id } })).score).toBe(0);

    // Signed out: 401. A malformed id: 404.
    expect((await call(putHelpful, "PUT", `/api/reasons/${id}/helpful`, { id })).status).toBe(401);
    expect((await helpful("not a reason!", reader!.cookie)).status).toBe(404);
    // The author flips: the reason is gone, and so is a mark on it.
    await helpful(id, reader!.cookie);
    await vote(slug, author.cookie, { decision: "ship" });
    expect((await helpful(id, reader!.cookie)).status).toBe(404);
    expect(await client.helpfulMark.count({ where: { reasonId: id } })).toBe(0);
  });

  it("a report is taken once per reader, not on one's own reason, and counts against the score", async () => {
    const { slug } = await createTool(client);
    const author = await voteWith(slug, "ship", "Buy now!!! cheap-pills.example");
    const [first, second] = await readers(2);
    const id = author.reason!.id;
    expect((await report(id, author.cookie)).status).toBe(403);
    expect((await report(id, first!.cookie, { category: "sales" })).status).toBe(400);
    expect((await report(id, first!.cookie, { category: "spam", note: "x".repeat(501) })).status).toBe(400);
    const response = await report(id, first!.cookie, { category: "spam", note: "An ad." });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ data: { id, reported: true } });
    expect((await report(id, first!.cookie, { category: "abuse" })).status).toBe(409);
    expect((await report(id, second!.cookie, { category: "off-topic" })).status).toBe(201);
    expect(await client.reasonReport.findMany({ where: { reasonId: id }, select: { category: true, note: true }, orderBy: { category: "asc" } })).toEqual([
      { category: "SPAM", note: "An ad." },
      { category: "OFF_TOPIC", note: null },
    ]);
    await helpful(id, first!.cookie);
    const stored = await client.reason.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ helpfulCount: 1, reportCount: 2 });
    expect(stored.score).toBeCloseTo(wilsonLowerBound({ ship: 1, total: 3 }), 12);
  });

  it("a deleted account takes its reasons, marks and reports with it, and the counts follow", async () => {
    const { slug } = await createTool(client);
    const author = await voteWith(slug, "ship", "Solid.");
    const leaver = await voteWith(slug, "skip", "Meh.");
    await helpful(author.reason!.id, leaver.cookie);
    await report(author.reason!.id, leaver.cookie);
    expect(await client.reason.findUniqueOrThrow({ where: { id: author.reason!.id } })).toMatchObject({ helpfulCount: 1, reportCount: 1 });
    await deleteUser(leaver.user.id, { keepNewsletter: false });
    expect(await client.reason.findUniqueOrThrow({ where: { id: author.reason!.id } })).toMatchObject({ helpfulCount: 0, reportCount: 0, score: 0 });
    expect(await client.reason.count({ where: { id: leaver.reason!.id } })).toBe(0);
    expect(await findCounterDrift(client)).toEqual([]);
  });
});
