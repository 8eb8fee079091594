import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { AlternativeRow } from "@/components/site/alternative-row";
import { JsonLd } from "@/components/site/json-ld";
import { LiveScoresProvider } from "@/components/site/live-scores";
import { ToolLogo } from "@/components/site/tool-logo";
import { getAlternatives } from "@/lib/alternatives/queries";
import { rankingSentence } from "@/lib/alternatives/rank";
import { alternativesJsonLd } from "@/lib/sharing/json-ld";
import { pageMetadata } from "@/lib/site/metadata";
import { sitePaths } from "@/lib/site/urls";
import { liveTool } from "@/lib/tools/select";
import { toolSlugSchema } from "@/lib/tools/schema";

/** Shared by generateMetadata and the page: 404 (the site's friendly page) for an unknown or archived tool. */
const loadAlternatives = cache(async (slug: string) => {
  await connection();
  const parsed = toolSlugSchema.safeParse(slug);
  const view = parsed.success ? await getAlternatives(parsed.data) : null;
  if (!view) notFound();
  return view;
});

export async function generateMetadata({ params }: PageProps<"/tools/[slug]/alternatives">): Promise<Metadata> {
  const { tool, alternatives } = await loadAlternatives((await params).slug);
  const top = alternatives.slice(0, 3).map((alternative) => alternative.tool.name);
  return {
    ...pageMetadata({
      title: `Alternatives to ${tool.name}`,
      description: top.length
        ? `${top.join(", ")}${alternatives.length > top.length ? " and more" : ""}: tools like ${tool.name}, with the panel's verdicts, the community vote and a side-by-side comparison for each.`
        : `No listed tool is like ${tool.name} yet.`,
      path: sitePaths.alternatives(tool.slug),
    }),
    // A page with nothing on it is not for search engines (nor in the sitemap).
    ...(alternatives.length ? {} : { robots: { index: false, follow: true } }),
  };
}

export default async function AlternativesPage({ params }: PageProps<"/tools/[slug]/alternatives">) {
  const { tool, alternatives } = await loadAlternatives((await params).slug);
  const page = (
      <div className="pb-8 pt-10 sm:pt-14">
        <JsonLd data={alternativesJsonLd(tool, alternatives)} />
        <p className="text-sm">
          <Link href={`/tools/${tool.slug}`} className="font-medium text-stone-600 underline underline-offset-2 hover:text-stone-900 dark:text-stone-400 dark:hover:text-white">
            ← {tool.name}
          </Link>
        </p>
        <header className="mt-6 max-w-3xl">
          <p className="text-xs font-semibold uppercase tracking-[0.16em] text-stone-500 dark:text-stone-400">{tool.category.name}</p>
          <div className="mt-2 flex items-center gap-4">
            <ToolLogo name={tool.name} logoUrl={tool.logoUrl} size={48} className="rounded-xl" />
            <h1 className="text-balance text-3xl font-semibold tracking-tight sm:text-4xl">Alternatives to {tool.name}</h1>
          </div>
          <p className="mt-4 text-pretty text-lg leading-8 text-stone-700 dark:text-stone-300">
            {alternatives.length
              ? `${alternatives.length === 1 ? "One listed tool" : `${alternatives.length} listed tools`} to weigh against ${tool.name}, each with the panel's call, the community's and a side-by-side comparison one click away.`
              : `No listed tool shares a category, specs or readers with ${tool.name} yet.`}
          </p>
          <p className="mt-3 text-sm leading-6 text-stone-500 dark:text-stone-400">
            {rankingSentence()}{" "}
            <Link href="/methodology#alternatives" className="underline underline-offset-2 hover:text-stone-800 dark:hover:text-stone-200">
              How the figures work
            </Link>
          </p>
        </header>

        {alternatives.length ? (
          <ol className="mt-10 space-y-3" aria-label={`Alternatives to ${tool.name}, best match first`}>
            {alternatives.map((alternative, index) => (
              <AlternativeRow key={alternative.tool.slug} alternative={alternative} subject={tool} rank={index + 1} />
            ))}
          </ol>
        ) : (
          <p className="mt-10">
            <Link href={sitePaths.tools} className="font-medium underline underline-offset-2">
              Browse the directory
            </Link>
          </p>
        )}
      </div>
  );
  // The rows' figures stay live (one stream for all of them); a page without rows needs none.
  return alternatives.length ? <LiveScoresProvider tools={alternatives.map((alternative) => liveTool(alternative.tool))}>{page}</LiveScoresProvider> : page;
}
