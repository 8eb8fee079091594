import type { PublicVerdict } from "@/lib/reviewers/select";
import { Markdown } from "@/components/ui/markdown";
import { env } from "@/lib/env";
import { formatDate } from "@/lib/format";
import { ageLabel, isDue } from "@/lib/site/staleness";
import { VerdictCard } from "./verdict-card";

/** One reviewer's written case, with who wrote it and their call. */
export function VerdictQuote({
  verdict,
  tool,
  toolSlug,
  collapsible = false,
}: {
  verdict: PublicVerdict;
  tool?: { name: string; slug: string };
  toolSlug: string;
  collapsible?: boolean;
}) {
  const { reviewer } = verdict;
  const now = new Date();
  return (
    <VerdictCard
      data={{
        reviewer: { name: reviewer.name, lens: reviewer.lens, slug: reviewer.slug },
        decision: verdict.decision,
        tool: tool ? { name: tool.name, slug: tool.slug } : undefined,
        toolSlug,
        published: verdict.publishedAt ? { iso: verdict.publishedAt.toISOString(), label: formatDate(verdict.publishedAt) } : null,
        historyLabel: verdict.version > 1 ? `updated ${formatDate(verdict.updatedAt)}` : "history",
        age: { label: ageLabel(verdict.updatedAt, now), due: isDue(verdict.updatedAt, env.REVIEW_DUE_DAYS, now) },
        collapsible,
      }}
    >
      <Markdown className="[&>p:first-child]:before:content-['“'] [&>p:last-child]:after:content-['”']">{verdict.body}</Markdown>
    </VerdictCard>
  );
}
