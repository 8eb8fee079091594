import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { CHANNELS, type ContentChange } from "@/lib/db-events/channels";
import { createDatabaseEvents, type DatabaseEvents } from "@/lib/db-events/listener";
import { wilsonLowerBound } from "@/lib/scores/wilson";
import { createSignedInUser } from "../helpers/auth";
import { createTool } from "../helpers/factories";

/**
 * Moderation of readers' reasons (lib/moderation): a report puts a reason in
 * the queue; a moderator hides it (gone from every public read at once, its
 * author still sees it, marked, with the note), restores it, dismisses reports
 * (which stop counting against it) or mutes the author; reports from enough
 * established readers hide it automatically. Every action is audited and
 * undoable.
 */

vi.mock("next/navigation", async () => (await import("../helpers/next-mocks")).navigation);
vi.mock("next/headers", async () => (await import("../helpers/next-mocks")).nextHeaders);
vi.mock("next/cache", async (original) => ({ ...(await original<typeof import("next/cache")>()), refresh: () => undefined }));
vi.mock("@/lib/auth/session", async (original) => ({
  ...(await original<typeof import("@/lib/auth/session")>()),
  getCurrentUser: async () => (await import("../helpers/next-mocks")).session.user,
}));

const { PUT: putVote, GET: getVote } = await import("@/app/api/tools/[slug]/vote/route");
const { PUT: putHelpful } = await import("@/app/api/reasons/[id]/helpful/route");
const { POST: postReport } = await import("@/app/api/reasons/[id]/report/route");
const { getReasonsTool, listReasons, summarizeReasons } = await import("@/lib/reasons/queries");
const { listModerationQueue } = await import("@/lib/moderation/queries");
const { dismissReports, hideReason, reopenReports, restoreReason, setReasonsMute } = await import("@/lib/moderation/writes");
const { hideReasonAction, muteReaderAction } = await import("@/lib/moderation/actions");
const { session, Forbidden } = await import("../helpers/next-mocks");

const ORIGIN = "http://localhost";
let client: PrismaClient;
let events: DatabaseEvents;
const content: ContentChange[] = [];
let staff: Awaited<ReturnType<typeof createSignedInUser>>;

beforeAll(async () => {
  client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 4 });
  events = createDatabaseEvents({ url: process.env.DATABASE_URL!, name: `moderation-${process.pid}`, selfPing: false });
  events.subscribe(CHANNELS.content, (change) => content.push(change));
  expect((await events.ping()).heard).toBe(true);
  staff = await createSignedInUser(client, { role: "STAFF" });
});
afterAll(async () => {
  await events.stop();
  await client.$disconnect();
});

const json = (body: unknown) => JSON.stringify(body);
const request = (url: string, method: string, cookie: string, body?: unknown) =>
  new Request(`${ORIGIN}${url}`, { method, body: body === undefined ? undefined : json(body), headers: { origin: ORIGIN, cookie, "content-type": "application/json" } });

async function vote(slug: string, cookie: string, body: unknown) {
  const response = await putVote(request(`/api/tools/${slug}/vote`, "PUT", cookie, body), { params: Promise.resolve({ slug }) });
  return { status: response.status, body: (await response.json()) as { data?: { reason: { id: string } | null }; error?: { code: string; message: string } } };
}
const ownVote = async (slug: string, cookie: string) =>
  ((await (await getVote(request(`/api/tools/${slug}/vote`, "GET", cookie), { params: Promise.resolve({ slug }) })).json()) as { data: { reason: Record<string, unknown> | null } }).data;
const report = (id: string, cookie: string, category = "abuse") =>
  postReport(request(`/api/reasons/${id}/report`, "POST", cookie, { category }), { params: Promise.resolve({ id }) });
const helpful = (id: string, cookie: string) => putHelpful(request(`/api/reasons/${id}/helpful`, "PUT", cookie), { params: Promise.resolve({ id }) });

/** A reader old enough for their reports to count toward hiding a reason (NEW_ACCOUNT_HOURS, 24 by default). */
async function established() {
  const reader = await createSignedInUser(client);
  await client.user.update({ where: { id: reader.user.id }, data: { createdAt: new Date(Date.now() - 3 * 86_400_000) } });
  return reader;
}

async function reasonOn(slug: string, text = "A reason to moderate.") {
  const author = await createSignedInUser(client);
  const { body } = await vote(slug, author.cookie, { decision: "skip", reason: text });
  return { author, id: body.data!.reason!.id };
}

const publicTexts = async (slug: string) => (await listReasons((await getReasonsTool(slug))!.id, { sort: "newest" })).data.map((reason) => reason.text);
async function heardContent() {
  await events.ping();
  const heard = [...content];
  content.length = 0;
  return heard;
}

describe("moderating a reported reason", () => {
  it("report → queue → hide → gone from every public read, its author sees it marked → restore → back; all audited", async () => {
    const tool = await createTool(client);
    const { author, id } = await reasonOn(tool.slug, "Buy followers at spam.example");
    const reader = await createSignedInUser(client);
    expect((await report(id, reader.cookie, "spam")).status).toBe(201);

    const queue = await listModerationQueue("open", 1);
    const item = queue.items.find((entry) => entry.id === id)!;
    expect(item).toMatchObject({ openReports: 1, categories: { spam: 1 }, hidden: null, tool: { slug: tool.slug } });

    await heardContent();
    await hideReason(id, "Advertising.", staff.user.id);
    // The pages showing it are dropped at once (not after the figures' refresh window).
    expect(await heardContent()).toEqual([{ kind: "reasons", tool: tool.slug }]);
    expect(await publicTexts(tool.slug)).toEqual([]);
    expect((await summarizeReasons([tool.id])).get(tool.id)).toEqual({ ship: { count: 0, top: [] }, skip: { count: 0, top: [] } });
    // Nobody can mark or report what is hidden; its author still sees it, with the note.
    expect((await helpful(id, reader.cookie)).status).toBe(404);
    expect(await ownVote(tool.slug, author.cookie)).toMatchObject({ reason: { id, hidden: true, hiddenReason: "Advertising." } });
    // An edit keeps it hidden (a moderator's decision is not undone by rewording).
    await vote(tool.slug, author.cookie, { decision: "skip", reason: "Buy followers at spam.example, now cheaper" });
    expect(await publicTexts(tool.slug)).toEqual([]);
    expect((await listModerationQueue("hidden", 1)).items.map((entry) => entry.id)).toContain(id);

    await restoreReason(id, staff.user.id);
    expect(await heardContent()).toEqual([{ kind: "reasons", tool: tool.slug }]);
    expect(await publicTexts(tool.slug)).toEqual(["Buy followers at spam.example, now cheaper"]);
    expect(await ownVote(tool.slug, author.cookie)).toMatchObject({ reason: { hidden: false, hiddenReason: null } });

    const audit = await client.auditLog.findMany({ where: { entityType: "Reason", entityId: id }, orderBy: { createdAt: "asc" }, select: { action: true, actorId: true, before: true, after: true } });
    expect(audit.map((entry) => [entry.action, entry.actorId])).toEqual([
      ["reason.hide", staff.user.id],
      ["reason.restore", staff.user.id],
    ]);
    expect(audit[0]!.after).toMatchObject({ hidden: true, hiddenReason: "Advertising." });
  });

  it("reports from three established readers hide a reason automatically, pending review; new accounts' reports do not count; dismissing brings it back and stops the reports counting", async () => {
    const tool = await createTool(client);
    const { id } = await reasonOn(tool.slug, "Contested, but fine.");
    const marker = await createSignedInUser(client);
    await helpful(id, marker.cookie);
    // Three brand-new accounts: a vote ring cannot hide a reason by itself.
    for (let i = 0; i < 3; i++) expect((await report(id, (await createSignedInUser(client, { newAccount: true })).cookie)).status).toBe(201);
    expect(await publicTexts(tool.slug)).toEqual(["Contested, but fine."]);
    // Two established readers: still under the threshold (three).
    for (let i = 0; i < 2; i++) await report(id, (await established()).cookie);
    expect(await publicTexts(tool.slug)).toEqual(["Contested, but fine."]);
    await heardContent();
    await report(id, (await established()).cookie);
    expect(await publicTexts(tool.slug)).toEqual([]);
    expect(await heardContent()).toEqual([{ kind: "reasons", tool: tool.slug }]);
    const stored = await client.reason.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ hiddenAuto: true, helpfulCount: 1, reportCount: 6 });
    expect(stored.hiddenReason).toContain("reports from 3 readers");
    expect(await client.auditLog.findFirst({ where: { entityId: id, action: "reason.autoHide" }, select: { actorId: true } })).toEqual({ actorId: null });
    expect((await listModerationQueue("open", 1)).items.find((entry) => entry.id === id)).toMatchObject({ openReports: 6, hidden: { auto: true } });

    // A moderator finds nothing wrong: the reports are dismissed, the reason is back, its score is its helpful mark's alone.
    expect(await dismissReports(id, staff.user.id)).toBe(6);
    const back = await client.reason.findUniqueOrThrow({ where: { id } });
    expect(back).toMatchObject({ hiddenAt: null, hiddenAuto: false, reportCount: 0 });
    expect(back.score).toBeCloseTo(wilsonLowerBound({ ship: 1, total: 1 }), 12);
    expect(await publicTexts(tool.slug)).toEqual(["Contested, but fine."]);
    expect((await listModerationQueue("open", 1)).items.map((entry) => entry.id)).not.toContain(id);
    // And undone: the reports count again (the reason stays public until a moderator hides it).
    expect(await reopenReports(id, staff.user.id)).toBe(6);
    expect(await client.reason.findUniqueOrThrow({ where: { id } })).toMatchObject({ reportCount: 6, hiddenAt: null });
  });

  it("a muted reader cannot write or edit reasons until the mute ends or is lifted; their votes still count", async () => {
    const tool = await createTool(client);
    const { author, id } = await reasonOn(tool.slug, "First.");
    await setReasonsMute(author.user.id, new Date(Date.now() + 86_400_000), "Repeated spam.", staff.user.id);
    const refused = await vote(tool.slug, author.cookie, { decision: "skip", reason: "Edited while muted." });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: "muted" });
    expect(refused.body.error!.message).toContain("Your votes still count");
    expect(await ownVote(tool.slug, author.cookie)).toMatchObject({ reason: { id, text: "First." } });
    // A vote without a reason goes through.
    expect((await vote(tool.slug, author.cookie, { decision: "ship" })).status).toBe(200);
    await setReasonsMute(author.user.id, null, null, staff.user.id);
    expect((await vote(tool.slug, author.cookie, { decision: "ship", reason: "Back." })).status).toBe(200);
    expect((await client.auditLog.findMany({ where: { entityId: author.user.id, entityType: "User" }, orderBy: { createdAt: "asc" }, select: { action: true } })).map((entry) => entry.action)).toEqual([
      "user.muteReasons",
      "user.unmuteReasons",
    ]);
    // An expired mute does not hold.
    await client.user.update({ where: { id: author.user.id }, data: { reasonsMutedUntil: new Date(Date.now() - 1000) } });
    expect((await vote(tool.slug, author.cookie, { decision: "ship", reason: "Still fine." })).status).toBe(200);
  });

  it("the moderation actions are staff only, and a refused form changes nothing", async () => {
    const tool = await createTool(client);
    const { author, id } = await reasonOn(tool.slug, "Keep me.");
    const form = (fields: Record<string, string>) => {
      const data = new FormData();
      for (const [key, value] of Object.entries(fields)) data.set(key, value);
      return data;
    };
    session.user = { id: author.user.id, email: author.user.email!, name: null, role: "USER" };
    await expect(hideReasonAction({}, form({ reason: id, note: "Not allowed." }))).rejects.toBeInstanceOf(Forbidden);
    session.user = { id: staff.user.id, email: staff.user.email!, name: null, role: "STAFF" };
    expect(await hideReasonAction({}, form({ reason: id, note: "x" }))).toMatchObject({ error: expect.stringContaining("Say why") });
    expect(await publicTexts(tool.slug)).toEqual(["Keep me."]);
    expect(await hideReasonAction({}, form({ reason: id, note: "Off topic." }))).toEqual({ ok: "Hidden from every public page." });
    expect(await publicTexts(tool.slug)).toEqual([]);
    expect(await muteReaderAction({}, form({ user: staff.user.id, days: "7" }))).toEqual({ error: "You cannot mute yourself." });
    expect(await muteReaderAction({}, form({ user: author.user.id, days: "7", note: "" }))).toEqual({ ok: "Muted for 7 day(s)." });
    session.user = null;
  });
});
