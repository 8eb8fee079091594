import { toDecisionJson } from "@/lib/scores/decision";
import type { ToolCard } from "./select";
import type { ToolDetail } from "./queries";
import type { ToolDetailResponse, ToolSummaryResponse } from "./schema";

const isoDate = (value: Date | null) => (value ? value.toISOString().slice(0, 10) : null);

/** `pending`: the tool's votes from new accounts, stored but not counted yet (docs/decisions/030). */
export function toolScoresResponse(scores: ToolCard["scores"], pending: number): ToolSummaryResponse["scores"] {
  const { panel, community } = scores;
  return {
    panel: { ship: panel.ship, total: panel.total, percent: panel.percent, label: panel.label, split: panel.splitLabel },
    community: {
      ship: community.ship,
      total: community.total,
      percent: community.percent,
      label: community.label,
      status: community.status,
      interval: community.interval,
      pending,
    },
    disagreement: scores.disagreement?.label ?? null,
  };
}

export function toToolSummaryResponse(tool: ToolCard): ToolSummaryResponse {
  return {
    slug: tool.slug,
    name: tool.name,
    vendor: tool.vendor,
    category: tool.category,
    tagline: tool.tagline,
    url: `/tools/${tool.slug}`,
    logoUrl: tool.logoUrl,
    archived: tool.archived,
    pricing: { model: tool.pricingModel, entry: tool.entryPrice },
    scores: toolScoresResponse(tool.scores, tool.pendingVotes),
  };
}

export function toToolPricingResponse(tool: ToolCard): ToolDetailResponse["pricing"] {
  return {
    model: tool.pricingModel,
    entry: tool.entryPrice,
    detail: tool.pricingDetail,
    sourceUrl: tool.pricingSourceUrl,
    verifiedAt: isoDate(tool.pricingVerifiedAt),
  };
}

export function toToolDetailResponse(tool: ToolDetail): ToolDetailResponse {
  return {
    ...toToolSummaryResponse(tool),
    description: tool.description,
    website: tool.website,
    license: tool.license,
    releasedAt: isoDate(tool.releasedAt),
    specs: tool.specs,
    pricing: toToolPricingResponse(tool),
    verdicts: tool.verdicts.map((verdict) => ({
      reviewer: { slug: verdict.reviewer.slug, name: verdict.reviewer.name, lens: verdict.reviewer.lens },
      decision: toDecisionJson(verdict.decision),
      body: verdict.body,
      publishedAt: verdict.publishedAt?.toISOString() ?? null,
      updatedAt: verdict.updatedAt.toISOString(),
    })),
    comparisons: tool.comparisons.map((comparison) => ({
      slug: comparison.slug,
      title: `${comparison.toolA.name} vs ${comparison.toolB.name}`,
      url: `/compare/${comparison.slug}`,
    })),
  };
}
