import type { Prisma } from "@/lib/generated/prisma/client";
import { logoUrlOf } from "@/lib/logos/url";
import { toolScores } from "@/lib/scores";
import { readSpecs } from "@/lib/specs/schema";
import { PRICING_MODEL_LABELS } from "./pricing-models";

/** The columns every tool card needs, with its counters (never counted per request). */
export const toolCardSelect = {
  id: true,
  slug: true,
  name: true,
  vendor: true,
  tagline: true,
  description: true,
  website: true,
  license: true,
  pricingModel: true,
  entryPrice: true,
  pricingDetail: true,
  pricingSourceUrl: true,
  pricingVerifiedAt: true,
  releasedAt: true,
  specs: true,
  archivedAt: true,
  updatedAt: true,
  category: { select: { slug: true, name: true } },
  stats: { select: { panelShip: true, panelTotal: true, communityShip: true, communityTotal: true, pendingVotes: true } },
  logo: { select: { hash: true, contentType: true } },
} satisfies Prisma.ToolSelect;

export type ToolCardRow = Prisma.ToolGetPayload<{ select: typeof toolCardSelect }>;

export { PRICING_MODEL_LABELS };

/** A tool as pages and the API show it: catalogue fields plus computed scores. */
export function toToolCard(row: ToolCardRow) {
  const { stats, logo, ...tool } = row;
  return {
    ...tool,
    specs: readSpecs(tool.specs),
    /** The logo's content-addressed path, or null (a monogram shows): docs/decisions/033-logos.md. */
    logoUrl: logoUrlOf(logo),
    archived: tool.archivedAt !== null,
    pricingModelLabel: PRICING_MODEL_LABELS[tool.pricingModel],
    scores: toolScores(stats),
    /** Votes from new accounts, stored but not in the community figure yet (docs/decisions/030). */
    pendingVotes: stats?.pendingVotes ?? 0,
  };
}

export type ToolCard = ReturnType<typeof toToolCard>;

/** The ToolStats behind a card's scores, for the live layer to start from. */
export function liveTool(card: ToolCard) {
  const { panel, community } = card.scores;
  return {
    slug: card.slug,
    name: card.name,
    stats: { panelShip: panel.ship, panelTotal: panel.total, communityShip: community.ship, communityTotal: community.total },
  };
}
