import type { Prisma } from "@/lib/generated/prisma/client";

export const reviewerSummarySelect = {
  id: true,
  slug: true,
  name: true,
  lens: true,
  bio: true,
  position: true,
} satisfies Prisma.ReviewerSelect;

export type ReviewerSummary = Prisma.ReviewerGetPayload<{ select: typeof reviewerSummarySelect }>;

/** Published verdicts of active reviewers, in panel order: what public pages show. */
export const publicVerdictWhere = {
  published: true,
  reviewer: { active: true },
} satisfies Prisma.VerdictWhereInput;

export const publicVerdictSelect = {
  id: true,
  toolId: true,
  decision: true,
  body: true,
  publishedAt: true,
  updatedAt: true,
  version: true,
  reviewer: { select: reviewerSummarySelect },
} satisfies Prisma.VerdictSelect;

export type PublicVerdict = Prisma.VerdictGetPayload<{ select: typeof publicVerdictSelect }>;
