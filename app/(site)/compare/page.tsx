import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { ComparePicker } from "@/components/site/compare-picker";
import { ComparisonGrid } from "@/components/site/comparison-grid";
import { Card } from "@/components/ui/card";
import { Section } from "@/components/ui/section";
import { getComparison, listLatestComparisons } from "@/lib/comparisons/queries";
import { refusalMessage } from "@/lib/comparisons/refusal";
import { comparePickSchema, compareTicksSchema, comparisonSlug } from "@/lib/comparisons/schema";
import { pageMetadata } from "@/lib/site/metadata";
import { listedToolNames } from "@/lib/tools/names";

export const metadata: Metadata = pageMetadata({
  title: "Compare AI tools",
  description: "Set any two AI tools side by side: panel verdicts, pricing, the reviewer split and the community vote.",
  path: "/compare",
});

export default async function ComparePage({ searchParams }: PageProps<"/compare">) {
  await connection();
  const params = await searchParams;
  let error: string | null = null;
  // The pickers send a and b; the directory's ticks, without JavaScript, send tools twice.
  const ticked = params.tools !== undefined;
  if (ticked || params.a !== undefined || params.b !== undefined) {
    const ticks = ticked ? compareTicksSchema.safeParse(params) : null;
    const pick = ticks ? (ticks.success ? { success: true as const, data: { a: ticks.data.tools[0], b: ticks.data.tools[1] } } : ticks) : comparePickSchema.safeParse(params);
    if (!pick.success) {
      error = ticked ? "Tick exactly two tools in the directory to compare them." : "Choose two tools to compare.";
    } else {
      const result = await getComparison(comparisonSlug(pick.data.a, pick.data.b));
      if (result.kind === "refused") error = refusalMessage(result.reason, result.tool);
      else redirect(`/compare/${result.kind === "redirect" ? result.slug : result.comparison.slug}`);
    }
  }
  const [tools, comparisons] = await Promise.all([listedToolNames(), listLatestComparisons(60)]);
  const selected = { a: typeof params.a === "string" ? params.a : undefined, b: typeof params.b === "string" ? params.b : undefined };
  return (
    <div className="space-y-14 pb-8 pt-10 sm:pt-14">
      <header>
        <h1 className="text-4xl font-semibold tracking-tight">Compare AI tools</h1>
        <p className="mt-3 max-w-2xl text-lg text-stone-600 dark:text-stone-400">
          Any two tools in the directory, side by side: panel verdicts, pricing, the reviewer split and the community vote.
        </p>
      </header>
      <Card className="max-w-3xl p-5">
        <ComparePicker tools={tools} selected={selected} />
        {error ? (
          <p role="alert" className="mt-3 text-sm font-medium text-skip-700 dark:text-skip-400">
            {error}
          </p>
        ) : null}
      </Card>
      <Section id="comparisons" eyebrow="Written up by the editors" title="Curated comparisons">
        <ComparisonGrid comparisons={comparisons} />
      </Section>
    </div>
  );
}
