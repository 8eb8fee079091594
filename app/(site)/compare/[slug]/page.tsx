import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { CommunityReasons } from "@/components/site/community-reasons";
import { CommunityVote } from "@/components/site/community-vote";
import { BottomLine, SectionNav } from "@/components/site/comparison-hero";
import { SpecsTable } from "@/components/site/specs-table";
import { ComparisonToolCard } from "@/components/site/comparison-tool-card";
import { NewsletterBox } from "@/components/site/newsletter-box";
import { PanelVerdict } from "@/components/site/panel-verdict";
import { PricingRead } from "@/components/site/pricing-read";
import { ReviewerSplit } from "@/components/site/reviewer-split";
import { Scorecard } from "@/components/site/scorecard";
import { Section } from "@/components/ui/section";
import { getComparison } from "@/lib/comparisons/queries";
import { summarizeReasons } from "@/lib/reasons/queries";
import { liveTool } from "@/lib/tools/select";
import { JsonLd } from "@/components/site/json-ld";
import { LiveScoresProvider } from "@/components/site/live-scores";
import { comparisonJsonLd } from "@/lib/sharing/json-ld";
import { pageMetadata } from "@/lib/site/metadata";

const DEFAULT_INTRO =
  "Which one should you ship with? Here is the side-by-side panel verdict, pricing read, reviewer split, and community vote comparison.";

/**
 * Shared by generateMetadata and the page: 308 to the canonical slug; 404 (with the
 * segment's friendly page) for a pair that cannot be compared.
 */
const loadComparison = cache(async (slug: string) => {
  await connection();
  const result = await getComparison(slug);
  if (result.kind === "redirect") permanentRedirect(`/compare/${result.slug}`);
  if (result.kind === "refused") notFound();
  return result.comparison;
});

export async function generateMetadata({ params }: PageProps<"/compare/[slug]">): Promise<Metadata> {
  const comparison = await loadComparison((await params).slug);
  return pageMetadata({
    title: comparison.headline ?? `${comparison.title}: which should you ship with?`,
    description: `${comparison.toolA.name} (${comparison.toolA.scores.panel.splitLabel}) vs ${comparison.toolB.name} (${comparison.toolB.scores.panel.splitLabel}): panel verdicts, pricing, reviewer split and community vote.`,
    path: `/compare/${comparison.slug}`,
    image: "segment",
    type: comparison.curated ? "article" : "website",
  });
}

export default async function ComparisonPage({ params }: PageProps<"/compare/[slug]">) {
  const comparison = await loadComparison((await params).slug);
  const { toolA, toolB, split } = comparison;
  const reasons = await summarizeReasons([toolA.id, toolB.id]);
  return (
    <LiveScoresProvider tools={[liveTool(toolA), liveTool(toolB)]}>
      <div className="pb-8">
        <JsonLd data={comparisonJsonLd(comparison)} />
        <header className="pb-8 pt-10 sm:pt-14">
          <p className="text-xs font-semibold uppercase tracking-[0.16em] text-ship-700 dark:text-ship-400">
            {comparison.curated ? "AI tool comparison" : "Generated comparison"}
          </p>
          <h1 className="mt-3 text-balance text-4xl font-semibold tracking-tight sm:text-5xl">{comparison.title}</h1>
          {comparison.headline ? (
            <p className="mt-3 text-lg font-medium text-stone-800 dark:text-stone-200">{comparison.headline}</p>
          ) : null}
          <p className="mt-3 max-w-3xl text-pretty text-lg leading-8 text-stone-600 dark:text-stone-400">
            {comparison.intro ?? DEFAULT_INTRO}
          </p>
          <BottomLine comparison={comparison} />
        </header>

        <div className="grid gap-5 lg:grid-cols-2">
          <ComparisonToolCard tool={toolA} side="A" />
          <ComparisonToolCard tool={toolB} side="B" />
        </div>

        <SectionNav />

        <div className="mt-10 space-y-16 [&>section]:scroll-mt-40 md:[&>section]:scroll-mt-28">
          <Section id="panel-verdict" eyebrow="Panel verdict" title="What the panel says" description="Panel ship is the share of published reviewer verdicts that say ship.">
            <PanelVerdict toolA={{ slug: toolA.slug, name: toolA.name, panel: toolA.scores.panel }} toolB={{ slug: toolB.slug, name: toolB.name, panel: toolB.scores.panel }} />
          </Section>

          <Section id="pricing" eyebrow="Pricing read" title="What it costs to start" description="Entry price and pricing model, with the source we checked.">
            <PricingRead toolA={toolA} toolB={toolB} />
          </Section>

          <Section
            id="specs"
            eyebrow="Specs"
            title="Side by side"
            description="Facts with a source link were read on that page on the date shown; the rest come from the tool's description in our catalogue. “—”: not known to us."
          >
            <SpecsTable tools={[toolA, toolB]} />
          </Section>

          <Section id="reviewer-split" eyebrow="Reviewer split" title="Where the reviewers land" description="Each reviewer's call on both tools.">
            <ReviewerSplit rows={split} toolA={toolA} toolB={toolB} />
          </Section>

          <Section id="community" eyebrow="Community vote" title="What readers say">
            <CommunityVote toolA={toolA} toolB={toolB} returnTo={`/compare/${comparison.slug}`} />
            <div className="mt-8 space-y-10">
              {[toolA, toolB].map((tool) => (
                <CommunityReasons key={tool.slug} tool={tool} summary={reasons.get(tool.id)!} named />
              ))}
            </div>
          </Section>

          <Section id="scorecard" title="Reviewer scorecard" description="Every verdict in full, reviewer by reviewer.">
            <Scorecard rows={split} toolA={toolA} toolB={toolB} />
          </Section>

          <NewsletterBox />
        </div>
      </div>
    </LiveScoresProvider>
  );
}
