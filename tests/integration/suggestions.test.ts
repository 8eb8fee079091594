import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { createSignedInUser } from "../helpers/auth";
import { createTool, uniqueSlug } from "../helpers/factories";

/**
 * Readers' suggestions and the triage queue (docs/decisions/041): a tool
 * suggestion is checked against every tool and waiting suggestion (same page,
 * same name, a close name) before it is stored; staff accept it as an unlisted
 * draft tool (then list it), merge it into a listed tool, or decline it with a
 * reason; a problem report lands in the same queue; the reader sees the status
 * on /account and gets one email per change.
 */

delete process.env.REDIS_URL;
const { POST } = await import("@/app/api/suggestions/route");
const { suggestTool, reportProblem, acceptSuggestion, mergeSuggestion, declineSuggestion, resolveProblem, DuplicateSuggestionError, TriageError } = await import("@/lib/suggestions/writes");
const { listOwnSuggestions, listSuggestionQueue } = await import("@/lib/suggestions/queries");
const { suggestToolSchema } = await import("@/lib/suggestions/schema");
const { setToolArchived } = await import("@/lib/tools/writes");
const { deleteUser } = await import("@/lib/users/writes");

let client: PrismaClient;
let category = "";
beforeAll(async () => {
  client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 2 });
  category = (await client.category.findFirstOrThrow({ orderBy: { position: "asc" } })).slug;
});
afterAll(() => client.$disconnect());

const ORIGIN = "http://localhost";
type Answer = { status: number; body: { data?: { id: string; status: string }; error?: { code: string; message: string; match?: { kind: string; slug?: string; name: string; url?: string }; issues?: unknown[] } } };

async function post(body: unknown, options: { cookie?: string; origin?: string; type?: string } = {}): Promise<Answer> {
  const headers: Record<string, string> = { origin: options.origin ?? ORIGIN, "content-type": options.type ?? "application/json" };
  if (options.cookie) headers.cookie = options.cookie;
  const response = await POST(new Request(`${ORIGIN}/api/suggestions`, { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) }));
  return { status: response.status, body: (await response.json()) as Answer["body"] };
}

/** A suggestion as the form would send it, parsed by the same schema. */
const input = (fields: Record<string, string>) => suggestToolSchema.parse({ category, pitch: "An assistant that writes the tests for you.", ...fields });
/** A word no other test's names look like (random letters: trigram-unlike each other). */
const unique = () => randomBytes(6).toString("base64url").replace(/[^a-zA-Z]/g, "x");
/** A host nobody else uses. */
const site = () => `${unique().toLowerCase()}.example`;

const queued = (to: string) =>
  client.$queryRaw<{ subject: string; text: string; key: string }[]>`
    SELECT payload #>> '{email,subject}' AS subject, payload #>> '{email,text}' AS text, key
    FROM graphile_worker._private_jobs WHERE payload->>'kind' = 'suggestion' AND payload #>> '{email,to}' = ${to} ORDER BY id`;

/** The fields of the draft tool staff complete in the triage form. */
function draftTool(name: string, categoryId: string) {
  return {
    slug: uniqueSlug("draft"),
    name,
    vendor: "Acme Labs",
    categoryId,
    tagline: "Writes your tests while you sleep.",
    description: "A suggested tool, accepted from the queue: its page waits for the panel's verdicts before it is listed.",
    website: "https://example.test/",
    license: null,
    pricingModel: "FREEMIUM" as const,
    entryPrice: null,
    pricingDetail: null,
    pricingSourceUrl: null,
    pricingVerifiedAt: null,
    releasedAt: null,
  };
}

describe("suggesting a tool", () => {
  it("round trip: suggest → waiting in the queue and on /account → accept as an unlisted draft → list it → public; the reader is emailed once", async () => {
    const reader = await createSignedInUser(client);
    const staff = await createSignedInUser(client, { role: "STAFF" });
    const name = `Testwright ${unique()}`;
    const answer = await post({ name, website: `${site()}/`, category, pitch: "Writes end-to-end tests from a recording." }, { cookie: reader.cookie });
    expect(answer.status).toBe(201);
    expect(answer.body.data).toEqual({ id: expect.any(String), status: "received" });
    const id = answer.body.data!.id;

    expect((await listOwnSuggestions(reader.user.id)).map((s) => [s.title, s.status])).toEqual([[name, "received"]]);
    expect((await listSuggestionQueue("waiting", 1)).items.some((item) => item.id === id)).toBe(true);

    const categoryId = (await client.category.findUniqueOrThrow({ where: { slug: category } })).id;
    const tool = draftTool(name, categoryId);
    const created = await acceptSuggestion(id, tool, "Thanks! Our reviewers are on it.", staff.user.id);
    const draft = await client.tool.findUniqueOrThrow({ where: { id: created.id } });
    expect(draft).toMatchObject({ draft: true, archivedAt: expect.any(Date) }); // unlisted, and no public page at all (unlike an archived tool)
    const { getTool } = await import("@/lib/tools/queries");
    expect(await getTool(created.slug)).toBeNull();
    expect(await client.suggestion.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "ACCEPTED", resultToolId: created.id, decidedById: staff.user.id });
    expect(await client.auditLog.count({ where: { entityId: id, action: "suggestion.accepted" } })).toBe(1);
    expect(await client.auditLog.count({ where: { entityId: created.id, action: "tool.create" } })).toBe(1);

    const [email, ...more] = await queued(reader.user.email!);
    expect(more).toEqual([]);
    expect(email!.subject).toBe(`Your suggestion: ${name}`);
    expect(email!.text).toContain("is going into the catalogue");
    expect(email!.text).toContain("From the editors: Thanks! Our reviewers are on it.");
    expect(email!.text).not.toContain(`/tools/${created.slug}`); // a draft is not public: not linked

    // A second decision on the same suggestion is refused; nothing changes.
    await expect(declineSuggestion(id, "Changed my mind", staff.user.id)).rejects.toBeInstanceOf(TriageError);

    // Staff list it from its admin page: now it is public, and the reader's account links it.
    await setToolArchived(created.id, false, staff.user.id);
    expect(await client.tool.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ archivedAt: null, draft: false });
    expect(await client.auditLog.count({ where: { entityId: created.id, action: "tool.list" } })).toBe(1);
    expect((await listOwnSuggestions(reader.user.id))[0]).toMatchObject({ status: "accepted", tool: { slug: created.slug, name } });
  });

  it("the duplicate check: the same page, the same name, a close name, a waiting suggestion — and not a different page of a shared host", async () => {
    const reader = await createSignedInUser(client);
    const cursor = await client.tool.findUniqueOrThrow({ where: { slug: "cursor" } });
    const attempt = (fields: Record<string, string>) =>
      suggestTool(reader.user.id, input(fields)).then(
        () => null,
        (error: unknown) => (error instanceof DuplicateSuggestionError ? error.match : Promise.reject(error)),
      );

    // Exact: the tool's own site typed differently, its name in other case and spacing.
    expect(await attempt({ name: `Totally new ${unique()}`, website: "https://WWW.Cursor.com/" })).toEqual({ kind: "tool", slug: "cursor", name: cursor.name });
    expect(await attempt({ name: " cursor ", website: site() })).toEqual({ kind: "tool", slug: "cursor", name: cursor.name });
    expect(await attempt({ name: "Mid-Journey", website: site() })).toMatchObject({ kind: "tool", slug: "midjourney" });
    // Fuzzy: a name close to a listed one.
    expect(await attempt({ name: "Cursor AI", website: site() })).toMatchObject({ kind: "tool", slug: "cursor" });
    expect(await attempt({ name: "Midjourny", website: site() })).toMatchObject({ kind: "tool", slug: "midjourney" });

    // Not duplicates: another page of a host several tools share (Whisper is github.com/openai/whisper), and a different name.
    expect(await attempt({ name: `Sora ${unique()}`, website: "https://github.com/openai/sora" })).toBeNull();

    // A waiting suggestion: the same page again, or a close name, is a duplicate of it (not named as a tool).
    const other = await createSignedInUser(client);
    const host = site();
    const name = `Quillmate ${unique()}`;
    await suggestTool(other.user.id, input({ name, website: host }));
    expect(await attempt({ name: `Something ${unique()}`, website: `https://www.${host}/` })).toEqual({ kind: "suggestion", name });
    expect(await attempt({ name, website: site() })).toEqual({ kind: "suggestion", name });
  });

  it("two readers suggesting the same page at the same moment: one is stored, the other told it is a duplicate", async () => {
    const [a, b] = [await createSignedInUser(client), await createSignedInUser(client)];
    const host = site();
    const results = await Promise.allSettled([
      suggestTool(a.user.id, input({ name: unique(), website: host })),
      suggestTool(b.user.id, input({ name: unique(), website: host })),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(DuplicateSuggestionError);
    expect(await client.suggestion.count({ where: { siteKey: host } })).toBe(1);
  });

  it("POST /api/suggestions: 409 with the matching tool; 401, 403, 415, 400 and 422 refuse and store nothing; 429 past the limit", async () => {
    const reader = await createSignedInUser(client);
    const before = await client.suggestion.count();
    const duplicate = await post({ name: "Cursor", website: "cursor.com", category, pitch: "An AI code editor." }, { cookie: reader.cookie });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error).toMatchObject({ code: "duplicate", match: { kind: "tool", slug: "cursor", name: "Cursor", url: expect.stringMatching(/\/tools\/cursor$/) } });

    const valid = { name: `Fresh ${unique()}`, website: site(), category, pitch: "Does one thing well." };
    expect((await post(valid)).status).toBe(401);
    expect((await post(valid, { cookie: reader.cookie, origin: "https://evil.example" })).status).toBe(403);
    expect((await post("name=x", { cookie: reader.cookie, type: "application/x-www-form-urlencoded" })).status).toBe(415);
    const invalid = await post({ ...valid, website: "not a site", pitch: "" }, { cookie: reader.cookie });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error?.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: "website" }), expect.objectContaining({ path: "pitch" })]));
    expect((await post({ ...valid, admin: true }, { cookie: reader.cookie })).status).toBe(400);
    expect((await post({ ...valid, category: "no-such-category" }, { cookie: reader.cookie })).status).toBe(422);
    expect(await client.suggestion.count()).toBe(before);

    // RATE_LIMIT_SUGGESTIONS (10 a day): the eleventh is refused.
    const spammer = await createSignedInUser(client);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await post({ ...valid, name: unique(), website: site() }, { cookie: spammer.cookie })).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(201));
    expect(statuses[10]).toBe(429);
  });
});

describe("triage", () => {
  it("merge into a listed tool, or decline with a reason: the reader sees it on /account and gets one email", async () => {
    const staff = await createSignedInUser(client, { role: "STAFF" });
    const reader = await createSignedInUser(client);
    const listed = await createTool(client);
    const merged = await suggestTool(reader.user.id, input({ name: `Alias ${unique()}`, website: site() }));
    const declined = await suggestTool(reader.user.id, input({ name: `Vapor ${unique()}`, website: site() }));

    await expect(mergeSuggestion(merged.id, "no-such-tool", null, staff.user.id)).rejects.toBeInstanceOf(TriageError);
    await mergeSuggestion(merged.id, listed.slug, null, staff.user.id);
    await declineSuggestion(declined.id, "We could not find a public product at that address.", staff.user.id);

    const own = await listOwnSuggestions(reader.user.id);
    expect(own.find((s) => s.id === merged.id)).toMatchObject({ status: "merged", tool: { slug: listed.slug, name: listed.name } });
    expect(own.find((s) => s.id === declined.id)).toMatchObject({ status: "declined", note: "We could not find a public product at that address.", tool: null });
    const emails = await queued(reader.user.email!);
    expect(emails.map((e) => e.key).sort()).toEqual([`suggestion:${declined.id}`, `suggestion:${merged.id}`].sort());
    expect(emails.find((e) => e.key === `suggestion:${merged.id}`)!.text).toContain(`already listed as ${listed.name}`);
    expect(await client.auditLog.count({ where: { entityId: { in: [merged.id, declined.id] }, action: { in: ["suggestion.merged", "suggestion.declined"] } } })).toBe(2);
  });

  it("report a problem → the same queue → fixed; a deleted reader's suggestions stay, anonymous, and no email goes out", async () => {
    const staff = await createSignedInUser(client, { role: "STAFF" });
    const reader = await createSignedInUser(client);
    const tool = await createTool(client);
    const report = await reportProblem(reader.user.id, { tool: tool.slug, category: "wrong-price", details: "The Pro plan is $30 now, see their pricing page." });
    const item = (await listSuggestionQueue("waiting", 1)).items.find((entry) => entry.id === report.id);
    expect(item).toMatchObject({ kind: "problem", problemCategory: "wrong-price", tool: { slug: tool.slug } });
    await resolveProblem(report.id, "Updated the price.", staff.user.id);
    expect((await listOwnSuggestions(reader.user.id))[0]).toMatchObject({ kind: "problem", status: "accepted", note: "Updated the price.", tool: { slug: tool.slug } });
    expect((await queued(reader.user.email!))[0]!.text).toContain(`the problem you reported on ${tool.name} is fixed`);

    const leaver = await createSignedInUser(client);
    const left = await suggestTool(leaver.user.id, input({ name: `Orphan ${unique()}`, website: site() }));
    await deleteUser(leaver.user.id, { keepNewsletter: false });
    expect(await client.suggestion.findUniqueOrThrow({ where: { id: left.id } })).toMatchObject({ userId: null, status: "RECEIVED" });
    await declineSuggestion(left.id, "Not an AI tool.", staff.user.id);
    expect(await queued(leaver.user.email!)).toEqual([]);
  });
});
