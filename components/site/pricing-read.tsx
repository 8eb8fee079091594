import type { ToolCard } from "@/lib/tools/select";
import { Card } from "@/components/ui/card";
import { pricingRead } from "@/lib/tools/pricing-read";
import { formatDate } from "@/lib/format";

export function PricingDetails({ tool }: { tool: ToolCard }) {
  return (
    <dl className="space-y-3 text-sm">
      <div className="flex items-baseline justify-between gap-4">
        <dt className="text-stone-500 dark:text-stone-400">Model</dt>
        <dd className="font-medium">{tool.pricingModelLabel}</dd>
      </div>
      <div className="flex items-baseline justify-between gap-4">
        <dt className="text-stone-500 dark:text-stone-400">Entry</dt>
        <dd className="font-medium">{tool.entryPrice ?? "—"}</dd>
      </div>
      {tool.license ? (
        <div className="flex items-baseline justify-between gap-4">
          <dt className="text-stone-500 dark:text-stone-400">License</dt>
          <dd className="font-medium">{tool.license}</dd>
        </div>
      ) : null}
      {tool.pricingDetail ? (
        <div>
          <dt className="sr-only">Detail</dt>
          <dd className="leading-6 text-stone-600 dark:text-stone-300">{tool.pricingDetail}</dd>
        </div>
      ) : null}
      {tool.pricingSourceUrl ? (
        <div>
          <dt className="sr-only">Source</dt>
          <dd className="text-xs text-stone-500 dark:text-stone-400">
            <a href={tool.pricingSourceUrl} rel="noopener noreferrer" target="_blank" className="underline decoration-stone-300 underline-offset-2 hover:text-stone-800 dark:decoration-stone-600 dark:hover:text-stone-200">
              Source
            </a>
            {tool.pricingVerifiedAt ? <> · checked {formatDate(tool.pricingVerifiedAt)}</> : null}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

export function PricingRead({ toolA, toolB }: { toolA: ToolCard; toolB: ToolCard }) {
  return (
    <div className="space-y-4">
      <p className="text-[15px] font-medium text-stone-800 dark:text-stone-100">{pricingRead(toolA, toolB)}</p>
      <div className="grid gap-4 md:grid-cols-2">
        {[toolA, toolB].map((tool) => (
          <Card key={tool.slug} className="p-6">
            <h3 className="mb-4 text-base font-semibold">{tool.name}</h3>
            <PricingDetails tool={tool} />
          </Card>
        ))}
      </div>
    </div>
  );
}
