import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { CHANNELS, type ContentChange, type ToolStatsChange } from "@/lib/db-events/channels";
import { createDatabaseEvents, EVENTS_APPLICATION_NAME, type DatabaseEvents } from "@/lib/db-events/listener";

// Subscribing sends its email from `after()`: not under test here.
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), after: () => undefined }));

/**
 * The database events: what every write announces, and the one listener that
 * hears it. The list of writes is read from the source (every exported
 * function of lib/<domain>/writes.ts), so a new write without an entry in
 * WRITES below fails this test — a write cannot forget to say what it changed.
 */

const root = path.resolve(import.meta.dirname, "../..");
const url = process.env.DATABASE_URL!;
let client: PrismaClient;
let events: DatabaseEvents;
const stats: ToolStatsChange[] = [];
const content: ContentChange[] = [];
const reasons: string[] = [];
let resyncs = 0;

let staffId = "";
let categoryId = "";
let serial = 0;

beforeAll(async () => {
  client = createPrismaClient(url, { poolSize: 2 });
  events = createDatabaseEvents({ url, name: `test-${process.pid}`, selfPing: false });
  events.subscribe(CHANNELS.toolStats, (change) => stats.push(change));
  events.subscribe(CHANNELS.content, (change) => content.push(change));
  events.subscribe(CHANNELS.reasons, (change) => reasons.push(change.slug));
  events.onResync(() => (resyncs += 1));
  // One round trip proves the LISTEN is up before anything is written.
  expect((await events.ping()).heard).toBe(true);
  staffId = (await client.user.create({ data: { createdAt: ESTABLISHED, email: "staff@events.test", role: "STAFF" } })).id;
  categoryId = (await client.category.create({ data: { slug: "events-test", name: "Events test" } })).id;
});

afterAll(async () => {
  await events.stop();
  await client.$disconnect();
});

/** What the listener heard, after everything written so far has had time to arrive (a ping round trip orders it). */
async function heard() {
  await events.ping();
  const result = { stats: stats.map((change) => change.slug), content: [...content], reasons: [...reasons] };
  stats.length = 0;
  content.length = 0;
  reasons.length = 0;
  return result;
}

const toolInput = (slug: string) => ({
  slug,
  name: `Tool ${slug}`,
  vendor: "Events Ltd",
  categoryId,
  tagline: "A tool made for the events test",
  description: "A tool made for the events test, long enough to pass the admin schema's forty characters.",
  website: null,
  license: null,
  pricingModel: "FREE" as const,
  entryPrice: null,
  pricingDetail: null,
  pricingSourceUrl: null,
  pricingVerifiedAt: null,
  releasedAt: null,
});

async function newTool() {
  const { createTool } = await import("@/lib/tools/writes");
  const slug = `events-tool-${++serial}`;
  const tool = await createTool(toolInput(slug), staffId);
  await heard();
  return { ...tool, slug };
}

async function newReviewer() {
  const { createReviewer } = await import("@/lib/reviewers/writes");
  const slug = `events-reviewer-${++serial}`;
  const input = { slug, name: `Reviewer ${serial}`, lens: "Testing", bio: "A persona made for the events test only.", excitedBy: [], tiredOf: [], active: true };
  const reviewer = await createReviewer(input, staffId);
  await heard();
  return { ...reviewer, input };
}

async function newVerdict() {
  const { createVerdict } = await import("@/lib/verdicts/writes");
  const [tool, reviewer] = [await newTool(), await newReviewer()];
  const verdict = await createVerdict({ toolId: tool.id, reviewerId: reviewer.id, decision: "SHIP", body: "A case written for the events test, forty characters or more.", published: true, reason: "First" }, staffId);
  await heard();
  return { ...verdict, tool };
}

/** A name no other suggestion's is like (the duplicate check compares names fuzzily). */
const randomName = () => Array.from({ length: 10 }, () => "abcdefghijklmnopqrstuvwxyz"[Math.floor(Math.random() * 26)]).join("");

/** A reader's tool suggestion, as the form sends it (a host nobody else suggests). */
const suggestion = (name: string) => ({ name, website: { url: `https://${name.toLowerCase().replace(/\W+/g, "-")}.events.test/`, siteKey: `${name.toLowerCase().replace(/\W+/g, "-")}.events.test` }, category: "events-test", pitch: "A tool suggested in the events test.", vendor: null, pricingModel: null });

/** A waiting suggestion (its write heard and forgotten): something for staff to decide. */
async function waitingSuggestion(): Promise<string> {
  const { suggestTool } = await import("@/lib/suggestions/writes");
  const reader = await client.user.create({ data: { createdAt: ESTABLISHED, email: `waiting-${++serial}@events.test` } });
  const { id } = await suggestTool(reader.id, suggestion(randomName()));
  await heard();
  return id;
}

/** Readers made here are established (a new account's vote waits before it counts: docs/decisions/030). */
const ESTABLISHED = new Date(Date.now() - 30 * 86_400_000);

/** What a write announces: staff edits (content_changed), figures (tool_stats), readers' reasons (reasons_changed), by tool slug. */
type Expectation = { content: ContentChange[]; stats: string[]; reasons: string[] };
const announces = (content: ContentChange[], stats: string[] = [], reasons: string[] = []): Expectation => ({ content, stats, reasons });
const nothing: Expectation = { content: [], stats: [], reasons: [] };

/** A reader's vote with a reason on a new tool, heard and forgotten: something to mark or report. */
async function newReason() {
  const { setVote } = await import("@/lib/votes/writes");
  const tool = await newTool();
  const author = await client.user.create({ data: { createdAt: ESTABLISHED, email: `author-${++serial}@events.test` } });
  const { reason } = await setVote(author.id, tool.slug, "skip", "A reason written for the events test.");
  await heard();
  return { tool, id: reason!.id };
}

/** Every write, a real call of it, and exactly what it must announce. */
/** A job out of attempts on the queue (no worker runs here): what /admin/jobs retries or discards. */
async function failedJob(): Promise<string> {
  const [job] = await client.$queryRaw<{ id: bigint }[]>`
    SELECT id FROM graphile_worker.add_job('events_test_job', '{}'::json, max_attempts => 1)`;
  await client.$executeRaw`UPDATE graphile_worker._private_jobs SET attempts = 1, last_error = 'Events test' WHERE id = ${job!.id}`;
  return job!.id.toString();
}

const WRITES: Record<string, () => Promise<Expectation>> = {
  "lib/tools/writes.ts#createTool": async () => {
    const { createTool } = await import("@/lib/tools/writes");
    await createTool(toolInput("events-created"), staffId);
    return announces([{ kind: "tool", slugs: ["events-created"] }]);
  },
  "lib/tools/writes.ts#updateTool": async () => {
    const { updateTool } = await import("@/lib/tools/writes");
    const tool = await newTool();
    // A renamed tool: the pages at the old slug and at the new one both change.
    await updateTool(tool.id, 1, { ...toolInput(`${tool.slug}-renamed`), name: "Renamed" }, staffId);
    return announces([{ kind: "tool", slugs: [tool.slug, `${tool.slug}-renamed`] }]);
  },
  "lib/tools/writes.ts#setToolArchived": async () => {
    const { setToolArchived } = await import("@/lib/tools/writes");
    const tool = await newTool();
    await setToolArchived(tool.id, true, staffId);
    return announces([{ kind: "tool", slugs: [tool.slug] }]);
  },
  // A logo shows on the tool's page, its cards and share images: announced like an edit of the tool.
  "lib/logos/writes.ts#setToolLogo": async () => {
    const { setToolLogo } = await import("@/lib/logos/writes");
    const tool = await newTool();
    await setToolLogo(tool.id, new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>'), staffId);
    return announces([{ kind: "tool", slugs: [tool.slug] }]);
  },
  "lib/logos/writes.ts#removeToolLogo": async () => {
    const { removeToolLogo, setToolLogo } = await import("@/lib/logos/writes");
    const tool = await newTool();
    await setToolLogo(tool.id, new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 2 2"><rect width="2" height="2"/></svg>'), staffId);
    await heard();
    expect(await removeToolLogo(tool.id, staffId)).toBe(true);
    return announces([{ kind: "tool", slugs: [tool.slug] }]);
  },
  "lib/reviewers/writes.ts#createReviewer": async () => {
    const { createReviewer } = await import("@/lib/reviewers/writes");
    await createReviewer({ slug: "events-new-reviewer", name: "New persona", lens: "Testing", bio: "A persona made for the events test only.", excitedBy: [], tiredOf: [], active: true }, staffId);
    return announces([{ kind: "reviewer" }]);
  },
  "lib/reviewers/writes.ts#updateReviewer": async () => {
    const { updateReviewer } = await import("@/lib/reviewers/writes");
    const reviewer = await newReviewer();
    await updateReviewer(reviewer.id, { ...reviewer.input, lens: "Another lens" }, staffId);
    return announces([{ kind: "reviewer" }]);
  },
  "lib/reviewers/writes.ts#moveReviewer": async () => {
    const { moveReviewer } = await import("@/lib/reviewers/writes");
    const reviewer = await newReviewer();
    expect(await moveReviewer(reviewer.id, "up", staffId)).toBe(true);
    return announces([{ kind: "reviewer" }]);
  },
  "lib/verdicts/writes.ts#createVerdict": async () => {
    const { createVerdict } = await import("@/lib/verdicts/writes");
    const [tool, reviewer] = [await newTool(), await newReviewer()];
    await createVerdict({ toolId: tool.id, reviewerId: reviewer.id, decision: "SKIP", body: "A case written for the events test, forty characters or more.", published: true, reason: "First" }, staffId);
    return announces([{ kind: "verdict", tool: tool.slug }], [tool.slug]);
  },
  "lib/verdicts/writes.ts#saveVerdict": async () => {
    const { saveVerdict } = await import("@/lib/verdicts/writes");
    const verdict = await newVerdict();
    // The case only: the figures do not move, so only the verdict is announced.
    await saveVerdict({ verdictId: verdict.id, expectedVersion: 1, decision: "SHIP", body: "A rewritten case for the events test, forty characters or more.", published: true, reason: "Clearer" }, staffId);
    return announces([{ kind: "verdict", tool: verdict.tool.slug }]);
  },
  "lib/verdicts/writes.ts#restoreVerdict": async () => {
    const { restoreVerdict, saveVerdict } = await import("@/lib/verdicts/writes");
    const verdict = await newVerdict();
    await saveVerdict({ verdictId: verdict.id, expectedVersion: 1, decision: "SKIP", body: "A changed call for the events test, forty characters or more.", published: true, reason: "Changed" }, staffId);
    await heard();
    await restoreVerdict({ verdictId: verdict.id, expectedVersion: 2, version: 1 }, staffId);
    return announces([{ kind: "verdict", tool: verdict.tool.slug }], [verdict.tool.slug]);
  },
  "lib/comparisons/writes.ts#createComparison": async () => {
    const { createComparison } = await import("@/lib/comparisons/writes");
    const [a, b] = [await newTool(), await newTool()];
    await createComparison({ toolAId: a.id, toolBId: b.id, headline: null, intro: null, status: "PUBLISHED" }, staffId);
    return announces([{ kind: "comparison", tools: [a.slug, b.slug] }]);
  },
  "lib/comparisons/writes.ts#updateComparison": async () => {
    const { createComparison, updateComparison } = await import("@/lib/comparisons/writes");
    const [a, b] = [await newTool(), await newTool()];
    const comparison = await createComparison({ toolAId: a.id, toolBId: b.id, headline: null, intro: null, status: "DRAFT" }, staffId);
    await heard();
    await updateComparison(comparison.id, 1, { headline: "Which one?", intro: null, status: "PUBLISHED" }, staffId);
    return announces([{ kind: "comparison", tools: [a.slug, b.slug] }]);
  },
  "lib/votes/writes.ts#setVote": async () => {
    const { setVote } = await import("@/lib/votes/writes");
    const tool = await newTool();
    const voter = await client.user.create({ data: { createdAt: ESTABLISHED, email: `voter-${++serial}@events.test` } });
    await setVote(voter.id, tool.slug, "ship");
    expect(await heard()).toEqual(announces([], [tool.slug]));
    // A reason alone moves no counter: it is announced on its own channel.
    await setVote(voter.id, tool.slug, "ship", "Because it is fast.");
    return announces([], [], [tool.slug]);
  },
  "lib/reasons/writes.ts#setHelpful": async () => {
    const { setHelpful } = await import("@/lib/reasons/writes");
    const { tool, id } = await newReason();
    const reader = await client.user.create({ data: { createdAt: ESTABLISHED, email: `reader-${++serial}@events.test` } });
    await setHelpful(reader.id, id, true);
    return announces([], [], [tool.slug]);
  },
  "lib/reasons/writes.ts#reportReason": async () => {
    const { reportReason } = await import("@/lib/reasons/writes");
    const { tool, id } = await newReason();
    const reader = await client.user.create({ data: { createdAt: ESTABLISHED, email: `reader-${++serial}@events.test` } });
    await reportReason(reader.id, id, { category: "spam" });
    return announces([], [], [tool.slug]);
  },
  // A reader's role is not on any public page.
  "lib/users/writes.ts#setStaffRole": async () => {
    const { setStaffRole } = await import("@/lib/users/writes");
    const reader = await client.user.create({ data: { createdAt: ESTABLISHED, email: `reader-${++serial}@events.test` } });
    await setStaffRole(reader.id, "STAFF", staffId);
    return nothing;
  },
  // A reader's name shows with their reasons: the tools they gave reasons on.
  "lib/users/writes.ts#setDisplayName": async () => {
    const { setVote } = await import("@/lib/votes/writes");
    const { setDisplayName } = await import("@/lib/users/writes");
    const [withReason, withoutReason] = [await newTool(), await newTool()];
    const reader = await client.user.create({ data: { createdAt: ESTABLISHED, email: `named-${++serial}@events.test` } });
    await setVote(reader.id, withReason.slug, "ship", "Named reasons read better.");
    await setVote(reader.id, withoutReason.slug, "skip");
    await heard();
    expect(await setDisplayName(reader.id, `Reader Named ${serial}`)).toBe(true);
    return announces([], [], [withReason.slug]);
  },
  // Deleting an account withdraws its votes: the figures of each tool it voted on, nothing else.
  "lib/users/writes.ts#deleteUser": async () => {
    const { setVote } = await import("@/lib/votes/writes");
    const { deleteUser } = await import("@/lib/users/writes");
    const { setHelpful } = await import("@/lib/reasons/writes");
    const tool = await newTool();
    const other = await newReason();
    const leaver = await client.user.create({ data: { createdAt: ESTABLISHED, email: `leaver-${++serial}@events.test` } });
    await setVote(leaver.id, tool.slug, "skip");
    await setHelpful(leaver.id, other.id, true);
    await heard();
    expect(await deleteUser(leaver.id)).toMatchObject({ votesWithdrawn: 1, tools: [tool.slug] });
    // And their helpful mark on another reader's reason: that tool's reasons changed.
    return announces([], [tool.slug], [other.tool.slug]);
  },
  // Moderation: hiding or restoring drops the tool's pages at once; dismissing or reopening reports
  // moves the reason's ranking (refreshed like a vote); a mute is on no public page.
  "lib/moderation/writes.ts#hideReason": async () => {
    const { hideReason } = await import("@/lib/moderation/writes");
    const { tool, id } = await newReason();
    await hideReason(id, "Hidden in the events test.", staffId);
    return announces([{ kind: "reasons", tool: tool.slug }]);
  },
  "lib/moderation/writes.ts#restoreReason": async () => {
    const { hideReason, restoreReason } = await import("@/lib/moderation/writes");
    const { tool, id } = await newReason();
    await hideReason(id, "Hidden in the events test.", staffId);
    await heard();
    await restoreReason(id, staffId);
    return announces([{ kind: "reasons", tool: tool.slug }]);
  },
  "lib/moderation/writes.ts#dismissReports": async () => {
    const { reportReason } = await import("@/lib/reasons/writes");
    const { dismissReports } = await import("@/lib/moderation/writes");
    const { tool, id } = await newReason();
    const reader = await client.user.create({ data: { createdAt: ESTABLISHED, email: `reporter-${++serial}@events.test` } });
    await reportReason(reader.id, id, { category: "spam" });
    await heard();
    expect(await dismissReports(id, staffId)).toBe(1);
    return announces([], [], [tool.slug]);
  },
  "lib/moderation/writes.ts#reopenReports": async () => {
    const { reportReason } = await import("@/lib/reasons/writes");
    const { dismissReports, reopenReports } = await import("@/lib/moderation/writes");
    const { tool, id } = await newReason();
    const reader = await client.user.create({ data: { createdAt: ESTABLISHED, email: `reporter-${++serial}@events.test` } });
    await reportReason(reader.id, id, { category: "spam" });
    await dismissReports(id, staffId);
    await heard();
    expect(await reopenReports(id, staffId)).toBe(1);
    return announces([], [], [tool.slug]);
  },
  // A void moves the figures (docs/decisions/030): announced like a vote.
  "lib/integrity/writes.ts#voidVotes": async () => {
    const [{ setVote }, { voidVotes }] = await Promise.all([import("@/lib/votes/writes"), import("@/lib/integrity/writes")]);
    const tool = await newTool();
    const voter = await client.user.create({ data: { createdAt: ESTABLISHED, email: `voided-${++serial}@events.test` } });
    await setVote(voter.id, tool.slug, "ship");
    await heard();
    expect((await voidVotes({ tool: tool.slug, minutes: 60, newAccountsOnly: false, reason: "Events test" }, staffId)).votes).toBe(1);
    return announces([], [tool.slug]);
  },
  "lib/integrity/writes.ts#restoreVoid": async () => {
    const [{ setVote }, { restoreVoid, voidVotes }] = await Promise.all([import("@/lib/votes/writes"), import("@/lib/integrity/writes")]);
    const tool = await newTool();
    const voter = await client.user.create({ data: { createdAt: ESTABLISHED, email: `restored-${++serial}@events.test` } });
    await setVote(voter.id, tool.slug, "skip");
    const { id } = await voidVotes({ tool: tool.slug, minutes: 60, newAccountsOnly: false, reason: "Events test" }, staffId);
    await heard();
    expect(await restoreVoid(id, staffId)).toEqual({ votes: 1 });
    return announces([], [tool.slug]);
  },
  "lib/moderation/writes.ts#setReasonsMute": async () => {
    const { setReasonsMute } = await import("@/lib/moderation/writes");
    const reader = await client.user.create({ data: { createdAt: ESTABLISHED, email: `muted-${++serial}@events.test` } });
    expect(await setReasonsMute(reader.id, new Date(Date.now() + 86_400_000), null, staffId)).toBe(true);
    return nothing;
  },
  // A draft made from a reader's suggestion is unlisted: on no public page until staff list it (setToolArchived announces that).
  "lib/tools/writes.ts#insertTool": async () => {
    const [{ insertTool }, { db }] = await Promise.all([import("@/lib/tools/writes"), import("@/lib/db")]);
    await db.$transaction((tx) => insertTool(tx, toolInput(`events-draft-${++serial}`), staffId, { unlisted: true }));
    return nothing;
  },
  // Suggestions and problem reports are on no public page (docs/decisions/041); an accepted one's draft is unlisted.
  "lib/suggestions/writes.ts#suggestTool": async () => {
    const { suggestTool } = await import("@/lib/suggestions/writes");
    const reader = await client.user.create({ data: { createdAt: ESTABLISHED, email: `suggester-${++serial}@events.test` } });
    await suggestTool(reader.id, suggestion(randomName()));
    return nothing;
  },
  "lib/suggestions/writes.ts#reportProblem": async () => {
    const { reportProblem } = await import("@/lib/suggestions/writes");
    const tool = await newTool();
    const reader = await client.user.create({ data: { createdAt: ESTABLISHED, email: `problem-${++serial}@events.test` } });
    await reportProblem(reader.id, { tool: tool.slug, category: "wrong-price", details: "The price changed." });
    return nothing;
  },
  "lib/suggestions/writes.ts#acceptSuggestion": async () => {
    const { acceptSuggestion } = await import("@/lib/suggestions/writes");
    const id = await waitingSuggestion();
    await acceptSuggestion(id, toolInput(`events-accepted-${++serial}`), null, staffId);
    return nothing;
  },
  "lib/suggestions/writes.ts#mergeSuggestion": async () => {
    const { mergeSuggestion } = await import("@/lib/suggestions/writes");
    const tool = await newTool();
    const id = await waitingSuggestion();
    await mergeSuggestion(id, tool.slug, null, staffId);
    return nothing;
  },
  "lib/suggestions/writes.ts#declineSuggestion": async () => {
    const { declineSuggestion } = await import("@/lib/suggestions/writes");
    await declineSuggestion(await waitingSuggestion(), "Not for us.", staffId);
    return nothing;
  },
  "lib/suggestions/writes.ts#resolveProblem": async () => {
    const { reportProblem, resolveProblem } = await import("@/lib/suggestions/writes");
    const tool = await newTool();
    const reader = await client.user.create({ data: { createdAt: ESTABLISHED, email: `fixed-${++serial}@events.test` } });
    const { id } = await reportProblem(reader.id, { tool: tool.slug, category: "other", details: "Something is off." });
    await heard();
    await resolveProblem(id, null, staffId);
    return nothing;
  },
  // Follows are personal: on no public page (a reader's own arrive through /api/me, docs/decisions/037).
  "lib/follows/writes.ts#setFollow": async () => {
    const { setFollow } = await import("@/lib/follows/writes");
    const tool = await newTool();
    const reader = await client.user.create({ data: { createdAt: ESTABLISHED, email: `follower-${++serial}@events.test` } });
    expect(await setFollow(reader.id, tool.slug, true)).toEqual({ following: true });
    expect(await setFollow(reader.id, tool.slug, false)).toEqual({ following: false });
    return nothing;
  },
  "lib/follows/writes.ts#unfollowByLink": async () => {
    const { unfollowByLink } = await import("@/lib/follows/writes");
    const reader = await client.user.create({ data: { createdAt: ESTABLISHED, email: `unfollower-${++serial}@events.test`, followKey: "k".repeat(43) } });
    expect(await unfollowByLink({ u: reader.id, sig: "a".repeat(43) })).toBe(false);
    return nothing;
  },
  // Newsletter subscriptions are not on any public page.
  // The job queue is on no public page (/admin/jobs reads it fresh).
  "lib/jobs/writes.ts#retryJob": async () => {
    const { retryJob } = await import("@/lib/jobs/writes");
    await retryJob(await failedJob(), staffId);
    return nothing;
  },
  "lib/jobs/writes.ts#discardJob": async () => {
    const { discardJob } = await import("@/lib/jobs/writes");
    await discardJob(await failedJob(), staffId);
    return nothing;
  },
  "lib/newsletter/writes.ts#subscribe": async () => {
    const { subscribe } = await import("@/lib/newsletter/writes");
    await subscribe(`reader-${++serial}@events.test`, { ip: "203.0.113.9" });
    return nothing;
  },
  "lib/newsletter/writes.ts#confirmSubscription": async () => {
    const { confirmSubscription } = await import("@/lib/newsletter/writes");
    expect(await confirmSubscription("a".repeat(43))).toBe(false);
    return nothing;
  },
  "lib/newsletter/writes.ts#unsubscribe": async () => {
    const { unsubscribe } = await import("@/lib/newsletter/writes");
    expect(await unsubscribe("a".repeat(43))).toBe(false);
    return nothing;
  },
};

async function writesInSource(): Promise<string[]> {
  const found: string[] = [];
  for (const domain of await readdir(path.join(root, "lib"), { withFileTypes: true })) {
    if (!domain.isDirectory()) continue;
    const file = path.join(root, "lib", domain.name, "writes.ts");
    const text = await readFile(file, "utf8").catch(() => null);
    if (text === null) continue;
    for (const match of text.matchAll(/^export (?:async )?function (\w+)/gm)) found.push(`lib/${domain.name}/writes.ts#${match[1]}`);
  }
  return found.sort();
}

describe("every write says what it changed", () => {
  it("the list of writes below is every exported function of lib/*/writes.ts", async () => {
    expect(Object.keys(WRITES).sort()).toEqual(await writesInSource());
  });

  for (const [write, run] of Object.entries(WRITES)) {
    it(`${write} announces exactly what it changed, once, on commit`, async () => {
      await heard();
      const expected = await run();
      const got = await heard();
      expect(got.content).toEqual(expected.content);
      expect(got.stats).toEqual(expected.stats);
      expect(got.reasons).toEqual(expected.reasons);
    });
  }
});

describe("counter writes announce the figures", () => {
  it("a vote sends the tool's new counters once, in the schema the browser parses, and re-sending the same vote sends nothing", async () => {
    const { setVote } = await import("@/lib/votes/writes");
    const tool = await newTool();
    const voter = await client.user.create({ data: { createdAt: ESTABLISHED, email: `figures-${++serial}@events.test` } });
    await setVote(voter.id, tool.slug, "ship");
    await events.ping();
    expect(stats).toHaveLength(1);
    const row = await client.toolStats.findUniqueOrThrow({ where: { toolId: tool.id } });
    expect(stats[0]).toEqual({ toolId: tool.id, slug: tool.slug, panelShip: row.panelShip, panelTotal: row.panelTotal, communityShip: 1, communityTotal: 1, at: expect.any(Number) });
    expect(stats[0]!.at).toBeGreaterThan(Date.now() - 60_000);
    await heard();
    await setVote(voter.id, tool.slug, "ship");
    expect(await heard()).toEqual(nothing);
  });

  it("a write that rolls back announces nothing", async () => {
    const { writeToolStats, setStats } = await import("@/lib/stats/write");
    const { announce } = await import("@/lib/db-events/announce");
    const tool = await newTool();
    await expect(
      client.$transaction(async (tx) => {
        await writeToolStats(tx, tool.id, setStats({ communityShip: 0, communityTotal: 0 }));
        await announce(tx, { kind: "tool", slugs: [tool.slug] });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await heard()).toEqual(nothing);
  });

  it("refuses to announce a change that does not fit its schema (nothing is sent)", async () => {
    const { announce } = await import("@/lib/db-events/announce");
    await expect(client.$transaction((tx) => announce(tx, { kind: "tool", slugs: [] }))).rejects.toThrow();
    await expect(client.$transaction((tx) => announce(tx, { kind: "pages" } as never))).rejects.toThrow();
    expect(await heard()).toEqual(nothing);
  });
});

describe("the listener", () => {
  it("treats an unreadable notification as a gap: subscribers resync instead of reading junk", async () => {
    const before = resyncs;
    await client.$executeRaw`SELECT pg_notify(${CHANNELS.toolStats}, 'not json')`;
    await client.$executeRaw`SELECT pg_notify(${CHANNELS.content}, ${JSON.stringify({ kind: "tool", slugs: ["Not A Slug"] })})`;
    expect(await heard()).toEqual(nothing);
    expect(resyncs).toBe(before + 2);
  });

  it("hears its own ping, reconnects by itself when its connection is cut, and asks for a resync", async () => {
    const own = createDatabaseEvents({ url, name: `cut-${process.pid}`, selfPing: false });
    let ownResyncs = 0;
    own.onResync(() => (ownResyncs += 1));
    try {
      expect((await own.ping()).heard).toBe(true);
      expect(own.listens).toBe(1);
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      const { rowCount } = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1`, [`${EVENTS_APPLICATION_NAME} cut-${process.pid}`]);
      await admin.end();
      expect(rowCount).toBe(1);
      const deadline = Date.now() + 10_000;
      while (own.listens < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(own.listens).toBe(2);
      expect(ownResyncs).toBe(1);
      expect((await own.ping()).heard).toBe(true);
    } finally {
      await own.stop();
    }
  });

  it("reports a refused connection as refused, not merely slow (the breaker's outage at once)", async () => {
    const nowhere = new URL(url);
    nowhere.port = "1";
    const own = createDatabaseEvents({ url: nowhere.toString(), name: "nowhere", selfPing: false });
    try {
      expect(await own.ping(1_000)).toMatchObject({ answered: false, refused: true, heard: false });
    } finally {
      await own.stop();
    }
  });

  it("the self-ping tells subscribers when it starts and stops hearing", async () => {
    const own = createDatabaseEvents({ url, name: `hearing-${process.pid}`, pingEveryMs: 50, pingWhileInDoubtMs: 50 });
    const changes: boolean[] = [];
    own.onHearing((hearing) => changes.push(hearing));
    try {
      const deadline = Date.now() + 5_000;
      while (!own.hearing && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(own.hearing).toBe(true);
      expect(changes).toEqual([true]);
    } finally {
      await own.stop();
    }
    expect(own.hearing).toBe(false);
    expect(changes).toEqual([true, false]);
  });
});
