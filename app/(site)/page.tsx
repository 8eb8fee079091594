import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { ComparisonGrid } from "@/components/site/comparison-grid";
import { NewsletterBox } from "@/components/site/newsletter-box";
import { ToolRow } from "@/components/site/tool-row";
import { Card } from "@/components/ui/card";
import { Section } from "@/components/ui/section";
import { listLatestComparisons } from "@/lib/comparisons/queries";
import { site } from "@/lib/site/config";
import { DisagreementList } from "@/components/site/disagreement-list";
import { pageMetadata } from "@/lib/site/metadata";
import { listDisagreements, listTopTools } from "@/lib/tools/queries";

export const metadata: Metadata = pageMetadata({
  title: `${site.name} — ${site.tagline}`,
  absoluteTitle: true,
  description: site.description,
  path: "/",
});

export default async function HomePage() {
  await connection();
  const [comparisons, topTools, disagreements] = await Promise.all([listLatestComparisons(6), listTopTools(6), listDisagreements(5)]);
  return (
    <div className="space-y-16 pb-8">
      <header className="pt-14 sm:pt-20">
        <p className="text-xs font-semibold uppercase tracking-[0.16em] text-ship-700 dark:text-ship-400">{site.name}</p>
        <h1 className="mt-3 max-w-3xl text-balance text-4xl font-semibold tracking-tight sm:text-6xl">{site.tagline}</h1>
        <p className="mt-5 max-w-2xl text-pretty text-lg leading-8 text-stone-600 dark:text-stone-400">
          Four staff reviewers — developer experience, competitive skeptic, futurist and buyer — each give every tool a
          written ship-or-skip verdict. Readers vote too. Comparison pages put two tools side by side.
        </p>
      </header>

      <Section id="comparisons" eyebrow="Latest" title="Comparisons">
        <ComparisonGrid comparisons={comparisons} />
      </Section>

      <Section id="top-tools" eyebrow="Panel favourites" title="Top tools" description="Ranked by the share of panel verdicts that say ship.">
        <Card className="overflow-hidden">
          <ol className="divide-y divide-stone-100 dark:divide-stone-800">
            {topTools.map((tool, index) => (
              <ToolRow key={tool.slug} tool={tool} rank={index + 1} />
            ))}
          </ol>
        </Card>
        <p className="mt-4 text-sm">
          <Link href="/tools" className="font-medium text-ship-700 hover:underline dark:text-ship-400">
            Browse every tool →
          </Link>
        </p>
      </Section>

      <Section
        id="disagreements"
        eyebrow="Panel vs community"
        title="Biggest disagreements"
        description="Where the panel's call and the readers' vote point opposite ways (tools with at least five votes)."
      >
        <DisagreementList tools={disagreements} />
      </Section>

      <NewsletterBox />
    </div>
  );
}
