import type { ToolCard } from "@/lib/tools/select";
import { MIN_COMMUNITY_VOTES } from "@/lib/scores";
import { env } from "@/lib/env";
import { toVoteCommunity } from "@/lib/votes/schema";
import { newAccountAgeWords } from "@/lib/votes/pending";
import { Card } from "@/components/ui/card";
import { FollowButton } from "./follow-button";
import { VoteWidget } from "./vote-widget";

type Props = {
  toolA: ToolCard;
  toolB: ToolCard;
  returnTo: string;
};

/** Community figures side by side, each with its vote widget and Follow button. */
export function CommunityVote({ toolA, toolB, returnTo }: Props) {
  return (
    <Card className="p-6">
      <div className="grid gap-8 sm:grid-cols-2">
        {[toolA, toolB].map((tool) => (
          <div key={tool.slug} className="space-y-3">
            <div className="flex items-center justify-between gap-3">
              <p className="text-sm font-medium">{tool.name}</p>
              <FollowButton tool={{ slug: tool.slug, name: tool.name }} returnTo={returnTo} />
            </div>
            <VoteWidget
              largeFigure
              tool={{ slug: tool.slug, name: tool.name }}
              community={toVoteCommunity(tool.scores.community)}
              pendingVotes={tool.pendingVotes}
              returnTo={returnTo}
            />
          </div>
        ))}
      </div>
      <p className="mt-6 border-t border-stone-100 pt-4 text-xs leading-5 text-stone-500 dark:border-stone-800 dark:text-stone-400">
        One ship-or-skip vote per signed-in reader per tool. Below {MIN_COMMUNITY_VOTES} votes a figure is marked
        provisional rather than shown as a bold percentage.
        {env.NEW_ACCOUNT_HOURS > 0 ? ` Votes from accounts younger than ${newAccountAgeWords(env.NEW_ACCOUNT_HOURS)} wait until then to count.` : null}
      </p>
    </Card>
  );
}
