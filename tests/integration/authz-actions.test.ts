import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Forbidden, Redirected, request, session } from "../helpers/next-mocks";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import type { CurrentUser } from "@/lib/auth/session";

/**
 * The authorisation matrix of every server action. The list of actions is
 * read from the source tree (every exported function of every "use server"
 * module under lib/), so a new action without an entry below fails this test.
 */

type Access = "public" | "user" | "staff" | "admin";
const EXPECTED: Record<string, Access> = {
  "lib/auth/actions.ts#requestSignInLink": "public",
  "lib/auth/actions.ts#signInWithGitHub": "public",
  "lib/auth/actions.ts#signOutAction": "public",
  // Visitors subscribe; a confirm/unsubscribe link's single-use token is its own proof.
  "lib/newsletter/actions.ts#subscribeFormAction": "public",
  "lib/newsletter/actions.ts#confirmSubscriptionFormAction": "public",
  "lib/newsletter/actions.ts#unsubscribeFormAction": "public",
  // An unfollow link from a follow digest: its HMAC signature is its own proof (docs/decisions/037).
  "lib/follows/actions.ts#unfollowLinkFormAction": "public",
  "lib/votes/actions.ts#voteAction": "user",
  "lib/votes/actions.ts#voteFormAction": "user",
  "lib/votes/actions.ts#reasonAction": "user",
  "lib/votes/actions.ts#reasonFormAction": "user",
  "lib/follows/actions.ts#followAction": "user",
  "lib/follows/actions.ts#followFormAction": "user",
  "lib/reasons/actions.ts#helpfulFormAction": "user",
  "lib/reasons/actions.ts#reportFormAction": "user",
  // Anyone signed in names themselves (and nobody else: it takes no user id).
  "lib/users/actions.ts#displayNameAction": "user",
  "lib/verdicts/actions.ts#saveVerdictAction": "staff",
  "lib/verdicts/actions.ts#restoreVerdictAction": "staff",
  "lib/users/actions.ts#setRoleAction": "admin",
  // Anyone signed in deletes their own account (and nobody else's: it takes no user id).
  "lib/users/actions.ts#deleteAccountAction": "user",
  "lib/tools/actions.ts#saveToolAction": "staff",
  "lib/reviewers/actions.ts#saveReviewerAction": "staff",
  "lib/reviewers/actions.ts#moveReviewerAction": "staff",
  "lib/comparisons/actions.ts#saveComparisonAction": "staff",
  "lib/tools/actions.ts#archiveToolAction": "staff",
  "lib/moderation/actions.ts#hideReasonAction": "staff",
  "lib/moderation/actions.ts#restoreReasonAction": "staff",
  "lib/moderation/actions.ts#dismissReportsAction": "staff",
  "lib/moderation/actions.ts#reopenReportsAction": "staff",
  "lib/moderation/actions.ts#muteReaderAction": "staff",
  "lib/integrity/actions.ts#voidVotesAction": "staff",
  "lib/integrity/actions.ts#restoreVoidAction": "staff",
  "lib/logos/actions.ts#uploadLogoAction": "staff",
  "lib/logos/actions.ts#removeLogoAction": "staff",
  "lib/jobs/actions.ts#retryJobAction": "staff",
  "lib/jobs/actions.ts#discardJobAction": "staff",
  // A reader's suggestion or problem report (docs/decisions/041); staff triage them.
  "lib/suggestions/actions.ts#suggestToolAction": "user",
  "lib/suggestions/actions.ts#reportProblemAction": "user",
  "lib/suggestions/actions.ts#acceptSuggestionAction": "staff",
  "lib/suggestions/actions.ts#mergeSuggestionAction": "staff",
  "lib/suggestions/actions.ts#declineSuggestionAction": "staff",
  "lib/suggestions/actions.ts#resolveProblemAction": "staff",
};


vi.mock("@/lib/auth/session", async (original) => ({
  ...(await original<typeof import("@/lib/auth/session")>()),
  getCurrentUser: async () => (await import("../helpers/next-mocks")).session.user,
}));
vi.mock("next/navigation", async () => (await import("../helpers/next-mocks")).navigation);
vi.mock("next/headers", async () => (await import("../helpers/next-mocks")).nextHeaders);
vi.mock("next/cache", async () => (await import("../helpers/next-mocks")).cache);

const root = path.resolve(import.meta.dirname, "../..");

async function serverActionModules(dir = path.join(root, "lib")): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== "generated") found.push(...(await serverActionModules(full)));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts")) {
      const text = await readFile(full, "utf8");
      if (/^\s*["']use server["'];?/.test(text)) found.push(path.relative(root, full));
    }
  }
  return found.sort();
}

let client: PrismaClient;
const users: Record<"USER" | "STAFF" | "ADMIN", CurrentUser> = {} as never;
let verdictId = "";
let targetUserId = "";
let toolId = "";

beforeAll(async () => {
  client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 2 });
  for (const role of ["USER", "STAFF", "ADMIN"] as const) {
    const user = await client.user.create({ data: { email: `${role.toLowerCase()}@authz.test`, role } });
    users[role] = { id: user.id, email: user.email!, name: null, role };
  }
  targetUserId = (await client.user.create({ data: { email: "target@authz.test" } })).id;
  verdictId = (await client.verdict.findFirstOrThrow()).id;
  toolId = (await client.tool.findFirstOrThrow({ where: { archivedAt: null } })).id;
});
afterAll(() => client.$disconnect());

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

/** Arguments a real caller would send: valid enough to pass validation. */
function argumentsFor(key: string): unknown[] {
  switch (key) {
    case "lib/votes/actions.ts#voteAction":
      return ["gpt-4o", "ship"];
    case "lib/votes/actions.ts#voteFormAction":
      return [form({ tool: "gpt-4o", decision: "ship" })];
    case "lib/votes/actions.ts#reasonAction":
      return ["gpt-4o", "ship", "Authz matrix"];
    case "lib/follows/actions.ts#followAction":
      return ["gpt-4o", true];
    case "lib/follows/actions.ts#followFormAction":
      return [form({ tool: "gpt-4o", follow: "follow" })];
    case "lib/votes/actions.ts#reasonFormAction":
      return [{}, form({ tool: "gpt-4o", decision: "ship", reason: "Authz matrix" })];
    case "lib/reasons/actions.ts#helpfulFormAction":
      return [{}, form({ reason: "00000000-0000-0000-0000-000000000000", helpful: "on" })];
    case "lib/reasons/actions.ts#reportFormAction":
      return [{}, form({ reason: "00000000-0000-0000-0000-000000000000", category: "spam" })];
    // An unknown reason: allowed to try, answered "no longer exists", nothing written.
    case "lib/moderation/actions.ts#hideReasonAction":
      return [{}, form({ reason: "00000000-0000-0000-0000-000000000000", note: "Authz matrix" })];
    case "lib/moderation/actions.ts#restoreReasonAction":
    case "lib/moderation/actions.ts#dismissReportsAction":
    case "lib/moderation/actions.ts#reopenReportsAction":
      return [{}, form({ reason: "00000000-0000-0000-0000-000000000000" })];
    case "lib/moderation/actions.ts#muteReaderAction":
      return [{}, form({ user: targetUserId, days: "0" })];
    // A tool nobody here voted on, and an unknown void: allowed to try, answered "nothing matches", nothing written.
    case "lib/integrity/actions.ts#voidVotesAction":
      return [{}, form({ tool: "midjourney", window: "60", scope: "new", reason: "Authz matrix" })];
    case "lib/integrity/actions.ts#restoreVoidAction":
      return [{}, form({ void: "no-such-void" })];
    // A file that is no image, and a tool without a logo: allowed to try, refused or "no logo", nothing written.
    case "lib/logos/actions.ts#uploadLogoAction": {
      const data = form({ toolId });
      data.set("logo", new File(["not an image"], "logo.png", { type: "image/png" }));
      return [{}, data];
    }
    // A job that does not exist: allowed to try, answered "gone", nothing written.
    case "lib/jobs/actions.ts#retryJobAction":
    case "lib/jobs/actions.ts#discardJobAction":
      return [{}, form({ job: "999999999" })];
    case "lib/logos/actions.ts#removeLogoAction":
      return [{}, form({ toolId })];
    case "lib/users/actions.ts#displayNameAction":
      return [{}, form({ displayName: "Authz Matrix" })];
    case "lib/verdicts/actions.ts#saveVerdictAction":
      return [{}, form({ verdictId, expectedVersion: "999", decision: "SHIP", body: "x".repeat(50), reason: "Authz matrix" })];
    case "lib/verdicts/actions.ts#restoreVerdictAction":
      return [{}, form({ verdictId, expectedVersion: "999", version: "1" })];
    case "lib/tools/actions.ts#saveToolAction":
      return [{}, form({ id: toolId, expectedVersion: "999", slug: "bad slug" })];
    case "lib/comparisons/actions.ts#saveComparisonAction":
      return [{}, form({ toolAId: toolId, toolBId: toolId })];
    case "lib/reviewers/actions.ts#saveReviewerAction":
      return [{}, form({ slug: "x" })];
    case "lib/reviewers/actions.ts#moveReviewerAction":
      return [form({ id: "no-such-reviewer", direction: "up" })];
    case "lib/tools/actions.ts#archiveToolAction":
      return [form({ id: toolId, archived: "false" })];
    case "lib/users/actions.ts#setRoleAction":
      return [{}, form({ userId: targetUserId, role: "USER" })];
    // A confirmation that is not the caller's email: allowed to try, refused by the form, nothing deleted.
    case "lib/users/actions.ts#deleteAccountAction":
      return [{}, form({ confirm: "target@authz.test" })];
    // Valid forms for an unknown suggestion: allowed to try, answered "no longer exists", nothing written.
    case "lib/suggestions/actions.ts#suggestToolAction":
      return [{}, form({ name: `Authz ${Date.now()}`, website: `authz-${Date.now()}-${Math.random().toString(36).slice(2)}.example`, category: "no-such-category", pitch: "Authz matrix" })];
    case "lib/suggestions/actions.ts#reportProblemAction":
      return [{}, form({ tool: "no-such-tool", category: "other", details: "Authz matrix" })];
    case "lib/suggestions/actions.ts#acceptSuggestionAction":
      return [{}, form({ suggestion: "no-such-suggestion", slug: "authz-draft", name: "Authz", vendor: "Authz", categoryId: "x", tagline: "Authz matrix tagline", description: "x".repeat(50), pricingModel: "FREE" })];
    case "lib/suggestions/actions.ts#mergeSuggestionAction":
      return [{}, form({ suggestion: "no-such-suggestion", tool: "cursor" })];
    case "lib/suggestions/actions.ts#declineSuggestionAction":
      return [{}, form({ suggestion: "no-such-suggestion", note: "Authz matrix" })];
    case "lib/suggestions/actions.ts#resolveProblemAction":
      return [{}, form({ suggestion: "no-such-suggestion" })];
    default:
      return [];
  }
}

async function outcome(fn: (...args: unknown[]) => Promise<unknown>, args: unknown[]): Promise<"redirect" | "forbidden" | "sign-in" | "allowed"> {
  try {
    const result = (await fn(...args)) as { signIn?: boolean } | undefined;
    return result && typeof result === "object" && result.signIn ? "sign-in" : "allowed";
  } catch (error) {
    if (error instanceof Redirected) return "redirect";
    if (error instanceof Forbidden) return "forbidden";
    throw error;
  }
}

/** Actions whose signed-out answer is `{ signIn: true }` (the page's script sends the reader to sign in). */
const ANSWERS_SIGN_IN = new Set(["voteAction", "followAction", "reasonAction", "helpfulFormAction", "reportFormAction"]);

describe("server action authorisation matrix", () => {
  it("every server action has an expected access level", async () => {
    const found: string[] = [];
    for (const file of await serverActionModules()) {
      const exported = (await import(`@/${file.replace(/\.tsx?$/, "")}`)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(exported)) if (typeof value === "function") found.push(`${file}#${name}`);
    }
    expect(found.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  const rows = Object.entries(EXPECTED).filter(([, access]) => access !== "public");
  const roles = [null, "USER", "STAFF", "ADMIN"] as const;
  it.each(rows.flatMap(([key, access]) => roles.map((role) => [key, access, role] as const)))("%s (%s) called as %s", async (key, access, role) => {
    const [file, name] = key.split("#") as [string, string];
    const exported = (await import(`@/${file.replace(/\.tsx?$/, "")}`)) as Record<string, (...args: unknown[]) => Promise<unknown>>;
    session.user = role ? users[role] : null;
    const result = await outcome(exported[name]!, argumentsFor(key));
    const rank = { USER: 1, STAFF: 2, ADMIN: 3 } as const;
    const needed = { user: 1, staff: 2, admin: 3 }[access as "user" | "staff" | "admin"];
    if (role === null) {
      // Called from a cached page's script, these answer "sign in" rather than redirecting the request.
      expect(result).toBe(ANSWERS_SIGN_IN.has(name) ? "sign-in" : "redirect");
    } else if (rank[role] >= needed) {
      expect(result).toBe("allowed");
    } else {
      expect(result).toBe("forbidden");
    }
  });

  // A form posted without JavaScript carries no Next-Action header. forbidden() thrown there is
  // rendered by Next without the root layout, so the guard sends the reader to the form's page,
  // whose own guard answers 403 with the whole site (tests/e2e/authz-pages.spec.ts).
  const guarded = Object.entries(EXPECTED).filter(([, access]) => access === "staff" || access === "admin");
  it.each(guarded)("%s (%s) posted without JavaScript by a reader: sent to its admin page", async (key) => {
    const [file, name] = key.split("#") as [string, string];
    const exported = (await import(`@/${file.replace(/\.tsx?$/, "")}`)) as Record<string, (...args: unknown[]) => Promise<unknown>>;
    session.user = users.USER;
    const headers = request.headers;
    request.headers = new Headers();
    try {
      await exported[name]!(...argumentsFor(key));
      expect.unreachable("a reader's call went through");
    } catch (error) {
      expect(error).toBeInstanceOf(Redirected);
      expect((error as Redirected).url).toMatch(/^\/admin(\/|$)/);
    } finally {
      request.headers = headers;
    }
  });

  it("a refused call changed nothing", async () => {
    const target = await client.user.findUniqueOrThrow({ where: { id: targetUserId } });
    expect(target.role).toBe("USER");
    expect(await client.auditLog.count({ where: { action: "user.role" } })).toBe(0);
    expect(await client.user.count({ where: { email: { endsWith: "@authz.test" } } })).toBe(4);
    expect(await client.toolLogo.count()).toBe(0);
  });
});
