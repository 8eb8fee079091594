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
          // On a phone: name and figures on one line, the bar the full width below (never a 35 px sliver).
          <li
            key={tool.slug}
            className="grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-4 gap-y-1.5 sm:grid-cols-[minmax(0,12rem)_1fr_auto] sm:gap-y-0"
          >
            <span className="col-start-1 row-start-1 truncate text-sm font-medium">{tool.name}</span>
            <div className="col-span-2 col-start-1 row-start-2 sm:col-span-1 sm:col-start-2 sm:row-start-1" data-testid="panel-bar">
              <ShareBar share={tool.panel.share} label={`${tool.name}: ${tool.panel.splitLabel}`} />
            </div>
            {/* The count first: from a panel of four, "100 %" is one reviewer's difference from "75 %". */}
            <span className="col-start-2 row-start-1 text-right text-sm tabular-nums text-stone-600 sm:col-start-3 dark:text-stone-300">
              <span className="font-semibold text-stone-900 dark:text-white">
                {tool.panel.ship} of {tool.panel.total} ship
              </span>{" "}
              <span className="text-xs text-stone-500 dark:text-stone-400">· {tool.panel.label}</span>
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
