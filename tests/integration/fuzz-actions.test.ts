import fc from "fast-check";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { Forbidden, Redirected, session } from "../helpers/next-mocks";
import type { CurrentUser } from "@/lib/auth/session";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { findCounterDrift } from "@/lib/stats/reconcile";
import { callbackPathSchema, emailSchema } from "@/lib/auth/schema";
import { signInEmailSchema } from "@/lib/auth/sign-in-email";
import { FILE_FIELD_MESSAGE, FIX_FIELDS_MESSAGE, REPEATED_FIELD_MESSAGE } from "@/lib/http/action";
import { NUL_MESSAGE } from "@/lib/http/form";
import { anyValue, changedTables, fingerprint, fuzzParameters, headerSafe, hugeString, nastyString, show, slugTrick, type Fingerprint } from "../helpers/fuzz";

/**
 * Hardening: bad input never breaks a server action. fast-check calls every
 * exported function of every "use server" module (the list is
 * tests/integration/authz-actions.test.ts's) thousands of times, as each role
 * that may call it — so that validation and the database code behind it are
 * reached — and, less often, as roles that may not. Forms carry junk, huge,
 * unicode and NUL values, files instead of text, repeated and unknown fields;
 * direct calls get values of any JavaScript type.
 *
 * Every call must end in a form state (an error message or a result), a
 * redirect or forbidden() — never an unexpected thrown error, and never an
 * error swallowed and logged (console.error) behind a "try again" message.
 *
 * The oracles hold every form action to the one rule of lib/http/action.ts,
 * modelled here on its own (`readModel`): a field sent more than once, sent
 * as a file, or holding a NUL is refused as that field's error, and the form
 * writes nothing — whatever its other fields say. Only a form that passes the
 * rule may write; generated input is kept from making real admin writes by
 * construction (a stale version, an existing slug, an invalid field where a
 * write could otherwise happen), applied to such forms only, so a refused form
 * that would otherwise write is tried as it is. The database afterwards must
 * equal what it was plus exactly the votes and subscriptions the valid calls
 * made.
 */

// As the client router calls an action: with its Next-Action header.
let requestHeaders = new Headers({ "next-action": "00" });
const authCalls: { fn: "signIn" | "signOut"; args: unknown[] }[] = [];

vi.mock("@/lib/auth/session", async (original) => ({
  ...(await original<typeof import("@/lib/auth/session")>()),
  getCurrentUser: async () => (await import("../helpers/next-mocks")).session.user,
}));
// Auth.js itself is not under test here: what the actions hand it is (a checked email, a same-site path).
vi.mock("@/lib/auth/index", () => ({
  auth: async () => null,
  handlers: {},
  githubEnabled: false,
  emailEnabled: true,
  MAGIC_LINK_MAX_AGE_SECONDS: 3600,
  signIn: async (...args: unknown[]) => void authCalls.push({ fn: "signIn", args }),
  signOut: async (...args: unknown[]) => void authCalls.push({ fn: "signOut", args }),
}));
vi.mock("next/navigation", async () => (await import("../helpers/next-mocks")).navigation);
vi.mock("next/cache", async () => (await import("../helpers/next-mocks")).cache);
// Deleting an account drops the session cookie: nothing to drop here (the cookie itself is tested in account.test.ts).
vi.mock("next/headers", () => ({ headers: async () => requestHeaders, cookies: async () => ({ set: () => undefined, delete: () => undefined, get: () => undefined }) }));
// Subscribing sends its email from `after()`: dropped here (emails are tested in newsletter.test.ts).
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), after: () => undefined }));

const SITE = "http://localhost:3000";
process.env.SITE_URL = SITE;
process.env.RATE_LIMIT_VOTES = "1000000/60";
process.env.RATE_LIMIT_NEWSLETTER_IP = "1000000/3600";
process.env.RATE_LIMIT_NEWSLETTER_EMAIL = "1000000/3600";
process.env.RATE_LIMIT_SIGNIN_IP = "1000000/3600";
process.env.RATE_LIMIT_SIGNIN_EMAIL = "1000000/3600";
process.env.RATE_LIMIT_SIGNIN_TOTAL = "1000000/3600";
process.env.RATE_LIMIT_NEWSLETTER_TOTAL = "1000000/3600";
process.env.RATE_LIMIT_SUGGESTIONS = "1000000/3600";

const { requestSignInLink, signInWithGitHub, signOutAction } = await import("@/lib/auth/actions");
const { subscribeFormAction, confirmSubscriptionFormAction, unsubscribeFormAction } = await import("@/lib/newsletter/actions");
const { voteAction, voteFormAction } = await import("@/lib/votes/actions");
const { saveVerdictAction, restoreVerdictAction } = await import("@/lib/verdicts/actions");
const { setRoleAction, deleteAccountAction } = await import("@/lib/users/actions");
const { CONFIRM_MISMATCH_MESSAGE } = await import("@/lib/users/schema");
const { deleteUser } = await import("@/lib/users/writes");
const { setVote } = await import("@/lib/votes/writes");
const { saveToolAction, archiveToolAction } = await import("@/lib/tools/actions");
const { log } = await import("@/lib/observability/log");
const { suggestToolAction } = await import("@/lib/suggestions/actions");
const { suggestToolSchema } = await import("@/lib/suggestions/schema");
const { saveReviewerAction, moveReviewerAction } = await import("@/lib/reviewers/actions");
const { saveComparisonAction } = await import("@/lib/comparisons/actions");

type Role = "USER" | "STAFF" | "ADMIN";
let client: PrismaClient;
const users = {} as Record<Role | "VOTER2", CurrentUser>;
let targetUser: CurrentUser;
let staffTarget: CurrentUser;
let otherAdmin: CurrentUser;
let before: Fingerprint;
let statsBefore = new Map<string, { communityShip: number; communityTotal: number }>();

let listedSlugs: string[] = [];
let allToolSlugs: string[] = [];
let tools: { id: string; slug: string; version: number; archived: boolean }[] = [];
let categoryIds: string[] = [];
let reviewers: { id: string; slug: string }[] = [];
let verdicts: { id: string; version: number }[] = [];
let comparisons: { id: string; version: number; toolAId: string; toolBId: string }[] = [];

/** What the valid calls wrote. */
const expectedVotes = new Map<string, "SHIP" | "SKIP">(); // `${userId} ${slug}`
const expectedSubscribers = new Set<string>();
let acceptedSubscribes = 0;
const counts: Record<string, number> = {};
/** Calls that threw something other than redirect()/forbidden(), or logged an error behind a friendly message. */
let unexpected = 0;

// Errors are logged through the app's logger (an action's failure behind its friendly message) or,
// by libraries, on the console: either one is a failure here.
type Spy = { mock: { calls: unknown[][] }; mockRestore: () => void };
let consoleErrors: Spy;
let loggedErrors: Spy;
const errorLog = { mock: { get calls() { return [...consoleErrors.mock.calls, ...loggedErrors.mock.calls]; } } };
beforeEach(() => {
  consoleErrors = vi.spyOn(console, "error");
  loggedErrors = vi.spyOn(log(), "error");
});
afterEach(() => {
  consoleErrors.mockRestore();
  loggedErrors.mockRestore();
});

beforeAll(async () => {
  client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 2 });
  const make = async (email: string, role: Role): Promise<CurrentUser> => {
    // Established readers: a new account's vote waits before it counts (docs/decisions/030).
    const user = await client.user.create({ data: { email, role, emailVerified: new Date(), createdAt: new Date(Date.now() - 30 * 86_400_000) } });
    return { id: user.id, email, name: null, role };
  };
  users.USER = await make("user@fuzz.test", "USER");
  users.VOTER2 = await make("voter2@fuzz.test", "USER");
  users.STAFF = await make("staff@fuzz.test", "STAFF");
  users.ADMIN = await make("admin@fuzz.test", "ADMIN");
  targetUser = await make("target@fuzz.test", "USER");
  staffTarget = await make("staff-target@fuzz.test", "STAFF");
  otherAdmin = await make("other-admin@fuzz.test", "ADMIN");
  await client.tool.update({ where: { slug: "midjourney" }, data: { archivedAt: new Date() } });

  const rows = await client.tool.findMany({ select: { id: true, slug: true, version: true, archivedAt: true, stats: true }, orderBy: { slug: "asc" } });
  tools = rows.map((t) => ({ id: t.id, slug: t.slug, version: t.version, archived: t.archivedAt !== null }));
  allToolSlugs = tools.map((t) => t.slug);
  listedSlugs = tools.filter((t) => !t.archived).map((t) => t.slug);
  statsBefore = new Map(rows.map((t) => [t.slug, t.stats!]));
  categoryIds = (await client.category.findMany({ select: { id: true } })).map((c) => c.id);
  reviewers = await client.reviewer.findMany({ select: { id: true, slug: true }, orderBy: [{ position: "asc" }, { name: "asc" }] });
  verdicts = await client.verdict.findMany({ select: { id: true, version: true } });
  comparisons = await client.comparison.findMany({ select: { id: true, version: true, toolAId: true, toolBId: true } });
  // The constructions below rely on these: every reviewer has judged every tool, every verdict is at its first version.
  expect(verdicts).toHaveLength(tools.length * reviewers.length);
  expect(verdicts.every((v) => v.version === 1)).toBe(true);
  expect(await client.vote.count()).toBe(0);
  before = await fingerprint(client);
});

afterAll(() => client.$disconnect());

// ---------------------------------------------------------------- calling

type Outcome = { kind: "state"; value: unknown } | { kind: "redirect"; url: string } | { kind: "forbidden" };

/** Calls an action like Next would: redirect() and forbidden() are outcomes; any other throw fails the test. */
async function call(name: string, fn: () => Promise<unknown>): Promise<Outcome> {
  counts[name] = (counts[name] ?? 0) + 1;
  try {
    return { kind: "state", value: await fn() };
  } catch (error) {
    if (error instanceof Redirected) return { kind: "redirect", url: error.url };
    if (error instanceof Forbidden) return { kind: "forbidden" };
    unexpected++;
    throw error;
  }
}

/** Nothing was swallowed and logged behind a friendly message. */
function expectNothingLogged(what: string) {
  if (errorLog.mock.calls.length) unexpected++;
  expect(errorLog.mock.calls.map((args: unknown[]) => args.map((arg) => (arg && typeof arg === "object" && "err" in arg ? String(arg.err) : String(arg))).join(" ").slice(0, 300)), what).toEqual([]);
}

/**
 * Signed out: a redirect to sign-in that returns on-site — and, when `returnTo`
 * lists them, only to one of those paths (a record's own page only when its
 * id passed the rule). Signed in with the wrong role: forbidden().
 */
function expectRefusal(outcome: Outcome, role: Role | null, what: string, returnTo?: string[]) {
  if (role === null) {
    expect(outcome.kind, what).toBe("redirect");
    const url = (outcome as { url: string }).url;
    expect(url, what).toMatch(/^\/signin\?callbackUrl=/);
    const back = decodeURIComponent(url.slice("/signin?callbackUrl=".length));
    expect(new URL(back, SITE).origin, `${what}: sign-in returns off-site to ${back}`).toBe(SITE);
    if (returnTo) expect(returnTo, `${what}: sign-in returns to ${back}`).toContain(back);
  } else {
    expect(outcome.kind, what).toBe("forbidden");
  }
}

const report = (names: string[]) => console.log(`fuzz: ${names.map((name) => `${counts[name] ?? 0} ${name}`).join(", ")} calls, ${unexpected} unexpected throws or logged errors so far`);

// ---------------------------------------------------------------- forms

type Entry = [string, string | Blob];

/** A form value: plausible, junk, huge, or a file instead of text. */
function value(plausible: fc.Arbitrary<string>): fc.Arbitrary<string | Blob> {
  return fc.oneof(
    { weight: 8, arbitrary: plausible },
    { weight: 3, arbitrary: nastyString },
    // A NUL byte inside an otherwise plausible value (a browser sends %00 in a form as it is).
    { weight: 1, arbitrary: fc.tuple(plausible, fc.nat()).map(([v, at]) => `${v.slice(0, at % (v.length + 1))}\u0000${v.slice(at % (v.length + 1))}`) },
    { weight: 1, arbitrary: fc.constantFrom<string | Blob>(new Blob(["ship"]), new File(["x".repeat(100)], "x.txt", { type: "text/plain" })) },
  );
}

/** Form entries for `fields`: each present (plausible or junk) or missing, sometimes twice, plus unknown fields. */
function formEntries(fields: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<Entry[]> {
  const perField = Object.entries(fields).map(([name, plausible]) =>
    fc.oneof(
      { weight: 10, arbitrary: value(plausible).map((v): Entry[] => [[name, v]]) },
      { weight: 1, arbitrary: fc.constant<Entry[]>([]) },
      { weight: 1, arbitrary: fc.tuple(value(plausible), value(plausible)).map(([a, b]): Entry[] => [[name, a], [name, b]]) },
    ),
  );
  const extra = fc.oneof(
    { weight: 4, arbitrary: fc.constant<Entry[]>([]) },
    { weight: 1, arbitrary: fc.array(fc.tuple(fc.oneof(nastyString, fc.constantFrom("$ACTION_ID_x", "__proto__", "constructor", "id", "role", "version")), nastyString), { maxLength: 3 }) },
  );
  return fc.tuple(fc.tuple(...perField), extra).map(([parts, more]) => [...parts.flat(), ...more]);
}

function toForm(entries: Entry[]): FormData {
  const form = new FormData();
  for (const [name, v] of entries) form.append(name, v);
  return form;
}

/**
 * The one rule every form action reads its form by, modelled independently
 * of lib/http/action.ts: per field name (React's own `$ACTION_` fields
 * aside), a field sent more than once, sent as a file, or holding a NUL is
 * that field's error; `fields` are the text values an action may use (sent
 * once, no NUL), `values` what a refused form echoes back (sent once, as
 * text). `clean`: no field broke the rule (only such a form may write).
 */
function readModel(entries: Entry[]) {
  const sent = new Map<string, (string | Blob)[]>();
  // Through a FormData, as the action gets it (names and text become well-formed Unicode: a lone surrogate turns into U+FFFD).
  for (const [name, v] of toForm(entries)) if (!name.startsWith("$ACTION_")) sent.set(name, [...(sent.get(name) ?? []), v]);
  const fields = new Map<string, string>();
  const values = new Map<string, string>();
  const errors = new Map<string, string>();
  for (const [name, [first, ...more]] of sent) {
    if (more.length) errors.set(name, REPEATED_FIELD_MESSAGE);
    else if (typeof first !== "string") errors.set(name, FILE_FIELD_MESSAGE);
    else {
      values.set(name, first);
      if (first.includes("\u0000")) errors.set(name, NUL_MESSAGE);
      else fields.set(name, first);
    }
  }
  const record = (map: Map<string, string>) => Object.fromEntries(map) as Record<string, string | undefined>;
  return { fields: record(fields), values: Object.fromEntries(values) as Record<string, string>, errors: Object.fromEntries(errors) as Record<string, string>, clean: errors.size === 0 };
}

/** A refused admin form answers in the one shape: the top message, the rule's error on each field that broke it, and the values typed. */
function expectRuleRefusal(state: { error?: string; fieldErrors?: Record<string, string>; values?: Record<string, string> }, entries: Entry[], what: string) {
  const { errors, values } = readModel(entries);
  expect(state.error, what).toBe(FIX_FIELDS_MESSAGE);
  expect(state.fieldErrors, what).toMatchObject(errors);
  expect(state.values, what).toEqual(values);
}

/** Where sign-in may return to from a section's form: its listing, its "new" page, or the page of a record whose id passed the rule. */
const returnPaths = (section: string, id: string | undefined, create = true) => [section, ...(create ? [`${section}/new`] : []), ...(id ? [`${section}/${encodeURIComponent(id)}`] : [])];

/** Replaces every entry of `name` with one value. */
const setEntry = (entries: Entry[], name: string, v: string): Entry[] => [...entries.filter(([n]) => n !== name), [name, v]];

const roleArb = (allowed: Role[]): fc.Arbitrary<Role | null> =>
  fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...allowed) }, { weight: 1, arbitrary: fc.constantFrom<Role | null>(null, ...(["USER", "STAFF"] as Role[]).filter((r) => !allowed.includes(r))) });

const loggedIn = (role: Role | null) => (session.user = role ? users[role] : null);

const words = (min: number, max: number) => fc.lorem({ maxCount: max }).map((text) => text.padEnd(min, " filler"));
const version = fc.constantFrom("1", "2", "0", "-1", "1.5", "01", " 1 ", "1e0", "999", "abc", "", "1e400", "0x1");
const idOf = (ids: string[]) => fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: fc.stringMatching(/^c[a-z0-9]{24}$/) }, { weight: 1, arbitrary: nastyString });
const coercesTo = (raw: unknown, n: number) => typeof raw === "string" && raw.trim() !== "" && Number(raw) === n;

/**
 * The user's votes equal what the valid calls so far left. On a mismatch the
 * model takes the database's state before failing, so that fast-check's
 * shrinking looks for an input that itself writes wrongly.
 */
async function expectVotesOf(userId: string, what: string) {
  const rows = await client.vote.findMany({ where: { userId }, select: { decision: true, tool: { select: { slug: true } } } });
  const actual = rows.map((row) => `${row.tool.slug} ${row.decision}`).sort();
  const mine = [...expectedVotes].filter(([key]) => key.startsWith(`${userId} `));
  const expected = mine.map(([key, decision]) => `${key.slice(userId.length + 1)} ${decision}`).sort();
  if (actual.join() !== expected.join()) {
    for (const [key] of mine) expectedVotes.delete(key);
    for (const row of rows) expectedVotes.set(`${userId} ${row.tool.slug}`, row.decision);
  }
  expect(actual, `${what}: the user's votes afterwards`).toEqual(expected);
}

// ---------------------------------------------------------------- the fuzz

describe("fuzzing the server actions", () => {
  it("voteAction(slug, decision): any values; only a signed-in vote on a listed tool is written", async () => {
    const slug = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...allToolSlugs) }, { weight: 3, arbitrary: slugTrick(allToolSlugs) }, { weight: 2, arbitrary: anyValue });
    const decision = fc.oneof({ weight: 3, arbitrary: fc.constantFrom<unknown>("ship", "skip", null, "withdraw", "SHIP", " ship", undefined) }, { weight: 2, arbitrary: anyValue });
    const who = fc.constantFrom<Role | "VOTER2" | null>("USER", "USER", "VOTER2", "VOTER2", "STAFF", null);
    await fc.assert(
      fc.asyncProperty(who, slug, decision, async (role, toolSlug, choice) => {
        session.user = role ? users[role] : null;
        const what = `voteAction(${show(toolSlug, 80)}, ${show(choice, 80)}) as ${role}`;
        const outcome = await call("voteAction", () => voteAction(toolSlug, choice));
        expect(outcome.kind, what).toBe("state");
        const result = (outcome as { value: { ok: boolean; vote?: string | null; error?: string; signIn?: boolean } }).value;
        if (!role) {
          expect(result).toEqual({ ok: false, error: "Sign in to vote.", signIn: true });
          return;
        }
        const valid = typeof toolSlug === "string" && listedSlugs.includes(toolSlug) && (choice === null || choice === "ship" || choice === "skip");
        expect(result.ok, what).toBe(valid);
        if (result.ok) {
          expect(result.vote).toBe(choice);
          const key = `${session.user!.id} ${toolSlug as string}`;
          if (choice) expectedVotes.set(key, choice === "ship" ? "SHIP" : "SKIP");
          else expectedVotes.delete(key);
        } else {
          expect(["That vote is not valid.", "This tool is no longer open for votes."], what).toContain(result.error);
        }
        expectNothingLogged(what);
        await expectVotesOf(session.user!.id, what);
      }),
      fuzzParameters(800),
    );
    report(["voteAction"]);
  });

  it("voteFormAction(form): junk forms vote nothing (a repeated tool or decision, a file or a NUL anywhere included); signed out it redirects to /signin", async () => {
    const entries = formEntries({
      tool: fc.oneof(fc.constantFrom(...allToolSlugs), slugTrick(allToolSlugs)),
      decision: fc.constantFrom("ship", "skip", "withdraw", "SHIP", "maybe", ""),
    });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom<Role | "VOTER2" | null>("USER", "VOTER2", "VOTER2", null), entries, async (role, form) => {
        session.user = role ? users[role] : null;
        const data = toForm(form);
        const outcome = await call("voteFormAction", () => voteFormAction(data));
        const what = `voteFormAction(${show(form, 300)}) as ${role}`;
        if (!role) {
          expect(outcome, what).toEqual({ kind: "redirect", url: "/signin" });
          return;
        }
        expect(outcome, what).toEqual({ kind: "state", value: undefined });
        expectNothingLogged(what);
        // The form's contract (lib/votes/actions.ts): a form that passes the one rule, `tool` a listed slug, `decision` ship, skip or withdraw.
        const { clean, fields } = readModel(form);
        const { tool, decision } = fields;
        if (clean && tool !== undefined && listedSlugs.includes(tool) && (decision === "ship" || decision === "skip" || decision === "withdraw")) {
          const key = `${session.user!.id} ${tool}`;
          if (decision === "withdraw") expectedVotes.delete(key);
          else expectedVotes.set(key, decision === "ship" ? "SHIP" : "SKIP");
        }
        await expectVotesOf(session.user!.id, what);
      }),
      fuzzParameters(400),
    );
    report(["voteFormAction"]);
  });

  it("subscribeFormAction: junk answers 'invalid' inline; a real address in a form that passes the rule is accepted (and stored unless the honeypot is filled)", async () => {
    const email = fc.oneof(
      fc.tuple(fc.stringMatching(/^[a-z0-9]{3,10}$/), fc.constantFrom("", " ", "\t"), fc.boolean()).map(([local, pad, upper]) => {
        const address = `form-${local}@example.test`;
        return `${pad}${upper ? address.toUpperCase() : address}${pad}`;
      }),
      fc.emailAddress(),
    );
    const entries = formEntries({ email, website: fc.oneof({ weight: 4, arbitrary: fc.constant("") }, { weight: 1, arbitrary: nastyString }) });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom<Role | null>(null, null, "USER"), entries, fc.option(nastyString.map(headerSafe)), async (role, form, forwardedFor) => {
        loggedIn(role);
        requestHeaders = new Headers(forwardedFor === null ? { "next-action": "00" } : { "x-forwarded-for": forwardedFor, "next-action": "00" });
        const data = toForm(form);
        const outcome = await call("subscribeFormAction", () => subscribeFormAction({ status: "idle" }, data));
        const what = `subscribeFormAction(${show(form, 300)})`;
        expect(outcome.kind, what).toBe("state");
        const state = (outcome as { value: { status: string; error?: string; email?: string } }).value;
        expectNothingLogged(what);
        // Accepted exactly when the form passes the one rule, the address is valid and the honeypot (if sent) is at most 500 characters.
        const { clean, fields, values, errors } = readModel(form);
        const address = emailSchema.safeParse(fields.email);
        const valid = clean && address.success && (fields.website === undefined || fields.website.length <= 500);
        expect(state.status, `${what} → ${JSON.stringify(state)}`).toBe(valid ? "accepted" : "invalid");
        if (state.status === "accepted") {
          expect(address.data, what).toMatch(/^[^\s@]+@[^\s@]+\.[^\s@]+$/);
          if (!fields.website) {
            expectedSubscribers.add(address.data!);
            acceptedSubscribes++;
          }
        } else {
          // The form shows one message, the email field's first.
          if (errors.email) expect(state.error, what).toBe(errors.email);
          else if (!address.success) expect(state.error, what).toBe(address.error.issues[0]!.message);
          else expect(state.error, what).toEqual(expect.any(String));
          expect(state.email, what).toBe(values.email ?? "");
        }
      }),
      fuzzParameters(500),
    );
    report(["subscribeFormAction"]);
  });

  it("suggestToolAction: signed out → sign-in; a form that passes the rule and the schema, in a real category, is received or named a duplicate; all else is refused inline, nothing stored", async () => {
    const categories = (await client.category.findMany({ select: { slug: true } })).map((c) => c.slug);
    const entries = formEntries({
      name: fc.stringMatching(/^[a-z]{8,12}$/).map((word) => `Fa ${word}`),
      website: fc.stringMatching(/^[a-z]{8,12}$/).map((word) => `${word}.example`),
      category: fc.constantFrom(...categories),
      pitch: fc.constant("Suggested by the action fuzz."),
      vendor: fc.constantFrom("", "Fuzz Labs"),
      pricingModel: fc.constantFrom("", "FREE", "PAID", "free"),
    });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom<Role | null>(null, "USER", "USER", "USER"), entries, async (role, form) => {
        loggedIn(role);
        const before = await client.suggestion.count();
        const outcome = await call("suggestToolAction", () => suggestToolAction({}, toForm(form)));
        const what = `suggestToolAction(${show(form, 300)})`;
        expectNothingLogged(what);
        if (role === null) {
          expect(outcome, what).toEqual({ kind: "redirect", url: "/signin?callbackUrl=%2Fsuggest" });
          return;
        }
        expect(outcome.kind, what).toBe("state");
        const state = (outcome as { value: { ok?: string; error?: string; duplicate?: unknown; fieldErrors?: Record<string, string> } }).value;
        const { clean, fields } = readModel(form);
        const parsed = suggestToolSchema.safeParse(fields);
        const stored = (await client.suggestion.count()) - before;
        const valid = clean && parsed.success && categories.includes(parsed.data.category);
        if (state.ok) {
          expect(valid, `received an invalid form: ${what}`).toBe(true);
          expect(stored, what).toBe(1);
        } else {
          expect(stored, what).toBe(0);
          expect(state.error, what).toEqual(expect.any(String));
          // A valid form is refused only as a duplicate; an unknown category is the category field's error.
          if (valid) expect(state.duplicate, `refused a valid form: ${what} → ${JSON.stringify(state)}`).toBeDefined();
          else if (clean && parsed.success) expect(state.fieldErrors, what).toEqual({ category: "That category does not exist." });
        }
      }),
      fuzzParameters(200),
    );
    report(["suggestToolAction"]);
  });

  it("confirm/unsubscribe form actions: any token that is not a live one is 'invalid', and spends nothing", async () => {
    const token = fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{43}$/), nastyString, fc.constantFrom("", "a".repeat(42), "a".repeat(44), "=".repeat(43)));
    const entries = fc.oneof(formEntries({ token }), fc.constant<Entry[]>([]));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("confirm", "unsubscribe"), fc.constantFrom<Role | null>(null, "USER"), entries, async (kind, role, form) => {
        loggedIn(role);
        const action = kind === "confirm" ? confirmSubscriptionFormAction : unsubscribeFormAction;
        const name = `${kind}FormAction`;
        const outcome = await call(name, () => action({ status: "idle" }, toForm(form)));
        const what = `${name}(${show(form, 200)})`;
        expect(outcome, what).toEqual({ kind: "state", value: { status: "invalid" } });
        expectNothingLogged(what);
      }),
      fuzzParameters(500),
    );
    report(["confirmFormAction", "unsubscribeFormAction"]);
  });

  it("requestSignInLink / signInWithGitHub / signOutAction: junk (and any form that breaks the rule) never reaches Auth.js; callbackUrl never leaves the site", async () => {
    const callbackUrl = fc.oneof(
      fc.constantFrom("/", "/tools?q=x", "//evil.example", "/\\evil.example", "/\t/evil.example", "https://evil.example", "javascript:alert(1)", "/%2F%2Fevil.example", "\\\\evil.example", "/ok path", "http://localhost:3000/x", "/" + "a".repeat(3000)),
      fc.webUrl(),
      fc.webPath(),
      nastyString,
    );
    const email = fc.oneof(fc.emailAddress(), fc.stringMatching(/^[a-z]{1,8}@example\.test$/), fc.stringMatching(/^[a-z]{1,8}@(mailinator\.com|eu\.yopmail\.com)$/), nastyString, hugeString);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("link", "link", "link", "github", "signout"), fc.constantFrom<Role | null>(null, null, "USER"), formEntries({ email, callbackUrl }), async (action, role, form) => {
        loggedIn(role);
        requestHeaders = new Headers({ "x-forwarded-for": "198.51.100.23", "next-action": "00" });
        authCalls.length = 0;
        const data = toForm(form);
        const what = `${action}(${show(form, 300)})`;
        const { clean, fields, values, errors } = readModel(form);
        // A form passing the rule always has a callbackUrl: a same-site path, or "/" for anything else.
        const redirectTo = callbackPathSchema.parse(fields.callbackUrl);
        if (action === "link") {
          const outcome = await call("requestSignInLink", () => requestSignInLink({}, data));
          // Sign-in also refuses throwaway mailboxes (lib/auth/sign-in-email.ts).
          const address = signInEmailSchema.safeParse(fields.email);
          if (clean && address.success) {
            expect(outcome, what).toEqual({ kind: "redirect", url: "/signin/check-email" });
            expect(authCalls, what).toHaveLength(1);
            const [provider, options] = authCalls[0]!.args as [string, { email: string; redirectTo: string; redirect: boolean }];
            expect(provider).toBe("nodemailer");
            expect(options.email, what).toBe(fields.email!.trim().toLowerCase());
            expect(options.email, what).toMatch(/^[^\s@]+@[^\s@]+\.[^\s@]+$/);
            expect(options.email.length).toBeLessThanOrEqual(254);
            expect(options.redirectTo, what).toBe(redirectTo);
            expectSameSitePath(options.redirectTo, what);
          } else {
            expect(outcome.kind, what).toBe("state");
            const state = (outcome as { value: { error?: string; email?: string } }).value;
            // One message, the email field's first.
            if (errors.email) expect(state.error, what).toBe(errors.email);
            else if (!address.success) expect(state.error, what).toBe(address.error.issues[0]!.message);
            else expect(Object.values(errors), what).toContain(state.error);
            expect(state.email, what).toBe(values.email ?? "");
            expect(authCalls, what).toEqual([]);
          }
        } else if (action === "github") {
          expect(await call("signInWithGitHub", () => signInWithGitHub(data)), what).toEqual({ kind: "state", value: undefined });
          if (clean) {
            expect(authCalls, what).toEqual([{ fn: "signIn", args: ["github", { redirectTo }] }]);
            expectSameSitePath(redirectTo, what);
          } else {
            expect(authCalls, what).toEqual([]);
          }
        } else {
          // Takes no input: called with a form anyway, as a crafted request could.
          expect(await call("signOutAction", () => (signOutAction as (...args: unknown[]) => Promise<void>)(data)), what).toEqual({ kind: "state", value: undefined });
          expect(authCalls).toEqual([{ fn: "signOut", args: [{ redirectTo: "/" }] }]);
        }
        expectNothingLogged(what);
      }),
      fuzzParameters(600),
    );
    report(["requestSignInLink", "signInWithGitHub", "signOutAction"]);
  });

  function expectSameSitePath(path: string, what: string) {
    expect(path, what).toMatch(/^\/(?![/\\])\S*$/);
    expect(new URL(path, SITE).origin, what).toBe(SITE);
  }

  // ---------------------------------------------------------------- staff and admin

  it("saveVerdictAction / restoreVerdictAction: junk edits are refused with messages; nothing is written", async () => {
    const verdictIds = verdicts.map((v) => v.id);
    const entries = formEntries({
      verdictId: fc.oneof({ weight: 4, arbitrary: idOf(verdictIds) }, { weight: 1, arbitrary: fc.constant("") }),
      expectedVersion: version,
      version,
      decision: fc.constantFrom("SHIP", "SKIP", "SHIP", "SKIP", "ship", "MAYBE", ""),
      body: fc.oneof(words(40, 60), fc.constantFrom("short", " ".repeat(50), "x".repeat(10_001))),
      published: fc.constantFrom("on", "true", "false", "off", ""),
      reason: fc.oneof(words(3, 10), fc.constantFrom("", "ab", "x".repeat(301))),
      toolId: idOf(tools.map((t) => t.id)),
      reviewerId: idOf(reviewers.map((r) => r.id)),
    });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("save", "save", "restore"), roleArb(["STAFF", "ADMIN"]), entries, async (kind, role, generated) => {
        loggedIn(role);
        let form = generated;
        // An edit of a real verdict at its current version with valid fields would be a real write: make its case too short.
        // Only a form that passes the rule can write; one that breaks it is tried as it is, and must write nothing.
        const read = readModel(form);
        if (kind === "save" && read.clean && verdictIds.includes(read.fields.verdictId ?? "") && coercesTo(read.fields.expectedVersion, 1)) form = setEntry(form, "body", "too short");
        const { clean, fields, errors, values } = readModel(form);
        const name = kind === "save" ? "saveVerdictAction" : "restoreVerdictAction";
        const action = kind === "save" ? saveVerdictAction : restoreVerdictAction;
        const outcome = await call(name, () => action({}, toForm(form)));
        const what = `${name}(${show(form, 400)}) as ${role}`;
        if (role !== "STAFF" && role !== "ADMIN") return expectRefusal(outcome, role, what, returnPaths("/admin/verdicts", clean ? fields.verdictId : undefined, false));
        expect(outcome.kind, what).toBe("state");
        const state = (outcome as { value: { ok?: string; error?: string; fieldErrors?: Record<string, string>; values?: Record<string, string> } }).value;
        expectNothingLogged(what);
        if (kind === "save") {
          // Never a write (by construction, or refused by the rule); every refusal echoes the values typed.
          expect(state.ok, what).toBeUndefined();
          expect(state.error, what).toEqual(expect.any(String));
          expect(state.values, what).toEqual(values);
          if (!clean) expectRuleRefusal(state, form, what);
          return;
        }
        // A restore of version 1 over version 1 is the one no-op that succeeds: exactly when the form is valid for it.
        const noOp =
          clean &&
          verdictIds.includes(fields.verdictId ?? "") &&
          coercesTo(fields.expectedVersion, 1) &&
          coercesTo(fields.version, 1) &&
          (fields.reason === undefined || fields.reason.trim().length <= 300);
        expect(state.ok, what).toBe(noOp ? "That version is what is live already." : undefined);
        if (!clean) expect(state.error, what).toBe(Object.values(errors).includes(NUL_MESSAGE) ? NUL_MESSAGE : "That restore request is not valid.");
        else if (!noOp) expect(state.error, what).toEqual(expect.any(String));
      }),
      fuzzParameters(700),
    );
    report(["saveVerdictAction", "restoreVerdictAction"]);
  });

  it("setRoleAction: junk and forbidden role changes are refused with messages; nobody's role changes", async () => {
    const ids = () => [users.ADMIN.id, targetUser.id, staffTarget.id, otherAdmin.id];
    const entries = formEntries({ userId: idOf(ids()), role: fc.constantFrom("USER", "STAFF", "ADMIN", "user", "", "STAFF ") });
    await fc.assert(
      fc.asyncProperty(roleArb(["ADMIN"]), entries, async (role, generated) => {
        loggedIn(role);
        let form = generated;
        // A real grant or revoke is a write: turn it into the no-op of asking for the role the user has.
        // Only a form that passes the rule can write; one that breaks it (say a `role` sent twice, or as a file) is tried as it is.
        const read = readModel(form);
        if (read.clean && read.fields.userId === targetUser.id && read.fields.role === "STAFF") form = setEntry(form, "role", "USER");
        if (read.clean && read.fields.userId === staffTarget.id && read.fields.role === "USER") form = setEntry(form, "role", "STAFF");
        const { clean, fields, errors } = readModel(form);
        const outcome = await call("setRoleAction", () => setRoleAction({}, toForm(form)));
        const what = `setRoleAction(${show(form, 300)}) as ${role}`;
        if (role !== "ADMIN") return expectRefusal(outcome, role, what, ["/admin/users"]);
        expect(outcome.kind, what).toBe("state");
        const state = (outcome as { value: { ok?: string; error?: string } }).value;
        expectNothingLogged(what);
        // "No change." exactly for a valid no-op: a form that passes the rule, a non-admin other user, a role they have.
        const noOp = clean && [targetUser.id, staffTarget.id].includes(fields.userId ?? "") && (fields.role === "USER" || fields.role === "STAFF");
        expect(state.ok, what).toBe(noOp ? "No change." : undefined);
        // A form that breaks the rule shows one of the rule's messages (the button has one place for a message).
        if (!clean) expect(Object.values(errors), what).toContain(state.error);
        else if (!noOp) expect(state.error, what).toEqual(expect.any(String));
        const roles = await client.user.findMany({ where: { id: { in: [targetUser.id, staffTarget.id] } }, select: { id: true, role: true } });
        expect(Object.fromEntries(roles.map((u) => [u.id, u.role])), `${what}: nobody's role changed`).toEqual({ [targetUser.id]: "USER", [staffTarget.id]: "STAFF" });
      }),
      fuzzParameters(300),
    );
    report(["setRoleAction"]);
  });

  it("deleteAccountAction: only a form that passes the rule and confirms the caller's own email deletes (their account only); junk is refused with field errors", async () => {
    // Leavers of this test's own, each with one vote: a valid form deletes one and a new one takes its place.
    // All of them are gone by the end, so the users table ends as it began.
    let made = 0;
    const leaver = async (): Promise<CurrentUser> => {
      const user = await client.user.create({ data: { email: `leaver-${++made}@fuzz.test`, emailVerified: new Date() } });
      await setVote(user.id, listedSlugs[made % listedSlugs.length]!, "skip");
      return { id: user.id, email: user.email!, name: null, role: "USER" };
    };
    const pool = [await leaver(), await leaver(), await leaver()];
    const entries = formEntries({
      confirm: fc.oneof(
        { weight: 5, arbitrary: fc.constantFrom("__EMAIL__", " __EMAIL__\n", "__EMAIL_UPPER__") },
        { weight: 2, arbitrary: fc.constantFrom("__OTHER_EMAIL__", "user@fuzz.test", "DELETE", "", "__EMAIL__.") },
      ),
      keepNewsletter: fc.constantFrom("on", "on", "off", "", "true"),
    });
    let deleted = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(true, true, true, false), fc.nat(), entries, async (signedIn, index, generated) => {
        const target = pool[index % pool.length]!;
        const other = pool[(index + 1) % pool.length]!;
        const fill = (v: string | Blob) =>
          typeof v === "string" ? v.replaceAll("__EMAIL_UPPER__", target.email.toUpperCase()).replaceAll("__OTHER_EMAIL__", other.email).replaceAll("__EMAIL__", target.email) : v;
        const form = generated.map(([name, v]): Entry => [name, fill(v)]);
        session.user = signedIn ? target : null;
        const outcome = await call("deleteAccountAction", () => deleteAccountAction({}, toForm(form)));
        const what = `deleteAccountAction(${show(form, 300)}) as ${signedIn ? target.email : "nobody"}`;
        if (!signedIn) {
          expectRefusal(outcome, null, what, ["/account"]);
          expect(await client.user.count({ where: { id: target.id } }), what).toBe(1);
          return;
        }
        expectNothingLogged(what);
        const { clean, fields, values } = readModel(form);
        const typed = fields.confirm?.trim() ?? "";
        const schemaOk = clean && typed !== "" && typed.length <= 320 && (fields.keepNewsletter === undefined || fields.keepNewsletter === "on");
        if (schemaOk && typed.toLowerCase() === target.email) {
          expect(outcome, what).toEqual({ kind: "redirect", url: "/account/deleted" });
          expect(await client.user.count({ where: { id: target.id } }), what).toBe(0);
          pool.splice(pool.indexOf(target), 1, await leaver());
          deleted++;
          return;
        }
        expect(outcome.kind, what).toBe("state");
        const state = (outcome as { value: { error?: string; fieldErrors?: Record<string, string>; values?: Record<string, string> } }).value;
        expect(state.error, what).toBe(FIX_FIELDS_MESSAGE);
        expect(state.values, what).toEqual(values);
        if (!clean) expectRuleRefusal(state, form, what);
        else if (schemaOk) expect(state.fieldErrors, what).toEqual({ confirm: CONFIRM_MISMATCH_MESSAGE });
        expect(await client.user.count({ where: { id: { in: pool.map((user) => user.id) } } }), `${what}: nobody deleted`).toBe(pool.length);
      }),
      fuzzParameters(400),
    );
    for (const left of pool) expect(await deleteUser(left.id)).toMatchObject({ votesWithdrawn: 1 });
    expect(await findCounterDrift(client)).toEqual([]);
    report(["deleteAccountAction"]);
    console.log(`fuzz: ${deleted} accounts deleted by valid forms, ${made} leavers in all`);
  });

  it("saveToolAction / archiveToolAction: junk tool forms are refused with field errors; nothing is written", async () => {
    const toolIds = tools.map((t) => t.id);
    const slugs = fc.oneof(fc.constantFrom(...allToolSlugs), fc.stringMatching(/^[a-z0-9]{2,10}(-[a-z0-9]{1,6}){0,2}$/), slugTrick(allToolSlugs));
    const url = fc.oneof(fc.webUrl({ validSchemes: ["https"] }), fc.constantFrom("", "http://x.example", "https://", "https://a b", "javascript:alert(1)", `https://${"a".repeat(600)}`));
    const date = fc.oneof(fc.constantFrom("", "2025-06-01", "2025-13-45", "0000-00-00", "9999-99-99", "2025-6-1", "yesterday"), fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)));
    const entries = formEntries({
      id: fc.oneof({ weight: 1, arbitrary: idOf(toolIds) }, { weight: 1, arbitrary: fc.constant("") }),
      expectedVersion: version,
      slug: slugs,
      name: fc.oneof(words(1, 4), fc.constant("")),
      vendor: fc.oneof(words(1, 3), fc.constant("")),
      categoryId: idOf(categoryIds),
      tagline: fc.oneof(words(10, 12), fc.constant("short")),
      description: fc.oneof(words(40, 50), fc.constant("short")),
      website: url,
      license: fc.oneof(fc.constantFrom("", "MIT", "Apache-2.0"), fc.constant("x".repeat(121))),
      pricingModel: fc.constantFrom("FREE", "FREEMIUM", "PAID", "USAGE", "OPEN_WEIGHTS", "free", "GRATIS", ""),
      entryPrice: fc.constantFrom("", "$20/mo", "x".repeat(41)),
      pricingDetail: fc.oneof(words(0, 10), fc.constant("x".repeat(501))),
      pricingSourceUrl: url,
      pricingVerifiedAt: date,
      releasedAt: date,
    });
    await fc.assert(
      fc.asyncProperty(roleArb(["STAFF", "ADMIN"]), entries, async (role, generated) => {
        loggedIn(role);
        let form = generated;
        // Only a form that passes the rule can write; one that breaks it is tried as it is, and must be refused.
        const read = readModel(form);
        const raw = read.fields;
        const current = tools.find((t) => t.id === raw.id);
        // An edit at the tool's current version would be a real write: make its description too short.
        if (read.clean && current && coercesTo(raw.expectedVersion, current.version)) form = setEntry(form, "description", "short");
        // A new tool in a real category with a new slug would be a real write: reuse an existing slug (refused as taken).
        if (read.clean && !raw.id && categoryIds.includes(raw.categoryId ?? "") && !allToolSlugs.includes(raw.slug ?? "")) form = setEntry(form, "slug", "cursor");
        const { clean, fields, values } = readModel(form);
        const outcome = await call("saveToolAction", () => saveToolAction({}, toForm(form)));
        const what = `saveToolAction(${show(form, 400)}) as ${role}`;
        if (role !== "STAFF" && role !== "ADMIN") return expectRefusal(outcome, role, what, returnPaths("/admin/tools", clean ? fields.id : undefined));
        expect(outcome.kind, what).toBe("state");
        const state = (outcome as { value: { ok?: string; error?: string; fieldErrors?: Record<string, string>; values?: Record<string, string> } }).value;
        expect(state.ok, what).toBeUndefined();
        expect(state.error, what).toEqual(expect.any(String));
        expect(state.values, what).toEqual(values);
        if (!clean) expectRuleRefusal(state, form, what);
        expectNothingLogged(what);
      }),
      fuzzParameters(600),
    );

    const archive = formEntries({ id: idOf(toolIds), archived: fc.constantFrom("true", "false", "", "TRUE", "1", "on") });
    await fc.assert(
      fc.asyncProperty(roleArb(["STAFF", "ADMIN"]), archive, async (role, generated) => {
        loggedIn(role);
        let form = generated;
        const read = readModel(form);
        const tool = tools.find((t) => t.id === read.fields.id);
        // Archiving a listed tool (or restoring the archived one) is a real write: ask for the state it is in.
        // Only a form that passes the rule can write: one that breaks it (say an `id` sent twice) is tried as it is.
        if (read.clean && tool) form = setEntry(form, "archived", String(tool.archived));
        const { clean, fields } = readModel(form);
        const outcome = await call("archiveToolAction", () => archiveToolAction(toForm(form)));
        const what = `archiveToolAction(${show(form, 300)}) as ${role}`;
        if (role !== "STAFF" && role !== "ADMIN") return expectRefusal(outcome, role, what, returnPaths("/admin/tools", clean ? fields.id : undefined, false));
        expect(outcome, what).toEqual({ kind: "state", value: undefined });
        expectNothingLogged(what);
        const archived = await client.tool.findMany({ where: { archivedAt: { not: null } }, select: { id: true } });
        expect(archived.map((t) => t.id).sort(), `${what}: nothing archived or restored`).toEqual(tools.filter((t) => t.archived).map((t) => t.id).sort());
      }),
      fuzzParameters(200),
    );
    report(["saveToolAction", "archiveToolAction"]);
  });

  it("saveReviewerAction / moveReviewerAction: junk persona forms are refused with field errors; nothing is written or reordered", async () => {
    const reviewerIds = reviewers.map((r) => r.id);
    const reviewerSlugs = reviewers.map((r) => r.slug);
    const entries = formEntries({
      id: fc.oneof(idOf(reviewerIds), fc.constant("")),
      slug: fc.oneof(fc.constantFrom(...reviewerSlugs), fc.stringMatching(/^[a-z]{2,8}-[a-z]{2,8}$/), slugTrick(reviewerSlugs)),
      name: fc.oneof(words(2, 3), fc.constant("A")),
      lens: fc.oneof(words(3, 3), fc.constant("ab")),
      bio: fc.oneof(words(20, 40), fc.constant("too short")),
      excitedBy: fc.oneof(fc.array(words(1, 4), { maxLength: 12 }).map((lines) => lines.join("\n")), fc.constant("x".repeat(121))),
      tiredOf: fc.array(fc.oneof(words(1, 4), nastyString), { maxLength: 12 }).map((lines) => lines.join("\r\n")),
      active: fc.constantFrom("on", "true", "false", "", "yes"),
    });
    await fc.assert(
      fc.asyncProperty(roleArb(["STAFF", "ADMIN"]), entries, async (role, generated) => {
        loggedIn(role);
        let form = generated;
        // Only a form that passes the rule can write; one that breaks it is tried as it is, and must be refused.
        const read = readModel(form);
        const raw = read.fields;
        // An edit of a real persona could be a real write: make its bio too short. A new persona reuses a taken slug.
        if (read.clean && reviewerIds.includes(raw.id ?? "")) form = setEntry(form, "bio", "too short");
        else if (read.clean && !raw.id && !reviewerSlugs.includes(raw.slug ?? "")) form = setEntry(form, "slug", reviewerSlugs[0]!);
        const { clean, fields, values } = readModel(form);
        const outcome = await call("saveReviewerAction", () => saveReviewerAction({}, toForm(form)));
        const what = `saveReviewerAction(${show(form, 400)}) as ${role}`;
        if (role !== "STAFF" && role !== "ADMIN") return expectRefusal(outcome, role, what, returnPaths("/admin/reviewers", clean ? fields.id : undefined));
        expect(outcome.kind, what).toBe("state");
        const state = (outcome as { value: { ok?: string; error?: string; fieldErrors?: Record<string, string>; values?: Record<string, string> } }).value;
        expect(state.ok, what).toBeUndefined();
        expect(state.error, what).toEqual(expect.any(String));
        expect(state.values, what).toEqual(values);
        if (!clean) expectRuleRefusal(state, form, what);
        expectNothingLogged(what);
      }),
      fuzzParameters(400),
    );

    const [first, last] = [reviewers[0]!.id, reviewers.at(-1)!.id];
    const move = formEntries({ id: idOf(reviewerIds), direction: fc.constantFrom("up", "down", "UP", "", "sideways") });
    await fc.assert(
      fc.asyncProperty(roleArb(["STAFF", "ADMIN"]), move, async (role, generated) => {
        loggedIn(role);
        let form = generated;
        const read = readModel(form);
        const id = read.fields.id;
        // Moving is a real write except off either end: the first persona only goes "up", the last only "down"; others become unknown ids.
        // Only a form that passes the rule can move anyone: one that breaks it (say an `id` sent twice) is tried as it is.
        if (read.clean && id === first) form = setEntry(form, "direction", "up");
        else if (read.clean && id === last) form = setEntry(form, "direction", "down");
        else if (read.clean && id !== undefined && reviewerIds.includes(id)) form = setEntry(form, "id", `${id}-gone`);
        const outcome = await call("moveReviewerAction", () => moveReviewerAction(toForm(form)));
        const what = `moveReviewerAction(${show(form, 300)}) as ${role}`;
        if (role !== "STAFF" && role !== "ADMIN") return expectRefusal(outcome, role, what, ["/admin/reviewers"]);
        expect(outcome, what).toEqual({ kind: "state", value: undefined });
        expectNothingLogged(what);
        const order = await client.reviewer.findMany({ select: { id: true }, orderBy: [{ position: "asc" }, { name: "asc" }] });
        expect(order.map((r) => r.id), `${what}: the panel order is unchanged`).toEqual(reviewerIds);
      }),
      fuzzParameters(200),
    );
    report(["saveReviewerAction", "moveReviewerAction"]);
  });

  it("saveComparisonAction: junk comparison forms are refused with messages; nothing is written", async () => {
    const toolIds = tools.map((t) => t.id);
    const comparisonIds = comparisons.map((c) => c.id);
    const pairs = new Set(comparisons.map((c) => [c.toolAId, c.toolBId].sort().join(" ")));
    const entries = formEntries({
      id: fc.oneof({ weight: 1, arbitrary: idOf(comparisonIds) }, { weight: 1, arbitrary: fc.constant("") }),
      expectedVersion: version,
      toolAId: idOf(toolIds),
      toolBId: idOf(toolIds),
      headline: fc.oneof(words(0, 10), fc.constant("x".repeat(161))),
      intro: fc.oneof(words(0, 40), fc.constant("x".repeat(1001))),
      status: fc.constantFrom("DRAFT", "PUBLISHED", "published", "ARCHIVED", ""),
    });
    await fc.assert(
      fc.asyncProperty(roleArb(["STAFF", "ADMIN"]), entries, async (role, generated) => {
        loggedIn(role);
        let form = generated;
        // Only a form that passes the rule can write; one that breaks it is tried as it is, and must be refused.
        const read = readModel(form);
        const raw = read.fields;
        const current = comparisons.find((c) => c.id === raw.id);
        // An edit at the current version could be a real write: make its headline too long.
        if (read.clean && current && coercesTo(raw.expectedVersion, current.version)) form = setEntry(form, "headline", "x".repeat(161));
        // A new comparison of two listed tools not yet compared would be a real write: make tool B unknown.
        const [a, b] = [raw.toolAId ?? "", raw.toolBId ?? ""];
        if (read.clean && !raw.id && toolIds.includes(a) && toolIds.includes(b) && a !== b && !pairs.has([a, b].sort().join(" "))) form = setEntry(form, "toolBId", "no-such-tool");
        const { clean, fields, values } = readModel(form);
        const outcome = await call("saveComparisonAction", () => saveComparisonAction({}, toForm(form)));
        const what = `saveComparisonAction(${show(form, 400)}) as ${role}`;
        if (role !== "STAFF" && role !== "ADMIN") return expectRefusal(outcome, role, what, returnPaths("/admin/comparisons", clean ? fields.id : undefined));
        expect(outcome.kind, what).toBe("state");
        const state = (outcome as { value: { ok?: string; error?: string; fieldErrors?: Record<string, string>; values?: Record<string, string> } }).value;
        expect(state.ok, what).toBeUndefined();
        expect(state.error, what).toEqual(expect.any(String));
        expect(state.values, what).toEqual(values);
        if (!clean) expectRuleRefusal(state, form, what);
        expectNothingLogged(what);
      }),
      fuzzParameters(500),
    );
    report(["saveComparisonAction"]);
  });

  // ---------------------------------------------------------------- afterwards

  it("the database equals what it was plus exactly the valid votes and subscriptions, and no counter drifted", async () => {
    const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
    console.log(`fuzz: ${total} server-action calls, ${unexpected} unexpected throws or logged errors`);
    // Soft: the database is checked below even when some call failed above.
    expect.soft(unexpected, "unexpected throws or logged errors").toBe(0);

    const after = await fingerprint(client);
    const written = ["Vote", "ToolStats", "NewsletterSubscriber", "NewsletterToken", "Suggestion"];
    expect(changedTables(before, after).filter((table) => !written.includes(table))).toEqual([]);

    const votes = await client.vote.findMany({ select: { userId: true, decision: true, tool: { select: { slug: true } } } });
    const sorted = (entries: Iterable<[string, string]>) => [...entries].map(([key, decision]) => `${key} ${decision}`).sort();
    expect(sorted(votes.map((v) => [`${v.userId} ${v.tool.slug}`, v.decision]))).toEqual(sorted(expectedVotes));
    const stats = await client.toolStats.findMany({ select: { communityShip: true, communityTotal: true, tool: { select: { slug: true } } } });
    for (const { tool, ...counters } of stats) {
      const mine = [...expectedVotes].filter(([key]) => key.endsWith(` ${tool.slug}`)).map(([, decision]) => decision);
      const was = statsBefore.get(tool.slug)!;
      expect(counters, tool.slug).toEqual({ communityShip: was.communityShip + mine.filter((d) => d === "SHIP").length, communityTotal: was.communityTotal + mine.length });
    }
    expect(await findCounterDrift(client)).toEqual([]);

    const subscribers = await client.newsletterSubscriber.findMany({ select: { email: true, status: true } });
    expect(new Set(subscribers.map((s) => s.email))).toEqual(expectedSubscribers);
    expect(subscribers.every((s) => s.status === "PENDING")).toBe(true);
    expect(await client.newsletterToken.count()).toBe(before.NewsletterToken.count + 2 * acceptedSubscribes);
    expect(await client.newsletterToken.count({ where: { usedAt: { not: null } } })).toBe(0);
    console.log(`fuzz: valid writes kept: ${expectedVotes.size} votes, ${expectedSubscribers.size} subscribers (${acceptedSubscribes} calls); admin writes: 0`);
  });
});
