import "server-only";
import { db, readDb } from "@/lib/db";

/** A verdict with everything the admin editor shows: its tool, reviewer and full history. */
export async function getVerdictForEdit(id: string) {
  return db.verdict.findUnique({
    where: { id },
    select: {
      id: true,
      decision: true,
      body: true,
      published: true,
      version: true,
      updatedAt: true,
      tool: { select: { slug: true, name: true } },
      reviewer: { select: { slug: true, name: true, lens: true } },
      revisions: {
        orderBy: { version: "desc" },
        select: {
          version: true,
          decision: true,
          body: true,
          published: true,
          reason: true,
          createdAt: true,
          editor: { select: { name: true, email: true } },
        },
      },
    },
  });
}

export type VerdictForEdit = NonNullable<Awaited<ReturnType<typeof getVerdictForEdit>>>;

/** Every verdict for the admin table, filtered by tool and reviewer slugs. */
export async function listVerdictsForAdmin(filter: { tool?: string; reviewer?: string; sort?: "updated" | "tool" }) {
  return db.verdict.findMany({
    where: {
      ...(filter.tool ? { tool: { slug: filter.tool } } : {}),
      ...(filter.reviewer ? { reviewer: { slug: filter.reviewer } } : {}),
    },
    select: {
      id: true,
      decision: true,
      published: true,
      version: true,
      updatedAt: true,
      tool: { select: { slug: true, name: true, archivedAt: true } },
      reviewer: { select: { slug: true, name: true, lens: true } },
    },
    orderBy:
      filter.sort === "tool"
        ? [{ tool: { name: "asc" } }, { reviewer: { position: "asc" } }]
        : [{ updatedAt: "desc" }, { id: "asc" }],
  });
}

/**
 * The public history of one verdict: every published version with what
 * changed and why. Who changed it is never part of it (the page is the same,
 * cached, for every reader); staff see editors in the admin's verdict page.
 */
export async function getPublicVerdictHistory(toolSlug: string, reviewerSlug: string) {
  return readDb.verdict.findFirst({
    where: { tool: { slug: toolSlug, draft: false }, reviewer: { slug: reviewerSlug, active: true }, published: true },
    select: {
      decision: true,
      tool: { select: { slug: true, name: true } },
      reviewer: { select: { slug: true, name: true, lens: true } },
      revisions: {
        where: { published: true },
        orderBy: { version: "desc" },
        select: {
          version: true,
          decision: true,
          body: true,
          reason: true,
          createdAt: true,
        },
      },
    },
  });
}

/** The tool and reviewer a new verdict is for, and the id of the one that already exists, if any. */
export async function getVerdictTarget(toolId: string, reviewerId: string) {
  const [tool, reviewer, existing] = await Promise.all([
    db.tool.findUnique({ where: { id: toolId }, select: { id: true, name: true } }),
    db.reviewer.findUnique({ where: { id: reviewerId }, select: { id: true, name: true, lens: true } }),
    db.verdict.findUnique({ where: { toolId_reviewerId: { toolId, reviewerId } }, select: { id: true } }),
  ]);
  if (!tool || !reviewer) return null;
  return { tool, reviewer, existingId: existing?.id ?? null };
}

/** Each reviewer of the panel with their verdict on one tool, if any (admin tool page). */
export async function listPanelForTool(toolId: string) {
  const reviewers = await db.reviewer.findMany({
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: { id: true, name: true, lens: true, active: true, verdicts: { where: { toolId }, select: { id: true, decision: true, published: true, version: true } } },
  });
  return reviewers.map(({ verdicts, ...reviewer }) => ({ reviewer, verdict: verdicts[0] ?? null }));
}

/**
 * Published verdicts (of reviewers on the panel, on listed tools) last revised more than
 * `days` days ago, oldest first: the re-review queue (/admin/stale).
 */
export async function listReviewsDue(days: number, limit = 200) {
  return db.verdict.findMany({
    where: {
      published: true,
      reviewer: { active: true },
      tool: { archivedAt: null },
      updatedAt: { lt: new Date(Date.now() - days * 86_400_000) },
    },
    orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
    take: limit,
    select: { id: true, decision: true, updatedAt: true, tool: { select: { slug: true, name: true } }, reviewer: { select: { name: true } } },
  });
}
