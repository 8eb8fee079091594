import { toDecisionJson } from "@/lib/scores/decision";
import { toToolPricingResponse, toToolSummaryResponse } from "@/lib/tools/api";
import type { ToolCard } from "@/lib/tools/select";
import type { PublicVerdict } from "@/lib/reviewers/select";
import { generatedBottomLine, splitSummary } from "./bottom-line";
import type { ComparisonView } from "./queries";
import type { ComparisonDetailResponse } from "./schema";

const call = (verdict: PublicVerdict | null) => (verdict ? toDecisionJson(verdict.decision) : null);

function tool(card: ToolCard) {
  return { ...toToolSummaryResponse(card), description: card.description, pricing: toToolPricingResponse(card), specs: card.specs };
}

export function toComparisonResponse(comparison: ComparisonView): ComparisonDetailResponse {
  const reviewer = (verdict: PublicVerdict) => ({
    slug: verdict.reviewer.slug,
    name: verdict.reviewer.name,
    lens: verdict.reviewer.lens,
  });
  return {
    slug: comparison.slug,
    url: `/compare/${comparison.slug}`,
    title: comparison.title,
    curated: comparison.curated,
    headline: comparison.headline,
    intro: comparison.intro,
    bottomLine: {
      picks: comparison.picks,
      generated: comparison.picks ? null : generatedBottomLine(comparison.toolA, comparison.toolB, comparison.split).join(" "),
      split: splitSummary(comparison.split),
    },
    publishedAt: comparison.publishedAt?.toISOString() ?? null,
    tools: [tool(comparison.toolA), tool(comparison.toolB)],
    split: comparison.split.map((row) => ({
      reviewer: { slug: row.reviewer.slug, name: row.reviewer.name, lens: row.reviewer.lens },
      a: call(row.a),
      b: call(row.b),
      differs: row.differs,
    })),
    scorecard: comparison.split.flatMap((row) =>
      [row.a, row.b]
        .filter((verdict): verdict is PublicVerdict => verdict !== null)
        .map((verdict) => ({
          tool: verdict.toolId === comparison.toolA.id ? comparison.toolA.slug : comparison.toolB.slug,
          reviewer: reviewer(verdict),
          decision: toDecisionJson(verdict.decision),
          body: verdict.body,
          publishedAt: verdict.publishedAt?.toISOString() ?? null,
          updatedAt: verdict.updatedAt.toISOString(),
        })),
    ),
  };
}
