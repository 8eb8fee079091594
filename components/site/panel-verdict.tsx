"use client";

import type { PanelScore } from "@/lib/scores";
import { Card } from "@/components/ui/card";
import { useLiveScores } from "./live-scores";
import { ShareBar } from "./score-figures";

type PanelTool = { slug: string; name: string; panel: PanelScore };

function summary(a: PanelTool, b: PanelTool): string {
  const pa = a.panel;
  const pb = b.panel;
  if (pa.share === null && pb.share === null) return "The panel has not published verdicts on either tool yet.";
  if (pa.share === null) return `Only ${b.name} has published panel verdicts so far.`;
  if (pb.share === null) return `Only ${a.name} has published panel verdicts so far.`;
  if (pa.share === pb.share) return `The panel rates them evenly: ${pa.splitLabel} for each.`;
  const [lead, trail] = pa.share > pb.share ? [a, b] : [b, a];
  return `The panel leans ${lead.name}: ${lead.panel.splitLabel}, against ${trail.panel.splitLabel} for ${trail.name}.`;
}

/** Both tools' panel ship shares as bars, with a one-line reading; live on a page with live scores. */
export function PanelVerdict({ toolA, toolB }: { toolA: PanelTool; toolB: PanelTool }) {
  const liveA = useLiveScores(toolA.slug);
  const liveB = useLiveScores(toolB.slug);
  const tools = [
    { ...toolA, panel: liveA?.panel ?? toolA.panel },
    { ...toolB, panel: liveB?.panel ?? toolB.panel },
  ] as const;
  return (
    <Card className="p-6">
      <p className="text-[15px] font-medium text-stone-800 dark:text-stone-100">{summary(tools[0], tools[1])}</p>
      <ul className="mt-5 space-y-4">
        {tools.map((tool) => (
          <li key={tool.slug} className="grid grid-cols-[minmax(0,9rem)_1fr_auto] items-center gap-4 sm:grid-cols-[minmax(0,12rem)_1fr_auto]">
            <span className="truncate text-sm font-medium">{tool.name}</span>
            <ShareBar share={tool.panel.share} label={`${tool.name}: ${tool.panel.splitLabel}`} />
            <span className="w-24 text-right text-sm tabular-nums text-stone-600 dark:text-stone-300">
              <span className="font-semibold text-stone-900 dark:text-white">{tool.panel.label}</span>{" "}
              <span className="text-xs text-stone-500 dark:text-stone-400">({tool.panel.ship}/{tool.panel.total})</span>
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
