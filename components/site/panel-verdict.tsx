import type { ToolCard } from "@/lib/tools/select";
import { Card } from "@/components/ui/card";
import { ShareBar } from "./score-figures";

function summary(a: ToolCard, b: ToolCard): string {
  const pa = a.scores.panel;
  const pb = b.scores.panel;
  if (pa.share === null && pb.share === null) return "The panel has not published verdicts on either tool yet.";
  if (pa.share === null) return `Only ${b.name} has published panel verdicts so far.`;
  if (pb.share === null) return `Only ${a.name} has published panel verdicts so far.`;
  if (pa.share === pb.share) return `The panel rates them evenly: ${pa.splitLabel} for each.`;
  const [lead, trail] = pa.share > pb.share ? [a, b] : [b, a];
  return `The panel leans ${lead.name}: ${lead.scores.panel.splitLabel}, against ${trail.scores.panel.splitLabel} for ${trail.name}.`;
}

export function PanelVerdict({ toolA, toolB }: { toolA: ToolCard; toolB: ToolCard }) {
  return (
    <Card className="p-6">
      <p className="text-[15px] font-medium text-stone-800 dark:text-stone-100">{summary(toolA, toolB)}</p>
      <ul className="mt-5 space-y-4">
        {[toolA, toolB].map((tool) => (
          <li key={tool.slug} className="grid grid-cols-[minmax(0,9rem)_1fr_auto] items-center gap-4 sm:grid-cols-[minmax(0,12rem)_1fr_auto]">
            <span className="truncate text-sm font-medium">{tool.name}</span>
            <ShareBar share={tool.scores.panel.share} label={`${tool.name}: ${tool.scores.panel.splitLabel}`} />
            <span className="w-24 text-right text-sm tabular-nums text-stone-600 dark:text-stone-300">
              <span className="font-semibold text-stone-900 dark:text-white">{tool.scores.panel.label}</span>{" "}
              <span className="text-xs text-stone-500 dark:text-stone-400">({tool.scores.panel.ship}/{tool.scores.panel.total})</span>
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
