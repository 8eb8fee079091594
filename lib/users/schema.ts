import { z } from "zod";
import { MAX_FOLLOWS_PER_USER } from "@/lib/follows/schema";
import { REPORT_CATEGORIES } from "@/lib/reasons/schema";

/** An admin grants or revokes STAFF; ADMIN comes only from ADMIN_EMAILS. */
export const roleChangeSchema = z.object({
  userId: z.string().min(1).max(40),
  role: z.enum(["USER", "STAFF"], { error: "Role must be USER or STAFF." }),
});

// ---------------------------------------------------------------- the display name

/** The audit action of a reader changing their own display name (lib/users/writes.ts `setDisplayName`). */
export const DISPLAY_NAME_AUDIT_ACTION = "user.displayName";

/** What the display name form on /account shows: a confirmation, or why it was refused (the one refusal shape of lib/http/action.ts). */
export type DisplayNameState = { ok?: string; error?: string; fieldErrors?: Record<string, string>; values?: Record<string, string> };

// ---------------------------------------------------------------- deleting an account

/** What the reader types to confirm: the email address they sign in with (any case, spaces around ignored). */
export const confirmAccountSchema = z
  .string({ error: "Type your email address to confirm." })
  .trim()
  .min(1, "Type your email address to confirm.")
  .max(320, "That is longer than any email address.");

export const CONFIRM_MISMATCH_MESSAGE = "That is not the email address of this account. Type it exactly as shown at the top of the page.";

/** Whether the typed confirmation names this account. */
export function confirmsAccount(typed: string, email: string): boolean {
  return typed.trim().toLowerCase() === email.trim().toLowerCase();
}

/**
 * The delete form on /account. `keepNewsletter` is a checkbox ("on" when
 * ticked): without it the newsletter subscription of the account's email is
 * deleted with the account (docs/decisions/019).
 */
export const deleteAccountFormSchema = z.object({
  confirm: confirmAccountSchema,
  keepNewsletter: z.literal("on", { error: "Tick the box or leave it empty." }).optional(),
});

/** Body of DELETE /api/account. Unknown fields are refused, not ignored. */
export const deleteAccountBodySchema = z.strictObject({
  confirm: confirmAccountSchema,
  keepNewsletter: z.boolean({ error: "keepNewsletter must be true or false" }).optional(),
});

/** What the delete form shows: nothing yet, or why it was refused (the one refusal shape of lib/http/action.ts). */
export type DeleteAccountState = { error?: string; fieldErrors?: Record<string, string>; values?: Record<string, string> };

/** What became of the newsletter subscription of a deleted account's email. */
export type NewsletterOutcome = "removed" | "kept" | "none";

/** The confirmation page after a deletion: whether the newsletter subscription was kept (anything else reads as not). */
export const deletedPageSearchSchema = z.object({ newsletter: z.enum(["kept"]).optional().catch(undefined) });

// ---------------------------------------------------------------- the data export

const at = z.iso.datetime();

/**
 * GET /api/account/export: everything the database holds about one person,
 * without a secret (no session token, no OAuth token, no newsletter token
 * hash). Strict objects: a field added here is a decision, not an accident.
 */
export const userExportSchema = z.strictObject({
  format: z.literal("account-export"),
  version: z.literal(1),
  site: z.string(),
  exportedAt: at,
  profile: z.strictObject({
    id: z.string(),
    email: z.string().nullable(),
    name: z.string().nullable(),
    image: z.string().nullable(),
    emailVerified: at.nullable(),
    role: z.enum(["USER", "STAFF", "ADMIN"]),
    /** The name shown with your reasons; null: the generated one ("Reader 7KQ2M") is shown. */
    displayName: z.string().nullable(),
    /** Until when a moderator paused your reasons (null: not paused). */
    reasonsMutedUntil: at.nullable(),
    createdAt: at,
    updatedAt: at,
  }),
  /** Every vote, newest change first. */
  votes: z.array(z.strictObject({ tool: z.strictObject({ slug: z.string(), name: z.string() }), decision: z.enum(["ship", "skip"]), createdAt: at, updatedAt: at })),
  /** The tools you follow (docs/decisions/037), newest first. */
  follows: z.array(z.strictObject({ tool: z.strictObject({ slug: z.string(), name: z.string() }), createdAt: at })),
  /** Tools they suggested and problems they reported (docs/decisions/041), with what the editors decided. */
  suggestions: z.array(
    z.strictObject({
      kind: z.enum(["tool", "problem"]),
      status: z.enum(["received", "accepted", "merged", "declined"]),
      name: z.string().nullable(),
      website: z.string().nullable(),
      pitch: z.string().nullable(),
      vendor: z.string().nullable(),
      tool: z.string().nullable(),
      problem: z.string().nullable(),
      details: z.string().nullable(),
      editorsNote: z.string().nullable(),
      createdAt: at,
      decidedAt: at.nullable(),
    }),
  ),
  /** The reason with each vote that has one (by tool slug), newest change first; `helpfulCount`: how many readers marked it helpful. */
  reasons: z.array(
    z.strictObject({
      id: z.string(),
      tool: z.string(),
      decision: z.enum(["ship", "skip"]),
      text: z.string(),
      helpfulCount: z.number().int(),
      /** Hidden by moderators (with their note), or null. */
      hidden: z.strictObject({ at, note: z.string().nullable() }).nullable(),
      createdAt: at,
      updatedAt: at,
    }),
  ),
  /** The reasons of others you marked helpful. */
  helpfulMarks: z.array(z.strictObject({ reasonId: z.string(), createdAt: at })),
  /** The reasons of others you reported to the moderators, with what you wrote. */
  reasonReports: z.array(z.strictObject({ reasonId: z.string(), category: z.enum(REPORT_CATEGORIES), note: z.string().nullable(), createdAt: at })),
  /** The newsletter subscription of the account's email, if there is one (subscriptions belong to an address, not an account). */
  newsletter: z
    .strictObject({
      email: z.string(),
      status: z.enum(["pending", "confirmed", "unsubscribed"]),
      createdAt: at,
      confirmedAt: at.nullable(),
      unsubscribedAt: at.nullable(),
      updatedAt: at,
    })
    .nullable(),
  /** Signed-in browsers: when each session began, was last extended and ends. Never the token. */
  sessions: z.array(z.strictObject({ createdAt: at, updatedAt: at, expires: at })),
  /** Linked sign-in accounts (GitHub…): who the provider says you are. Never the tokens. */
  linkedAccounts: z.array(z.strictObject({ provider: z.string(), providerAccountId: z.string(), type: z.string(), scope: z.string().nullable(), createdAt: at, updatedAt: at })),
  /** Sign-in links emailed and not used yet: only when they expire. */
  pendingSignInLinks: z.array(z.strictObject({ expires: at })),
  /** Staff: every verdict version you saved. */
  verdictRevisions: z.array(
    z.strictObject({
      tool: z.string(),
      reviewer: z.string(),
      version: z.number().int(),
      decision: z.enum(["ship", "skip"]),
      published: z.boolean(),
      body: z.string(),
      reason: z.string().nullable(),
      createdAt: at,
    }),
  ),
  /** Audit entries you made (`as: "actor"`) and those about your account (`"subject"`, e.g. a role change). */
  auditLog: z.array(
    z.strictObject({
      as: z.enum(["actor", "subject"]),
      action: z.string(),
      entityType: z.string(),
      entityId: z.string(),
      before: z.unknown(),
      after: z.unknown(),
      createdAt: at,
    }),
  ),
});
export type UserExport = z.infer<typeof userExportSchema>;

// ---------------------------------------------------------------- the reader of a page

/**
 * What a public page shows that is the reader's own, fetched by the page after
 * it loads (GET /api/me): the shared, cached HTML never holds any of it.
 * No email address: nothing a page shows needs it.
 */
export const viewerSchema = z.object({
  user: z.object({ name: z.string().nullable(), staff: z.boolean() }).nullable(),
  /** The reader's vote on each tool they voted on, by slug. */
  votes: z.record(z.string(), z.enum(["ship", "skip"])),
  /** The slugs of the tools the reader follows (at most MAX_FOLLOWS_PER_USER; docs/decisions/037). */
  follows: z.array(z.string()).max(MAX_FOLLOWS_PER_USER),
});
export type Viewer = z.infer<typeof viewerSchema>;
