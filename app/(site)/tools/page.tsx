import type { Metadata, Route } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { CompareBar } from "@/components/site/compare-bar";
import { ComparePicker } from "@/components/site/compare-picker";
import { DirectoryFilters, PRICING_LABELS, SORT_LABELS } from "@/components/site/directory-filters";
import { ToolRow } from "@/components/site/tool-row";
import { Card } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { listCuratedComparisonSlugs } from "@/lib/comparisons/queries";
import { DIRECTORY_PAGE_SIZE, listCategoryOptions, searchTools, suggestToolName } from "@/lib/tools/directory";
import { directoryHref, isCanonicalDirectoryQuery, type DirectoryParams } from "@/lib/tools/directory-url";
import { listedToolNames } from "@/lib/tools/names";
import { sortCaption } from "@/lib/tools/sort-caption";
import { SEARCH_MAX_LENGTH, toolDirectoryParamsSchema } from "@/lib/tools/schema";
import { pageBeyondLast } from "@/lib/http/pagination";
import { pageMetadata } from "@/lib/site/metadata";

export const metadata: Metadata = pageMetadata({
  title: "AI tools",
  description: "Every AI tool the panel has reviewed: search, filter by category and pricing, rank by panel, community or overall.",
  path: "/tools",
});

export default async function ToolsPage({ searchParams }: PageProps<"/tools">) {
  await connection();
  const raw = await searchParams;
  const params = toolDirectoryParamsSchema.parse(raw);
  // A search too long to run is said so on the page (the API answers 400), not silently dropped.
  const asked = Array.isArray(raw.q) ? raw.q[0] : raw.q;
  const tooLong = typeof asked === "string" && asked.trim().length > SEARCH_MAX_LENGTH ? asked.trim().length : null;
  // A submitted form carries empty fields and defaults: answer at the one URL of this view.
  if (tooLong === null && !isCanonicalDirectoryQuery(raw, params)) redirect(directoryHref(params) as Route);
  const [result, categories, toolNames, curated] = await Promise.all([
    searchTools({ ...params, pageSize: DIRECTORY_PAGE_SIZE }),
    listCategoryOptions(),
    listedToolNames(),
    listCuratedComparisonSlugs(),
  ]);
  // Past the last page (a stale link, a hand-typed number): the last page, with the rest of the view kept.
  const last = tooLong === null ? pageBeyondLast(params.page, result.totalPages) : null;
  if (last !== null) redirect(directoryHref({ ...params, page: last }) as Route);
  const view: DirectoryParams = { ...params, sort: params.sort };
  const categoryName = categories.find((option) => option.slug === params.category)?.name;
  const filters = [
    params.q ? { label: `“${params.q}”`, without: { ...view, q: undefined, sort: view.sort === "relevance" ? undefined : view.sort } } : null,
    categoryName ? { label: categoryName, without: { ...view, category: undefined } } : null,
    params.pricing ? { label: PRICING_LABELS[params.pricing], without: { ...view, pricing: undefined } } : null,
  ].filter((filter) => filter !== null);
  // Nothing found for a search: the listed name it most likely meant.
  const suggestion = params.q && result.total === 0 ? await suggestToolName(params.q) : null;
  const firstRank = (result.page - 1) * result.pageSize + 1;

  return (
    <div className="space-y-8 pb-8 pt-10 sm:pt-14">
      <header>
        <h1 className="text-4xl font-semibold tracking-tight">AI tools</h1>
        <p className="mt-3 max-w-2xl text-lg text-stone-600 dark:text-stone-400">
          Every tool the panel has reviewed, with its panel verdict and the community vote. Missing one?{" "}
          <Link href="/suggest" className="font-medium text-stone-900 underline underline-offset-2 dark:text-white">
            Suggest a tool
          </Link>
          .
        </p>
      </header>

      <Card className="p-4 sm:p-5">
        <DirectoryFilters q={params.q} category={params.category} pricing={params.pricing} sort={params.sort} categories={categories} />
      </Card>

      <section aria-labelledby="results-title" className="space-y-4">
        <div className="flex flex-wrap items-baseline justify-between gap-x-6 gap-y-2">
          <h2 id="results-title" className="text-lg font-semibold" aria-live="polite">
            {tooLong !== null ? "No search run" : result.total === 0 ? "No tools found" : `${result.total} ${result.total === 1 ? "tool" : "tools"}`}
            {params.q ? <span className="font-normal text-stone-500 dark:text-stone-400"> for “{params.q}”</span> : null}
          </h2>
          <p className="text-sm text-stone-500 dark:text-stone-400">
            <span className="font-medium text-stone-700 dark:text-stone-300">{SORT_LABELS[result.sort]}:</span>{" "}
            {sortCaption(result.sort, result.siteVotes)}
          </p>
        </div>
        {filters.length ? (
          <ul aria-label="Active filters" className="flex flex-wrap items-center gap-2 text-sm">
            {filters.map((filter) => (
              <li key={filter.label}>
                <Link
                  href={directoryHref(filter.without) as Route}
                  className="inline-flex items-center gap-1.5 rounded-full bg-stone-200/70 px-3 py-1 hover:bg-stone-300/70 dark:bg-stone-800 dark:hover:bg-stone-700"
                >
                  {filter.label}
                  <span aria-hidden>×</span>
                  <span className="sr-only">(remove this filter)</span>
                </Link>
              </li>
            ))}
            <li>
              <Link href="/tools" className="px-2 font-medium text-ship-700 hover:underline dark:text-ship-400">
                Clear all
              </Link>
            </li>
          </ul>
        ) : null}

        {tooLong !== null ? (
          <Card className="px-6 py-12 text-center">
            <p className="text-lg font-medium" role="alert">That search is too long.</p>
            <p className="mx-auto mt-2 max-w-md text-stone-600 dark:text-stone-400">
              Searches are at most {SEARCH_MAX_LENGTH} characters; this one has {tooLong.toLocaleString("en-US")}. Shorten it to a name, a vendor
              or a few words, and search again.
            </p>
          </Card>
        ) : result.tools.length ? (
          <Card className="overflow-hidden">
            <ol start={firstRank} className="divide-y divide-stone-100 dark:divide-stone-800">
              {result.tools.map((tool, index) => (
                <ToolRow key={tool.slug} tool={tool} rank={firstRank + index} compare />
              ))}
            </ol>
          </Card>
        ) : (
          <Card className="px-6 py-12 text-center">
            <p className="text-lg font-medium">Nothing matches these filters.</p>
            <p className="mx-auto mt-2 max-w-md text-stone-600 dark:text-stone-400">
              {params.q ? "Check the spelling, try the vendor's name or a broader word, or remove a filter." : "Try another category or pricing model."}
            </p>
            {suggestion ? (
              <p className="mt-4 text-lg" data-testid="did-you-mean">
                Did you mean{" "}
                <Link href={directoryHref({ ...view, q: suggestion, page: 1 }) as Route} className="font-semibold text-ship-700 underline underline-offset-2 dark:text-ship-400">
                  {suggestion}
                </Link>
                ?
              </p>
            ) : null}
            <Link
              href="/tools"
              className="mt-6 inline-block rounded-lg bg-stone-900 px-4 py-2 text-sm font-medium text-white hover:bg-stone-700 dark:bg-white dark:text-stone-900 dark:hover:bg-stone-200"
            >
              Show every tool
            </Link>
          </Card>
        )}

        {result.tools.length > 0 && tooLong === null ? <CompareBar curated={curated} /> : null}

        {tooLong !== null ? null : (
          <Pagination page={result.page} totalPages={result.totalPages} href={(page) => directoryHref({ ...view, page })} />
        )}
      </section>

      <section aria-labelledby="compare-title">
        <Card className="p-5">
          <h2 id="compare-title" className="mb-1 text-lg font-semibold">Compare two tools</h2>
          <p className="mb-4 text-sm text-stone-600 dark:text-stone-400">Any two tools in the directory, side by side.</p>
          <ComparePicker tools={toolNames} idPrefix="directory-compare" />
        </Card>
      </section>
    </div>
  );
}
