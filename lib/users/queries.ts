import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { REPORT_CATEGORY_JSON } from "@/lib/reasons/schema";
import { toDecisionJson } from "@/lib/scores/decision";
import { site } from "@/lib/site/config";
import { publicName } from "./display-name";
import { DISPLAY_NAME_AUDIT_ACTION, type UserExport } from "./schema";

/** People for the admin's "People" page (the stand-ins of deleted accounts are not people). */
export async function listUsers(search?: string) {
  return db.user.findMany({
    where: { deletedAt: null, ...(search ? { email: { contains: search.toLowerCase() } } : {}) },
    select: { id: true, email: true, name: true, role: true, createdAt: true, _count: { select: { votes: true } } },
    orderBy: [{ role: "asc" }, { createdAt: "desc" }],
    take: 200,
  });
}

const iso = (value: Date) => value.toISOString();
const isoOrNull = (value: Date | null) => (value ? value.toISOString() : null);

/** The newsletter subscription of an address (stored lower-cased), if any. */
function newsletterOf(email: string | null) {
  if (!email) return null;
  return db.newsletterSubscriber.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { email: true, status: true, createdAt: true, confirmedAt: true, unsubscribedAt: true, updatedAt: true },
  });
}

/** What /account shows about the reader's data, beside their votes. */
export async function getAccountOverview(userId: string) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      displayName: true,
      _count: {
        select: {
          votes: true,
          reasons: true,
          helpfulMarks: true,
          reasonReports: true,
          sessions: true,
          verdictRevisions: true,
          // A reader's own name changes are not staff history (deleteUser deletes them).
          auditLogs: { where: { action: { not: DISPLAY_NAME_AUDIT_ACTION } } },
        },
      },
      accounts: { select: { provider: true }, orderBy: { provider: "asc" } },
    },
  });
  const newsletter = await newsletterOf(user.email);
  return {
    /** The name the reader chose, or null. */
    displayName: user.displayName,
    /** The name shown with their reasons: the one they chose, or the generated one. */
    publicName: publicName(user),
    votes: user._count.votes,
    reasons: user._count.reasons,
    helpfulMarks: user._count.helpfulMarks,
    reasonReports: user._count.reasonReports,
    sessions: user._count.sessions,
    staffHistory: user._count.verdictRevisions + user._count.auditLogs,
    providers: user.accounts.map((account) => account.provider),
    newsletter: newsletter ? (newsletter.status.toLowerCase() as Lowercase<typeof newsletter.status>) : null,
  };
}

const exportSelect = {
  id: true,
  email: true,
  name: true,
  image: true,
  emailVerified: true,
  role: true,
  displayName: true,
  reasonsMutedUntil: true,
  createdAt: true,
  updatedAt: true,
  votes: {
    select: { decision: true, createdAt: true, updatedAt: true, tool: { select: { slug: true, name: true } } },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
  },
  follows: { select: { createdAt: true, tool: { select: { slug: true, name: true } } }, orderBy: [{ createdAt: "desc" }, { toolId: "asc" }] },
  suggestions: {
    select: { kind: true, status: true, name: true, website: true, pitch: true, vendor: true, problemCategory: true, details: true, decisionNote: true, createdAt: true, decidedAt: true, tool: { select: { slug: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  },
  // Not `reportCount` nor `score`: what other readers reported stays with the moderators.
  reasons: {
    select: { id: true, decision: true, text: true, helpfulCount: true, hiddenAt: true, hiddenReason: true, createdAt: true, updatedAt: true, tool: { select: { slug: true } } },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
  },
  helpfulMarks: { select: { reasonId: true, createdAt: true }, orderBy: [{ createdAt: "asc" }, { reasonId: "asc" }] },
  reasonReports: { select: { reasonId: true, category: true, note: true, createdAt: true }, orderBy: [{ createdAt: "asc" }, { reasonId: "asc" }] },
  // Never `sessionToken`.
  sessions: { select: { createdAt: true, updatedAt: true, expires: true }, orderBy: { createdAt: "asc" } },
  // Never `access_token`, `refresh_token`, `id_token`, `session_state` (nor their type and expiry).
  accounts: {
    select: { provider: true, providerAccountId: true, type: true, scope: true, createdAt: true, updatedAt: true },
    orderBy: [{ provider: "asc" }, { providerAccountId: "asc" }],
  },
  verdictRevisions: {
    select: {
      version: true,
      decision: true,
      published: true,
      body: true,
      reason: true,
      createdAt: true,
      verdict: { select: { tool: { select: { slug: true } }, reviewer: { select: { slug: true } } } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  },
  auditLogs: {
    select: { action: true, entityType: true, entityId: true, before: true, after: true, createdAt: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  },
} satisfies Prisma.UserSelect;

/**
 * Everything the database holds about one person, for them to download
 * (GET /api/account/export): their profile (with their display name), votes, follows,
 * the reasons with them, the helpful marks and reports they gave, the newsletter
 * subscription of their email, sessions and linked accounts without their
 * tokens, sign-in links not used yet (expiry only), and, for staff, the verdict
 * versions they saved and the audit entries they made or that are about them.
 * Null when the user does not exist.
 */
export async function exportUserData(userId: string): Promise<UserExport | null> {
  const user = await db.user.findUnique({ where: { id: userId, deletedAt: null }, select: exportSelect });
  if (!user) return null;
  const [newsletter, links, aboutThem] = await Promise.all([
    newsletterOf(user.email),
    user.email
      ? db.verificationToken.findMany({ where: { identifier: { equals: user.email, mode: "insensitive" } }, select: { expires: true }, orderBy: { expires: "asc" } })
      : [],
    db.auditLog.findMany({
      // Not those they made themselves (their own display-name changes): listed once, as "actor".
      where: { entityType: "User", entityId: userId, OR: [{ actorId: null }, { actorId: { not: userId } }] },
      select: { action: true, entityType: true, entityId: true, before: true, after: true, createdAt: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  ]);
  const audit = (as: "actor" | "subject") => (entry: (typeof aboutThem)[number]) => ({
    as,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before,
    after: entry.after,
    createdAt: iso(entry.createdAt),
  });
  return {
    format: "account-export",
    version: 1,
    site: site.name,
    exportedAt: new Date().toISOString(),
    profile: {
      id: user.id,
      email: user.email,
      name: user.name,
      image: user.image,
      emailVerified: isoOrNull(user.emailVerified),
      role: user.role,
      displayName: user.displayName,
      reasonsMutedUntil: isoOrNull(user.reasonsMutedUntil),
      createdAt: iso(user.createdAt),
      updatedAt: iso(user.updatedAt),
    },
    votes: user.votes.map((vote) => ({ tool: vote.tool, decision: toDecisionJson(vote.decision), createdAt: iso(vote.createdAt), updatedAt: iso(vote.updatedAt) })),
    follows: user.follows.map((follow) => ({ tool: follow.tool, createdAt: iso(follow.createdAt) })),
    suggestions: user.suggestions.map((suggestion) => ({
      kind: suggestion.kind === "TOOL" ? ("tool" as const) : ("problem" as const),
      status: suggestion.status.toLowerCase() as "received" | "accepted" | "merged" | "declined",
      name: suggestion.name,
      website: suggestion.website,
      pitch: suggestion.pitch,
      vendor: suggestion.vendor,
      tool: suggestion.tool?.slug ?? null,
      problem: suggestion.problemCategory ? suggestion.problemCategory.toLowerCase().replace(/_/g, "-") : null,
      details: suggestion.details,
      editorsNote: suggestion.decisionNote,
      createdAt: iso(suggestion.createdAt),
      decidedAt: isoOrNull(suggestion.decidedAt),
    })),
    reasons: user.reasons.map((reason) => ({
      id: reason.id,
      tool: reason.tool.slug,
      decision: toDecisionJson(reason.decision),
      text: reason.text,
      helpfulCount: reason.helpfulCount,
      hidden: reason.hiddenAt ? { at: iso(reason.hiddenAt), note: reason.hiddenReason } : null,
      createdAt: iso(reason.createdAt),
      updatedAt: iso(reason.updatedAt),
    })),
    helpfulMarks: user.helpfulMarks.map((mark) => ({ reasonId: mark.reasonId, createdAt: iso(mark.createdAt) })),
    reasonReports: user.reasonReports.map((report) => ({
      reasonId: report.reasonId,
      category: REPORT_CATEGORY_JSON[report.category],
      note: report.note,
      createdAt: iso(report.createdAt),
    })),
    newsletter: newsletter
      ? {
          email: newsletter.email,
          status: newsletter.status === "CONFIRMED" ? "confirmed" : newsletter.status === "PENDING" ? "pending" : "unsubscribed",
          createdAt: iso(newsletter.createdAt),
          confirmedAt: isoOrNull(newsletter.confirmedAt),
          unsubscribedAt: isoOrNull(newsletter.unsubscribedAt),
          updatedAt: iso(newsletter.updatedAt),
        }
      : null,
    sessions: user.sessions.map((session) => ({ createdAt: iso(session.createdAt), updatedAt: iso(session.updatedAt), expires: iso(session.expires) })),
    linkedAccounts: user.accounts.map((account) => ({ ...account, createdAt: iso(account.createdAt), updatedAt: iso(account.updatedAt) })),
    pendingSignInLinks: links.map((link) => ({ expires: iso(link.expires) })),
    verdictRevisions: user.verdictRevisions.map((revision) => ({
      tool: revision.verdict.tool.slug,
      reviewer: revision.verdict.reviewer.slug,
      version: revision.version,
      decision: toDecisionJson(revision.decision),
      published: revision.published,
      body: revision.body,
      reason: revision.reason,
      createdAt: iso(revision.createdAt),
    })),
    auditLog: [...user.auditLogs.map(audit("actor")), ...aboutThem.map(audit("subject"))],
  };
}

