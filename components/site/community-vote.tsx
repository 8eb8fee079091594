import type { ToolCard } from "@/lib/tools/select";
import { MIN_COMMUNITY_VOTES } from "@/lib/scores";
import { Card } from "@/components/ui/card";
import { CommunityFigure, ShareBar } from "./score-figures";

/** Community figures side by side (read-only). */
export function CommunityVote({ toolA, toolB }: { toolA: ToolCard; toolB: ToolCard }) {
  return (
    <Card className="p-6">
      <div className="grid gap-6 sm:grid-cols-2">
        {[toolA, toolB].map((tool) => (
          <div key={tool.slug} className="space-y-3">
            <p className="text-sm font-medium">{tool.name}</p>
            <CommunityFigure community={tool.scores.community} emphasis={false} />
            <ShareBar
              share={tool.scores.community.status === "established" ? tool.scores.community.share : null}
              label={`${tool.name}: ${tool.scores.community.countLabel}`}
            />
          </div>
        ))}
      </div>
      <p className="mt-5 border-t border-stone-100 pt-4 text-xs leading-5 text-stone-500 dark:border-stone-800 dark:text-stone-400">
        One ship-or-skip vote per signed-in reader per tool. Below {MIN_COMMUNITY_VOTES} votes a figure is marked
        provisional rather than shown as a bold percentage.
      </p>
    </Card>
  );
}
