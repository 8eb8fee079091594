import type { Metadata, Route } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { ComparisonCard } from "@/components/site/comparison-card";
import { LiveDisagreementBadge } from "@/components/site/live-disagreement";
import { LiveScoresProvider } from "@/components/site/live-scores";
import { PricingDetails } from "@/components/site/pricing-read";
import { ToolSpecsList } from "@/components/site/specs-table";
import { CommunityFigure, EntryFigure, PanelFigure } from "@/components/site/score-figures";
import { VerdictQuote } from "@/components/site/verdict-quote";
import { Card } from "@/components/ui/card";
import { Section } from "@/components/ui/section";
import { FollowButton } from "@/components/site/follow-button";
import { VoteWidget } from "@/components/site/vote-widget";
import { ComparePicker } from "@/components/site/compare-picker";
import { AlternativesLink } from "@/components/site/alternatives-link";
import { CommunityReasons } from "@/components/site/community-reasons";
import { TrendChart } from "@/components/site/trend-chart";
import { ToolLogo } from "@/components/site/tool-logo";
import { summarizeReasons } from "@/lib/reasons/queries";
import { getToolHistory } from "@/lib/trends/queries";
import { listedToolNames } from "@/lib/tools/names";
import { getTool } from "@/lib/tools/queries";
import { liveTool } from "@/lib/tools/select";
import { toVoteCommunity } from "@/lib/votes/schema";
import { toolSlugSchema } from "@/lib/tools/schema";
import { JsonLd } from "@/components/site/json-ld";
import { toolJsonLd } from "@/lib/sharing/json-ld";
import { pageMetadata } from "@/lib/site/metadata";

const loadTool = cache(async (slug: string) => {
  await connection();
  const parsed = toolSlugSchema.safeParse(slug);
  const tool = parsed.success ? await getTool(parsed.data) : null;
  if (!tool) notFound();
  return tool;
});

export async function generateMetadata({ params }: PageProps<"/tools/[slug]">): Promise<Metadata> {
  const tool = await loadTool((await params).slug);
  return {
    ...pageMetadata({
      title: `${tool.name} — ship or skip?`,
      description: `${tool.tagline}. Panel: ${tool.scores.panel.splitLabel}.`,
      path: `/tools/${tool.slug}`,
      image: "segment",
    }),
    // An archived tool's page stays for the record but leaves search results (and the sitemap).
    ...(tool.archived ? { robots: { index: false } } : {}),
  };
}

export default async function ToolPage({ params }: PageProps<"/tools/[slug]">) {
  const tool = await loadTool((await params).slug);
  // The same page for every reader (cached and shared): the reader's own vote comes from /api/me.
  const [toolNames, reasons, history] = await Promise.all([listedToolNames(), summarizeReasons([tool.id]), getToolHistory(tool.slug)]);
  return (
    <LiveScoresProvider tools={[liveTool(tool)]}>
      <div className="pb-8 pt-10 sm:pt-14">
        <JsonLd data={toolJsonLd(tool)} />
        {tool.archived ? (
          <p role="status" className="mb-6 rounded-xl bg-stone-200/70 px-4 py-3 text-sm text-stone-700 dark:bg-stone-800 dark:text-stone-300">
            This tool is archived: it is no longer listed, and its verdicts are kept for the record.
          </p>
        ) : null}
        {/* One grid: on a phone the figures and the vote come right after the header; from lg the sidebar stays beside
            the verdicts, reasons and trend (not beside an empty column under a short header). */}
        <div className="grid gap-8 lg:grid-cols-[1fr_20rem]">
          <header className="lg:col-start-1 lg:row-start-1">
            <p className="text-xs font-semibold uppercase tracking-[0.16em] text-stone-500 dark:text-stone-400">{tool.category.name}</p>
            <div className="mt-2 flex items-center gap-4">
              <ToolLogo name={tool.name} logoUrl={tool.logoUrl} size={56} className="rounded-xl" />
              <h1 className="text-4xl font-semibold tracking-tight sm:text-5xl">{tool.name}</h1>
            </div>
            <p className="mt-2 text-stone-500 dark:text-stone-400">
              by {tool.vendor}
              {tool.website ? (
                <>
                  {" · "}
                  <a href={tool.website} rel="noopener noreferrer" target="_blank" className="underline decoration-stone-300 underline-offset-2 hover:text-stone-800 dark:decoration-stone-600 dark:hover:text-stone-200">
                    Website
                  </a>
                </>
              ) : null}
            </p>
            <p className="mt-4 max-w-2xl text-pretty text-xl leading-8 text-stone-700 dark:text-stone-300">{tool.tagline}</p>
            {tool.archived ? null : (
              <div className="mt-4">
                <FollowButton tool={{ slug: tool.slug, name: tool.name }} returnTo={`/tools/${tool.slug}`} />
              </div>
            )}
            <LiveDisagreementBadge slug={tool.slug} initial={tool.scores.disagreement} className="mt-4" />
            <p className="mt-6 max-w-2xl text-[15px] leading-7 text-stone-600 dark:text-stone-400">{tool.description}</p>
          </header>
          <aside className="space-y-4 lg:col-start-2 lg:row-span-2 lg:row-start-1 lg:self-start">
            <Card className="grid grid-cols-3 gap-4 p-5 lg:grid-cols-1">
              <PanelFigure panel={tool.scores.panel} slug={tool.slug} />
              <CommunityFigure community={toVoteCommunity(tool.scores.community)} slug={tool.slug} />
              <EntryFigure entry={tool.entryPrice} />
            </Card>
            {tool.archived ? null : (
              <Card className="p-5">
                <VoteWidget
                  tool={{ slug: tool.slug, name: tool.name }}
                  community={toVoteCommunity(tool.scores.community)}
                  pendingVotes={tool.pendingVotes}
                  headingLevel={2}
                  returnTo={`/tools/${tool.slug}`}
                />
              </Card>
            )}
            {tool.archived ? null : (
              <Card className="p-5">
                <h2 className="mb-3 text-sm font-semibold">Compare</h2>
                <ComparePicker tools={toolNames} fixed={{ slug: tool.slug, name: tool.name }} />
                <AlternativesLink tool={tool} />
              </Card>
            )}
            <Card className="p-5">
              <h2 className="mb-3 text-sm font-semibold">Pricing</h2>
              <PricingDetails tool={tool} />
            </Card>
            <Card className="p-5">
              <h2 className="mb-3 text-sm font-semibold">Specs</h2>
              <ToolSpecsList tool={tool} />
            </Card>
            {tool.archived ? null : (
              <p className="px-1 text-sm text-stone-500 dark:text-stone-400">
                Something wrong or out of date here?{" "}
                <Link href={`/tools/${tool.slug}/report` as Route} className="font-medium text-stone-700 underline underline-offset-2 hover:text-stone-900 dark:text-stone-300 dark:hover:text-white">
                  Report a problem
                </Link>
              </p>
            )}
          </aside>

        <div className="mt-8 min-w-0 space-y-16 lg:col-start-1 lg:row-start-2">
          <Section id="verdicts" eyebrow="Panel" title="Verdicts" description={tool.scores.panel.splitLabel}>
            {tool.verdicts.length ? (
              <ol className="grid gap-4 md:grid-cols-2">
                {tool.verdicts.map((verdict) => (
                  <li key={verdict.id}>
                    <VerdictQuote verdict={verdict} toolSlug={tool.slug} />
                  </li>
                ))}
              </ol>
            ) : (
              <p className="text-stone-500 dark:text-stone-400">The panel has not published a verdict on {tool.name} yet.</p>
            )}
          </Section>

          <Section id="reasons" eyebrow="Community" title="Why readers ship or skip" description={`In readers' own words: the reasons given with their votes on ${tool.name}.`}>
            <CommunityReasons tool={tool} summary={reasons.get(tool.id)!} />
          </Section>

          {/* An archived tool has no history (it is not listed, and not snapshotted). */}
          {history ? (
            <Section id="trend" eyebrow="Over time" title="Standing over time" description={`${tool.name}'s community ship share and panel, day by day.`}>
              <TrendChart history={history} />
            </Section>
          ) : null}

          {tool.comparisons.length ? (
            <Section id="comparisons" eyebrow="Side by side" title={`${tool.name} compared`}>
              <ul className="grid gap-4 sm:grid-cols-2">
                {tool.comparisons.map((comparison) => (
                  <li key={comparison.slug}>
                    <ComparisonCard comparison={{ ...comparison, intro: null }} />
                  </li>
                ))}
              </ul>
            </Section>
          ) : null}
        </div>
        </div>
      </div>
    </LiveScoresProvider>
  );
}
