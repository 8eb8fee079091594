import Link from "next/link";
import type { ToolCard } from "@/lib/tools/select";
import { Card } from "@/components/ui/card";
import { DisagreementBadge } from "./disagreement-badge";

/** Tools where the panel and the readers make opposite calls, widest gap first. */
export function DisagreementList({ tools }: { tools: ToolCard[] }) {
  if (!tools.length) {
    return (
      <Card className="px-5 py-6 text-stone-600 dark:text-stone-400">
        Panel and readers agree on every tool with enough votes so far. When they part ways, it shows here.
      </Card>
    );
  }
  return (
    <Card className="overflow-hidden">
      <ol className="divide-y divide-stone-100 dark:divide-stone-800">
        {tools.map((tool) => (
          <li key={tool.slug} className="relative flex flex-wrap items-center gap-x-6 gap-y-2 px-5 py-4 hover:bg-stone-50 dark:hover:bg-stone-800/40">
            <div className="min-w-0 flex-1">
              <Link href={`/tools/${tool.slug}`} className="font-semibold after:absolute after:inset-0">
                {tool.name}
              </Link>
              <div className="mt-1">
                <DisagreementBadge label={tool.scores.disagreement!.label} />
              </div>
            </div>
            <dl className="flex gap-6 text-right text-sm tabular-nums">
              <div>
                <dt className="text-[11px] uppercase tracking-wide text-stone-500 dark:text-stone-400">Panel</dt>
                <dd className="font-semibold">{tool.scores.panel.label}</dd>
              </div>
              <div>
                <dt className="text-[11px] uppercase tracking-wide text-stone-500 dark:text-stone-400">Community</dt>
                <dd className="font-semibold">
                  {tool.scores.community.label}
                  <span className="ml-1 text-xs font-normal text-stone-500 dark:text-stone-400">({tool.scores.community.countLabel})</span>
                </dd>
              </div>
              <div>
                <dt className="text-[11px] uppercase tracking-wide text-stone-500 dark:text-stone-400">Gap</dt>
                <dd className="font-semibold">{tool.scores.disagreement!.gap} pts</dd>
              </div>
            </dl>
          </li>
        ))}
      </ol>
    </Card>
  );
}
