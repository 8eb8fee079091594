import type { ToolCard } from "@/lib/tools/select";
import { Card } from "@/components/ui/card";
import { pricingRead } from "@/lib/tools/pricing-read";
import { env } from "@/lib/env";
import { formatDate } from "@/lib/format";
import { isDue } from "@/lib/site/staleness";
import { PricingFacts } from "./pricing-facts";

export function PricingDetails({ tool }: { tool: ToolCard }) {
  return (
    <PricingFacts
      pricing={{
        model: tool.pricingModelLabel,
        entry: tool.entryPrice,
        license: tool.license,
        detail: tool.pricingDetail,
        sourceUrl: tool.pricingSourceUrl,
        checked: tool.pricingVerifiedAt ? formatDate(tool.pricingVerifiedAt) : null,
        checkDue: tool.pricingVerifiedAt ? isDue(tool.pricingVerifiedAt, env.PRICING_DUE_DAYS, new Date()) : false,
      }}
    />
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
