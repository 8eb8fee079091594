import type { ToolCard } from "@/lib/tools/select";
import { toVoteCommunity } from "@/lib/votes/schema";
import { ComparisonToolCardView } from "./comparison-tool-card-view";

/** One side of a comparison: who it is, the three figures, and what it does. */
export function ComparisonToolCard({ tool, side }: { tool: ToolCard; side: "A" | "B" }) {
  return (
    <ComparisonToolCardView
      side={side}
      tool={{
        slug: tool.slug,
        name: tool.name,
        logoUrl: tool.logoUrl,
        category: tool.category.name,
        vendor: tool.vendor,
        tagline: tool.tagline,
        description: tool.description,
        entryPrice: tool.entryPrice,
        panel: tool.scores.panel,
        community: toVoteCommunity(tool.scores.community),
        disagreement: tool.scores.disagreement,
      }}
    />
  );
}
