import "server-only";
import { cache } from "react";
import { db, readDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { communityAgreement, panelAgreement, panelScore, type AgreementInput } from "@/lib/scores";
import { publicVerdictWhere } from "./select";

export async function listReviewersForAdmin() {
  return db.reviewer.findMany({
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: { id: true, slug: true, name: true, lens: true, active: true, _count: { select: { verdicts: true } } },
  });
}

export async function getReviewerForEdit(id: string) {
  return db.reviewer.findUnique({ where: { id } });
}

const reviewerProfileSelect = {
  id: true,
  slug: true,
  name: true,
  lens: true,
  bio: true,
  excitedBy: true,
  tiredOf: true,
  position: true,
  active: true,
  verdicts: {
    where: { published: true },
    orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { updatedAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      decision: true,
      body: true,
      version: true,
      publishedAt: true,
      updatedAt: true,
      tool: {
        select: {
          id: true,
          slug: true,
          name: true,
          vendor: true,
          archivedAt: true,
          category: { select: { name: true } },
          stats: { select: { communityShip: true, communityTotal: true } },
          verdicts: { where: publicVerdictWhere, select: { reviewerId: true, decision: true } },
        },
      },
    },
  },
} satisfies Prisma.ReviewerSelect;

type ReviewerProfileRow = Prisma.ReviewerGetPayload<{ select: typeof reviewerProfileSelect }>;

/** A reviewer as public pages show them: ship rate, agreement, and verdicts newest first. */
function toReviewerProfile(row: ReviewerProfileRow) {
  const { verdicts, ...reviewer } = row;
  // Figures count listed tools only; the history below keeps archived ones, marked.
  const listed = verdicts.filter((verdict) => verdict.tool.archivedAt === null);
  const inputs: AgreementInput[] = listed.map((verdict) => ({
    decision: verdict.decision,
    others: verdict.tool.verdicts.filter((other) => other.reviewerId !== row.id).map((other) => other.decision),
    community: { ship: verdict.tool.stats?.communityShip ?? 0, total: verdict.tool.stats?.communityTotal ?? 0 },
  }));
  return {
    ...reviewer,
    shipRate: panelScore({ ship: listed.filter((verdict) => verdict.decision === "SHIP").length, total: listed.length }),
    panelAgreement: panelAgreement(inputs),
    communityAgreement: communityAgreement(inputs),
    verdicts: verdicts.map(({ tool, ...verdict }) => ({
      ...verdict,
      tool: { slug: tool.slug, name: tool.name, vendor: tool.vendor, category: tool.category.name, archived: tool.archivedAt !== null },
    })),
  };
}

export type ReviewerProfile = ReturnType<typeof toReviewerProfile>;

/** The active panel in panel order, with each reviewer's figures. */
export const listPanel = cache(async () => {
  const rows = await readDb.reviewer.findMany({
    where: { active: true },
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: reviewerProfileSelect,
  });
  return rows.map(toReviewerProfile);
});

/** One reviewer by slug (a former panel member too, marked inactive); null when unknown. */
export const getReviewerProfile = cache(async (slug: string) => {
  const row = await readDb.reviewer.findUnique({ where: { slug }, select: reviewerProfileSelect });
  return row ? toReviewerProfile(row) : null;
});
