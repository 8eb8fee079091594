import "server-only";
import { randomBytes } from "node:crypto";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { announceReasons, announceUpdatedToolStats } from "@/lib/db-events/announce";
import { Prisma } from "@/lib/generated/prisma/client";
import { displayNameSchema } from "./display-name";
import { DISPLAY_NAME_AUDIT_ACTION, type NewsletterOutcome } from "./schema";

export class RoleChangeError extends Error {}

/**
 * Grants or revokes STAFF. Admins cannot be changed here (ADMIN comes from
 * ADMIN_EMAILS) and nobody changes their own role. Audited; a no-op writes
 * nothing. Takes effect on the user's next request (sessions re-read roles).
 */
export async function setStaffRole(userId: string, role: "USER" | "STAFF", actorId: string): Promise<boolean> {
  if (userId === actorId) throw new RoleChangeError("You cannot change your own role.");
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true, email: true, deletedAt: true } });
    if (!user || user.deletedAt) throw new RoleChangeError("That user does not exist.");
    if (user.role === "ADMIN") throw new RoleChangeError("Admins are set by ADMIN_EMAILS, not here.");
    if (user.role === role) return false;
    await tx.user.update({ where: { id: userId }, data: { role } });
    await recordAudit(tx, { actorId, action: "user.role", entityType: "User", entityId: userId, before: { role: user.role }, after: { role } });
    return true;
  });
}

// ---------------------------------------------------------------- the display name

/** A display name refused on write; the message is for the reader (shown under the field). */
export class DisplayNameError extends Error {}

export const REVIEWER_NAME_MESSAGE = "That is the name of one of our panel reviewers. Choose a name of your own.";

/** How two names compare: as displayNameSchema writes them (NFC, spaces collapsed, trimmed), in any case. */
const nameKey = (name: string) => name.normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase();

/**
 * Sets the name shown with a reader's reasons; null goes back to the
 * generated one (lib/users/display-name.ts). The name is parsed again by
 * `displayNameSchema`, and refused (DisplayNameError) when it is, in any case
 * and after trimming, the name of a stored panel reviewer: readers must not
 * pass for the panel. The reader is both actor and subject of the audit entry
 * (before/after); the tools they gave reasons for are announced on the
 * reasons channel in the same transaction, so cached pages show the new name.
 * A no-op writes nothing and returns false.
 */
export async function setDisplayName(userId: string, displayName: string | null): Promise<boolean> {
  const parsed = displayNameSchema.nullable().safeParse(displayName);
  if (!parsed.success) throw new DisplayNameError(parsed.error.issues[0]?.message ?? "That name cannot be used.");
  const name = parsed.data;
  return db.$transaction(async (tx) => {
    if (name !== null) {
      const reviewers = await tx.reviewer.findMany({ select: { name: true } });
      if (reviewers.some((reviewer) => nameKey(reviewer.name) === nameKey(name))) throw new DisplayNameError(REVIEWER_NAME_MESSAGE);
    }
    const [user] = await tx.$queryRaw<{ displayName: string | null }[]>`
      SELECT "displayName" FROM "User" WHERE "id" = ${userId} AND "deletedAt" IS NULL FOR UPDATE`;
    if (!user) throw new DisplayNameError("That account does not exist.");
    if (user.displayName === name) return false;
    await tx.user.update({ where: { id: userId }, data: { displayName: name } });
    await recordAudit(tx, {
      actorId: userId,
      action: DISPLAY_NAME_AUDIT_ACTION,
      entityType: "User",
      entityId: userId,
      before: { displayName: user.displayName },
      after: { displayName: name },
    });
    const shown = await tx.tool.findMany({ where: { reasons: { some: { userId } } }, select: { slug: true } });
    await announceReasons(tx, shown.map((tool) => tool.slug));
    return true;
  });
}

// ---------------------------------------------------------------- deleting an account

/** What an audit entry shows where it held a deleted account's email (or its id, when no stand-in took it). */
export const SCRUBBED = "[deleted account]";

export type DeletedUser = {
  /** Votes withdrawn, one per tool. */
  votesWithdrawn: number;
  /** The tools whose community figures moved (and were announced), by slug, sorted. */
  tools: string[];
  newsletter: NewsletterOutcome;
  /** The pseudonymous stand-in that now holds the account's audit entries and verdict revisions, if it had any. */
  standInId: string | null;
};

type Tx = Prisma.TransactionClient;

/**
 * Deletes a person's account in one transaction (docs/decisions/019):
 *
 * 1. locks the User row — a vote being written for this user holds a key-share
 *    lock on it (its foreign key), so this waits for that vote and then
 *    withdraws it; a vote that comes later waits for this transaction and then
 *    finds no user (the foreign key refuses it);
 * 2. locks the ToolStats row of every tool they voted on, in toolId order (the
 *    vote path locks one such row at a time, so this never deadlocks with it);
 * 3. in one statement deletes every vote, moves each tool's counters and
 *    announces the new figures (`pg_notify('tool_stats', …)`, as a vote does);
 * 4. deletes their follows, sessions, linked accounts and unused sign-in links, and the
 *    audit entries of their own display-name changes (the name is theirs, not
 *    staff history: it does not outlive the account under the stand-in);
 * 5. deletes the newsletter subscription of their email, unless `keepNewsletter`
 *    and it is pending or confirmed (an unsubscribed row always goes: it would
 *    hold the address for nothing);
 * 6. scrubs their email (and id) from every audit entry's before/after, and moves
 *    the audit entries they made or that are about them, and the verdict versions
 *    they saved, to a new pseudonymous stand-in (only if there are any);
 * 7. deletes the User row. Vote → User is ON DELETE RESTRICT: had a vote been
 *    left behind, the database would refuse and nothing would change.
 *
 * Returns null when there is no such (live) user: nothing to delete.
 */
export async function deleteUser(userId: string, options: { keepNewsletter?: boolean } = {}): Promise<DeletedUser | null> {
  return db.$transaction(
    async (tx) => {
      const [user] = await tx.$queryRaw<{ id: string; email: string | null }[]>`
        SELECT "id", "email" FROM "User" WHERE "id" = ${userId} AND "deletedAt" IS NULL FOR UPDATE`;
      if (!user) return null;

      const tools = await withdrawAllVotes(tx, userId);

      await tx.follow.deleteMany({ where: { userId } });
      await tx.session.deleteMany({ where: { userId } });
      await tx.account.deleteMany({ where: { userId } });
      if (user.email) await tx.verificationToken.deleteMany({ where: { identifier: { equals: user.email, mode: "insensitive" } } });
      await tx.auditLog.deleteMany({ where: { action: DISPLAY_NAME_AUDIT_ACTION, actorId: userId, entityType: "User", entityId: userId } });

      const newsletter = await endSubscription(tx, user.email, options.keepNewsletter ?? false);
      const standInId = await keepHistoryPseudonymous(tx, user);

      // Their helpful marks and reports on others' reasons go with the account (a cascade, the counts
      // following by trigger): the pages showing those reasons are refreshed.
      const marked = await tx.tool.findMany({
        where: { reasons: { some: { OR: [{ helpfulMarks: { some: { userId } } }, { reports: { some: { userId } } }] } } },
        select: { slug: true },
      });
      await tx.user.delete({ where: { id: userId } });
      await announceReasons(tx, marked.map((tool) => tool.slug));
      return { votesWithdrawn: tools.length, tools, newsletter, standInId };
    },
    // A deletion waits for the row locks of votes in flight on the same tools, like a vote does.
    { maxWait: 15_000, timeout: 30_000 },
  );
}

/**
 * Withdraws every vote of a user through the counter path: the tools' counter
 * rows locked in a fixed order, then one statement that deletes the votes,
 * moves the counters by exactly what was deleted and announces the figures.
 * Returns the slugs of the tools whose figures moved.
 */
async function withdrawAllVotes(tx: Tx, userId: string): Promise<string[]> {
  await tx.$queryRaw`
    SELECT s."toolId" FROM "ToolStats" s
    WHERE s."toolId" IN (SELECT "toolId" FROM "Vote" WHERE "userId" = ${userId})
    ORDER BY s."toolId"
    FOR UPDATE OF s`;
  const moved = await tx.$queryRaw<{ slug: string }[]>`
    WITH removed AS (
      DELETE FROM "Vote" WHERE "userId" = ${userId} RETURNING "toolId", "decision", "pending", "voidId"
    ),
    delta AS (
      -- Only counted votes are in the figures; pending ones in "pendingVotes"; voided ones nowhere (docs/decisions/030).
      SELECT "toolId",
        count(*) FILTER (WHERE "decision" = 'SHIP' AND NOT "pending" AND "voidId" IS NULL)::int AS ship,
        count(*) FILTER (WHERE NOT "pending" AND "voidId" IS NULL)::int AS total,
        count(*) FILTER (WHERE "pending" AND "voidId" IS NULL)::int AS pending
      FROM removed GROUP BY "toolId"
    ),
    updated AS (
      UPDATE "ToolStats" s
      SET "communityShip" = s."communityShip" - d.ship, "communityTotal" = s."communityTotal" - d.total,
          "pendingVotes" = s."pendingVotes" - d.pending, "updatedAt" = now()
      FROM delta d
      WHERE s."toolId" = d."toolId"
      RETURNING s."toolId", s."panelShip", s."panelTotal", s."communityShip", s."communityTotal"
    ),
    announced AS (${announceUpdatedToolStats})
    SELECT t."slug" FROM updated u JOIN "Tool" t ON t."id" = u."toolId"
    CROSS JOIN (SELECT count(*) FROM announced) a
    ORDER BY t."slug"`;
  return moved.map((row) => row.slug);
}

/** Rule of docs/decisions/019: the subscription of the account's email goes with the account unless the reader keeps a live one. */
async function endSubscription(tx: Tx, email: string | null, keep: boolean): Promise<NewsletterOutcome> {
  if (!email) return "none";
  const subscriber = await tx.newsletterSubscriber.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, status: true } });
  if (!subscriber) return "none";
  if (keep && subscriber.status !== "UNSUBSCRIBED") return "kept";
  // Its single-use tokens go with it (ON DELETE CASCADE).
  await tx.newsletterSubscriber.delete({ where: { id: subscriber.id } });
  return "removed";
}

/**
 * The audit trail and verdict history outlive the person, without naming
 * them: rows that point at the user move to a fresh stand-in (a User row with
 * no email, name "Deleted account #…", `deletedAt` set; its id is new, so
 * nothing links it to the old one), and their email is scrubbed from every
 * entry's before/after, whoever wrote it.
 */
async function keepHistoryPseudonymous(tx: Tx, user: { id: string; email: string | null }): Promise<string | null> {
  const [refs] = await tx.$queryRaw<{ any: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM "AuditLog" WHERE "actorId" = ${user.id})
        OR EXISTS (SELECT 1 FROM "AuditLog" WHERE "entityType" = 'User' AND "entityId" = ${user.id})
        OR EXISTS (SELECT 1 FROM "VerdictRevision" WHERE "editorId" = ${user.id}) AS "any"`;
  let standInId: string | null = null;
  if (refs?.any) {
    const standIn = await tx.user.create({
      data: { name: `Deleted account #${randomBytes(3).toString("hex")}`, role: "USER", deletedAt: new Date() },
      select: { id: true },
    });
    standInId = standIn.id;
    await tx.auditLog.updateMany({ where: { actorId: user.id }, data: { actorId: standInId } });
    await tx.auditLog.updateMany({ where: { entityType: "User", entityId: user.id }, data: { entityId: standInId } });
    await tx.verdictRevision.updateMany({ where: { editorId: user.id }, data: { editorId: standInId } });
  }

  const needles = [user.email?.trim().toLowerCase(), user.id].filter((needle): needle is string => Boolean(needle));
  const rows = await tx.$queryRaw<{ id: string; before: Prisma.JsonValue | null; after: Prisma.JsonValue | null }[]>`
    SELECT "id", "before", "after" FROM "AuditLog"
    WHERE EXISTS (
      SELECT 1 FROM unnest(${needles}::text[]) AS needle
      WHERE strpos(lower(coalesce("before"::text, '') || ' ' || coalesce("after"::text, '')), lower(needle)) > 0
    )`;
  const replace = (text: string) => {
    let result = text;
    if (user.email) result = replaceInsensitive(result, user.email.trim(), SCRUBBED);
    return result.split(user.id).join(standInId ?? SCRUBBED);
  };
  for (const row of rows) {
    const before = scrubJson(row.before, replace);
    const after = scrubJson(row.after, replace);
    await tx.auditLog.update({
      where: { id: row.id },
      data: {
        ...(JSON.stringify(before) !== JSON.stringify(row.before) ? { before: toJsonInput(before) } : {}),
        ...(JSON.stringify(after) !== JSON.stringify(row.after) ? { after: toJsonInput(after) } : {}),
      },
    });
  }
  return standInId;
}

function replaceInsensitive(text: string, needle: string, replacement: string): string {
  if (!needle) return text;
  const lower = text.toLowerCase();
  const target = needle.toLowerCase();
  let out = "";
  let from = 0;
  for (let at = lower.indexOf(target); at !== -1; at = lower.indexOf(target, from)) {
    out += text.slice(from, at) + replacement;
    from = at + target.length;
  }
  return out + text.slice(from);
}

/** Every string in a JSON value (keys included) passed through `replace`. */
function scrubJson(value: Prisma.JsonValue | null, replace: (text: string) => string): Prisma.JsonValue | null {
  if (typeof value === "string") return replace(value);
  if (Array.isArray(value)) return value.map((item) => scrubJson(item, replace));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [replace(key), scrubJson(item ?? null, replace)]));
  }
  return value;
}

const toJsonInput = (value: Prisma.JsonValue | null) => (value === null ? Prisma.DbNull : (value as Prisma.InputJsonValue));
