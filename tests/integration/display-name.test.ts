import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { createSignedInUser } from "../helpers/auth";
import { createReviewer, createTool } from "../helpers/factories";
import { Redirected } from "../helpers/next-mocks";

/**
 * A reader's public name and their reasons on /account (issue 16): the name
 * shown with their reasons is theirs to choose — never an email address, a
 * link, the site's own voice or a panel reviewer's name — and every change is
 * audited; the reason with each vote is written, edited and removed from
 * /account without JavaScript, and a refused one is not lost.
 */

vi.mock("next/navigation", async () => (await import("../helpers/next-mocks")).navigation);
vi.mock("next/cache", async () => (await import("../helpers/next-mocks")).cache);
vi.mock("@/lib/auth/session", async (original) => ({
  ...(await original<typeof import("@/lib/auth/session")>()),
  getCurrentUser: async () => (await import("../helpers/next-mocks")).session.user,
}));

// Env is read once when lib/env loads: set it before any app import.
process.env.SITE_URL = "http://localhost:3000";
process.env.RATE_LIMIT_VOTES = "100000/60";
process.env.RATE_LIMIT_REASONS = "100000/60";
delete process.env.REDIS_URL;

const { session } = await import("../helpers/next-mocks");
const { displayNameSchema, displayNameFormSchema, generatedName } = await import("@/lib/users/display-name");
const { setDisplayName, DisplayNameError, REVIEWER_NAME_MESSAGE, deleteUser } = await import("@/lib/users/writes");
const { displayNameAction } = await import("@/lib/users/actions");
const { getAccountOverview } = await import("@/lib/users/queries");
const { DISPLAY_NAME_AUDIT_ACTION } = await import("@/lib/users/schema");
const { FIX_FIELDS_MESSAGE, REPEATED_FIELD_MESSAGE } = await import("@/lib/http/action");
const { reasonFormAction } = await import("@/lib/votes/actions");
const { listUserVotes } = await import("@/lib/votes/queries");
const { setVote } = await import("@/lib/votes/writes");
const { setHelpful } = await import("@/lib/reasons/writes");
const { createDatabaseEvents } = await import("@/lib/db-events/listener");
const { CHANNELS } = await import("@/lib/db-events/channels");

const url = process.env.DATABASE_URL!;
let client: PrismaClient;
let events: ReturnType<typeof createDatabaseEvents>;
const announced: string[] = [];

beforeAll(async () => {
  client = createPrismaClient(url, { poolSize: 2 });
  events = createDatabaseEvents({ url, name: `display-name-${process.pid}`, selfPing: false });
  events.subscribe(CHANNELS.reasons, ({ slug }) => void announced.push(slug));
  expect((await events.ping()).heard).toBe(true);
});
afterAll(async () => {
  await events.stop();
  await client.$disconnect();
});

/** The tools whose reasons were announced since the last call, sorted (a ping round trip makes sure everything sent has arrived). */
async function heard(): Promise<string[]> {
  await events.ping();
  const result = [...announced].sort();
  announced.length = 0;
  return result;
}

async function signIn() {
  const signedIn = await createSignedInUser(client);
  session.user = { id: signedIn.user.id, email: signedIn.user.email ?? "", name: signedIn.user.name, role: "USER" };
  return signedIn;
}

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) data.append(name, value);
  return data;
}

const storedName = async (userId: string) => (await client.user.findUniqueOrThrow({ where: { id: userId }, select: { displayName: true } })).displayName;
const nameAudit = (userId: string) =>
  client.auditLog.findMany({ where: { action: DISPLAY_NAME_AUDIT_ACTION, entityId: userId }, select: { actorId: true, entityType: true, before: true, after: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
const firstMessage = (text: unknown) => {
  const parsed = displayNameSchema.safeParse(text);
  return parsed.success ? null : parsed.error.issues[0]?.message;
};

// ------------------------------------------------------------------------------------------
describe("the display name as typed (displayNameSchema)", () => {
  it("refuses an email address, a link and the site's own words", () => {
    for (const name of ["ada@example.com", "ada @ home"]) expect(firstMessage(name), name).toBe("A name cannot be an email address.");
    for (const name of ["https://ada.example", "http:ada", "www.ada", "ada.dev", "Lovelace.COM"]) expect(firstMessage(name), name).toBe("A name cannot be a link.");
    for (const name of ["Admin", "the moderator", "Staff", "Ship or Skip", "shiporskip", "Official Ada", "mod"]) expect(firstMessage(name), name).toBe("That name is kept for the site's own staff.");
    // Words that merely contain a reserved one are fine.
    for (const name of ["Modest Ada", "Staffan", "Administrata"]) expect(firstMessage(name), name).toBeNull();
  });

  it("is 2 to 40 characters after collapsing spaces; only letters, digits, spaces and . - _ '", () => {
    expect(firstMessage("A")).toBe("A name is at least 2 characters.");
    expect(firstMessage("  A   ")).toBe("A name is at least 2 characters.");
    expect(firstMessage("a".repeat(41))).toBe("A name is at most 40 characters.");
    expect(displayNameSchema.parse("a".repeat(40))).toBe("a".repeat(40));
    expect(displayNameSchema.parse(`${"a".repeat(20)}${" ".repeat(30)}${"b".repeat(19)}`)).toBe(`${"a".repeat(20)} ${"b".repeat(19)}`);
    expect(firstMessage("Ada <script>")).toBe("Use letters, digits, spaces and . - _ ' only.");
    expect(displayNameSchema.parse("José O'Brien-Łukasz_2.0")).toBe("José O'Brien-Łukasz_2.0");
  });

  it("collapses and trims spaces, and reads empty (or only spaces) as null: the generated name", () => {
    expect(displayNameSchema.parse("  Ada \t\n  Lovelace  ")).toBe("Ada Lovelace");
    expect(displayNameSchema.parse("")).toBeNull();
    expect(displayNameSchema.parse("   ")).toBeNull();
    expect(displayNameFormSchema.parse({ displayName: "" })).toEqual({ displayName: null });
    expect(displayNameFormSchema.safeParse({}).success).toBe(false);
  });
});

// ------------------------------------------------------------------------------------------
describe("setDisplayName", () => {
  it("sets and clears the name, audits each change (the reader is actor and subject), and a no-op writes nothing", async () => {
    const { user } = await createSignedInUser(client);
    expect(await setDisplayName(user.id, "Ada Lovelace")).toBe(true);
    expect(await storedName(user.id)).toBe("Ada Lovelace");
    expect(await setDisplayName(user.id, "Ada Lovelace")).toBe(false);
    expect(await setDisplayName(user.id, "  Ada   Lovelace ")).toBe(false);
    expect(await setDisplayName(user.id, null)).toBe(true);
    expect(await storedName(user.id)).toBeNull();
    expect(await setDisplayName(user.id, null)).toBe(false);
    expect(await nameAudit(user.id)).toEqual([
      { actorId: user.id, entityType: "User", before: { displayName: null }, after: { displayName: "Ada Lovelace" } },
      { actorId: user.id, entityType: "User", before: { displayName: "Ada Lovelace" }, after: { displayName: null } },
    ]);
  });

  it("refuses a panel reviewer's name in any case and spacing (active or not), changing nothing", async () => {
    await createReviewer(client, { name: "Maya Okafor" });
    await createReviewer(client, { name: " Jonas  Berg ", active: false });
    await createReviewer(client, { name: "Zoë Ibáñez" });
    const { user } = await createSignedInUser(client);
    await setDisplayName(user.id, "Ada");
    // The last one as a keyboard may send it: letters and combining accents (NFD).
    for (const name of ["Maya Okafor", "maya okafor", "  MAYA   OKAFOR ", "jonas berg", "JONAS BERG", "ZOË IBÁÑEZ", "Zoe\u0308 Iba\u0301n\u0303ez"]) {
      await expect(setDisplayName(user.id, name), name).rejects.toThrow(new DisplayNameError(REVIEWER_NAME_MESSAGE));
    }
    expect(await storedName(user.id)).toBe("Ada");
    expect(await nameAudit(user.id)).toHaveLength(1);
    // Names that only resemble one are the reader's to take.
    expect(await setDisplayName(user.id, "Maya Okafor2")).toBe(true);
  });

  it("validates its input itself: what the form would refuse, and a one-character name the database would refuse", async () => {
    const { user } = await createSignedInUser(client);
    await expect(setDisplayName(user.id, "ada@example.com")).rejects.toThrow(new DisplayNameError("A name cannot be an email address."));
    await expect(setDisplayName(user.id, "x".repeat(41))).rejects.toThrow(DisplayNameError);
    // One letter outside the Basic Multilingual Plane: two UTF-16 units, one character.
    await expect(setDisplayName(user.id, "𝐀")).rejects.toThrow(new DisplayNameError("A name is at least 2 characters."));
    await expect(setDisplayName("no-such-user", "Ada")).rejects.toThrow(new DisplayNameError("That account does not exist."));
    expect(await storedName(user.id)).toBeNull();
    expect(await nameAudit(user.id)).toEqual([]);
  });

  it("announces the tools the reader gave reasons for (their pages show the name), and nothing for a no-op", async () => {
    const [a, b, c] = [await createTool(client), await createTool(client), await createTool(client)];
    const { user } = await createSignedInUser(client);
    await setVote(user.id, a.slug, "ship", "Fast.");
    await setVote(user.id, b.slug, "skip", "Too dear.");
    await setVote(user.id, c.slug, "ship");
    await heard();
    await setDisplayName(user.id, "Grace H.");
    expect(await heard()).toEqual([a.slug, b.slug].sort());
    await setDisplayName(user.id, "Grace H.");
    expect(await heard()).toEqual([]);
  });

  it("deleting the account deletes the audit entries of the reader's own name changes: no stand-in keeps the name", async () => {
    const { user } = await createSignedInUser(client);
    await setDisplayName(user.id, "Leaving Soon");
    expect((await getAccountOverview(user.id)).staffHistory).toBe(0);
    expect(await deleteUser(user.id)).toMatchObject({ standInId: null });
    expect(await nameAudit(user.id)).toEqual([]);
    expect(await client.auditLog.count({ where: { OR: [{ before: { path: ["displayName"], equals: "Leaving Soon" } }, { after: { path: ["displayName"], equals: "Leaving Soon" } }] } })).toBe(0);
  });
});

// ------------------------------------------------------------------------------------------
describe("the display name form's server action (displayNameAction)", () => {
  it("saves a name as the schema writes it, resets to the generated one when empty, and says when nothing changed", async () => {
    const { user } = await signIn();
    expect(await getAccountOverview(user.id)).toMatchObject({ displayName: null, publicName: generatedName(user.id) });

    expect(await displayNameAction({}, form({ displayName: "  Ada   Lovelace " }))).toEqual({ ok: "Saved. Your reasons now show “Ada Lovelace”." });
    expect(await storedName(user.id)).toBe("Ada Lovelace");
    expect(await getAccountOverview(user.id)).toMatchObject({ displayName: "Ada Lovelace", publicName: "Ada Lovelace" });

    expect(await displayNameAction({}, form({ displayName: "Ada Lovelace" }))).toEqual({ ok: "No change: that is already your public name." });

    expect(await displayNameAction({}, form({ displayName: "" }))).toEqual({ ok: `Reset. Your reasons now show “${generatedName(user.id)}”.` });
    expect(await storedName(user.id)).toBeNull();
    expect(await getAccountOverview(user.id)).toMatchObject({ displayName: null, publicName: generatedName(user.id) });
    expect(await nameAudit(user.id)).toHaveLength(2);
  });

  it("answers a refused name as the field's error with what was typed, changing nothing", async () => {
    await createReviewer(client, { name: "Tomasz Wilk" });
    const { user } = await signIn();
    await displayNameAction({}, form({ displayName: "Ada" }));

    expect(await displayNameAction({}, form({ displayName: "ada@example.com" }))).toEqual({
      error: FIX_FIELDS_MESSAGE,
      fieldErrors: { displayName: "A name cannot be an email address." },
      values: { displayName: "ada@example.com" },
    });
    expect(await displayNameAction({}, form({ displayName: "tomasz  WILK" }))).toEqual({
      error: FIX_FIELDS_MESSAGE,
      fieldErrors: { displayName: REVIEWER_NAME_MESSAGE },
      values: { displayName: "tomasz  WILK" },
    });
    expect(await displayNameAction({}, form({ displayName: "Moderator" }))).toMatchObject({ fieldErrors: { displayName: "That name is kept for the site's own staff." } });
    expect(await displayNameAction({}, form({ displayName: "A" }))).toMatchObject({ fieldErrors: { displayName: "A name is at least 2 characters." } });
    expect(await displayNameAction({}, form({}))).toMatchObject({ error: FIX_FIELDS_MESSAGE, fieldErrors: { displayName: expect.any(String) } });
    const twice = form({ displayName: "Ada" });
    twice.append("displayName", "Grace");
    expect(await displayNameAction({}, twice)).toMatchObject({ fieldErrors: { displayName: REPEATED_FIELD_MESSAGE } });

    expect(await storedName(user.id)).toBe("Ada");
    expect(await nameAudit(user.id)).toHaveLength(1);
  });

  it("signed out: sends the reader to sign in and back to /account, changing nobody", async () => {
    session.user = null;
    const before = await client.auditLog.count();
    await expect(displayNameAction({}, form({ displayName: "Ada" }))).rejects.toThrow(new Redirected("/signin?callbackUrl=%2Faccount"));
    // Refused before the form is looked at: an invalid name redirects the same way.
    await expect(displayNameAction({}, form({ displayName: "ada@example.com" }))).rejects.toThrow(new Redirected("/signin?callbackUrl=%2Faccount"));
    expect(await client.auditLog.count()).toBe(before);
  });
});

// ------------------------------------------------------------------------------------------
describe("the reason forms on /account (reasonFormAction)", () => {
  it("saves, edits (same reason, its helpful marks kept) and removes the reason of a vote; the vote stays", async () => {
    const tool = await createTool(client);
    const { user } = await signIn();
    await setVote(user.id, tool.slug, "ship");
    const reasonOf = async () => (await listUserVotes(user.id)).find((vote) => vote.tool.slug === tool.slug)?.reason;
    expect(await reasonOf()).toBeNull();

    expect(await reasonFormAction({}, form({ tool: tool.slug, decision: "ship", reason: "  Fast autocomplete,\r\nfair price. " }))).toEqual({
      ok: "Reason saved.",
      values: { tool: tool.slug, decision: "ship", reason: "Fast autocomplete,\nfair price." },
    });
    const saved = await reasonOf();
    expect(saved).toEqual({ id: expect.any(String), text: "Fast autocomplete,\nfair price.", hidden: false, hiddenReason: null });

    const reader = await createSignedInUser(client);
    await setHelpful(reader.user.id, saved!.id, true);
    expect(await reasonFormAction({}, form({ tool: tool.slug, decision: "ship", reason: "Fast autocomplete." }))).toMatchObject({ ok: "Reason saved." });
    expect(await reasonOf()).toEqual({ id: saved!.id, text: "Fast autocomplete.", hidden: false, hiddenReason: null });
    expect(await client.reason.findUniqueOrThrow({ where: { id: saved!.id }, select: { helpfulCount: true } })).toEqual({ helpfulCount: 1 });

    // The "Remove reason" form: its own form, `reason` sent once and empty.
    expect(await reasonFormAction({}, form({ tool: tool.slug, decision: "ship", reason: "" }))).toEqual({
      ok: "Reason removed.",
      values: { tool: tool.slug, decision: "ship", reason: "" },
    });
    expect(await reasonOf()).toBeNull();
    expect(await client.vote.findUniqueOrThrow({ where: { userId_toolId: { userId: user.id, toolId: tool.id } }, select: { decision: true } })).toEqual({ decision: "SHIP" });
  });

  it("refuses a reason that is too long with its error and gives back what was typed, keeping the saved reason", async () => {
    const tool = await createTool(client);
    const { user } = await signIn();
    await setVote(user.id, tool.slug, "skip", "Too dear for what it does.");
    const long = "x".repeat(501);
    expect(await reasonFormAction({}, form({ tool: tool.slug, decision: "skip", reason: long }))).toEqual({
      error: "A reason is at most 500 characters.",
      values: { tool: tool.slug, decision: "skip", reason: long },
    });
    const twice = form({ tool: tool.slug, decision: "skip", reason: "One" });
    twice.append("reason", "");
    expect(await reasonFormAction({}, twice)).toMatchObject({ error: REPEATED_FIELD_MESSAGE });
    expect((await listUserVotes(user.id)).map((vote) => vote.reason?.text)).toEqual(["Too dear for what it does."]);
    // Exactly 500 is fine.
    expect(await reasonFormAction({}, form({ tool: tool.slug, decision: "skip", reason: "y".repeat(500) }))).toMatchObject({ ok: "Reason saved." });
  });

  it("lists each vote with its own reason only, never another reader's", async () => {
    const [a, b] = [await createTool(client), await createTool(client)];
    const other = await createSignedInUser(client);
    await setVote(other.user.id, a.slug, "ship", "Someone else's reason.");
    const { user } = await signIn();
    await setVote(user.id, a.slug, "ship");
    await setVote(user.id, b.slug, "skip", "Mine.");
    const votes = await listUserVotes(user.id);
    expect(Object.fromEntries(votes.map((vote) => [vote.tool.slug, vote.reason?.text ?? null]))).toEqual({ [a.slug]: null, [b.slug]: "Mine." });
    expect(await getAccountOverview(user.id)).toMatchObject({ votes: 2, reasons: 1, helpfulMarks: 0, reasonReports: 0 });
  });
});
