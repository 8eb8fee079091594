import type { Metadata, Route } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ReasonActions } from "@/components/site/reason-actions";
import { ReasonQuote } from "@/components/site/reason-quote";
import { Card } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/session";
import { getReaderMarks, getReasonsTool, listReasons, summarizeReasons } from "@/lib/reasons/queries";
import { readReasonPageQuery, type ReasonListQuery } from "@/lib/reasons/schema";
import { pageMetadata } from "@/lib/site/metadata";
import { toolSlugSchema } from "@/lib/tools/schema";

const loadTool = cache(async (slug: string) => {
  const tool = toolSlugSchema.safeParse(slug).success ? await getReasonsTool(slug) : null;
  if (!tool) notFound();
  return tool;
});

export async function generateMetadata({ params, searchParams }: PageProps<"/tools/[slug]/reasons">): Promise<Metadata> {
  const tool = await loadTool((await params).slug);
  const query = readReasonPageQuery(await searchParams);
  return {
    ...pageMetadata({
      title: `Why readers ship or skip ${tool.name}`,
      description: `Readers' own reasons for shipping or skipping ${tool.name}, most helpful first.`,
      path: `/tools/${tool.slug}/reasons`,
    }),
    // Later pages and filtered views are the same reasons again: only the first page is for search engines.
    ...(query.cursor || query.decision || query.sort !== "helpful" ? { robots: { index: false, follow: true } } : {}),
  };
}

/** The address of a view of the list. */
function href(slug: string, query: { decision?: ReasonListQuery["decision"]; sort?: ReasonListQuery["sort"]; cursor?: string }): Route {
  const params = new URLSearchParams();
  if (query.decision) params.set("decision", query.decision);
  if (query.sort && query.sort !== "helpful") params.set("sort", query.sort);
  if (query.cursor) params.set("cursor", query.cursor);
  const search = params.toString();
  return `/tools/${slug}/reasons${search ? `?${search}` : ""}` as Route;
}

export default async function ReasonsPage({ params, searchParams }: PageProps<"/tools/[slug]/reasons">) {
  const tool = await loadTool((await params).slug);
  const query = readReasonPageQuery(await searchParams);
  const [page, summaries, user] = await Promise.all([listReasons(tool.id, query), summarizeReasons([tool.id], 0), getCurrentUser()]);
  const counts = summaries.get(tool.id)!;
  const marks = user ? await getReaderMarks(user.id, page.data.map((reason) => reason.id)) : null;
  const total = counts.ship.count + counts.skip.count;
  const shown = query.decision ? counts[query.decision].count : total;

  const tab = (label: string, count: number, decision: ReasonListQuery["decision"]) => {
    const current = query.decision === decision;
    return (
      <Link
        href={href(tool.slug, { decision, sort: query.sort })}
        aria-current={current ? "page" : undefined}
        className={`rounded-lg px-3 py-1.5 text-sm font-medium ${
          current ? "bg-stone-900 text-white dark:bg-white dark:text-stone-900" : "text-stone-600 hover:bg-stone-100 dark:text-stone-300 dark:hover:bg-stone-800"
        }`}
      >
        {label} <span className="tabular-nums opacity-70">{count}</span>
      </Link>
    );
  };
  const sortLink = (label: string, sort: ReasonListQuery["sort"]) => (
    <Link
      href={href(tool.slug, { decision: query.decision, sort })}
      aria-current={query.sort === sort ? "true" : undefined}
      className={query.sort === sort ? "font-semibold text-stone-900 dark:text-white" : "text-stone-500 underline underline-offset-2 hover:text-stone-800 dark:text-stone-400 dark:hover:text-stone-200"}
    >
      {label}
    </Link>
  );

  return (
    <div className="pb-8 pt-10 sm:pt-14">
      <p className="text-sm">
        <Link href={`/tools/${tool.slug}` as Route} className="font-medium text-stone-600 underline underline-offset-2 hover:text-stone-900 dark:text-stone-400 dark:hover:text-white">
          ← {tool.name}
        </Link>
      </p>
      <h1 className="mt-3 text-balance text-3xl font-semibold tracking-tight sm:text-4xl">Why readers ship or skip {tool.name}</h1>
      <p className="mt-2 max-w-2xl text-stone-600 dark:text-stone-400">
        Reasons readers gave with their votes, in their own words. Most helpful first: readers&apos; helpful marks, weighed against reports, with thin
        evidence ranked below strong.
      </p>

      <div className="mt-8 flex flex-wrap items-center justify-between gap-4">
        <nav aria-label="Which side" className="flex gap-1">
          {tab("All", total, undefined)}
          {tab("Ship", counts.ship.count, "ship")}
          {tab("Skip", counts.skip.count, "skip")}
        </nav>
        <p className="flex gap-3 text-sm" aria-label="Order">
          <span className="text-stone-500 dark:text-stone-400">Order:</span>
          {sortLink("Most helpful", "helpful")}
          {sortLink("Newest", "newest")}
        </p>
      </div>

      {page.data.length ? (
        <ol className="mt-6 space-y-4" aria-label="Reasons">
          {page.data.map((reason) => (
            <li key={reason.id}>
              <ReasonQuote reason={reason}>
                {marks?.own.has(reason.id) ? (
                  <span className="rounded-full bg-stone-200 px-2 py-0.5 text-xs font-medium text-stone-700 dark:bg-stone-700 dark:text-stone-200">Your reason · {reason.helpful} helpful</span>
                ) : marks ? (
                  <ReasonActions reasonId={reason.id} helpful={reason.helpful} marked={marks.helpful.has(reason.id)} reported={marks.reported.has(reason.id)} />
                ) : (
                  <span>
                    {reason.helpful} helpful ·{" "}
                    <Link href={`/signin?callbackUrl=${encodeURIComponent(href(tool.slug, { decision: query.decision, sort: query.sort }))}` as Route} className="underline underline-offset-2">
                      Sign in
                    </Link>{" "}
                    to rate or report
                  </span>
                )}
              </ReasonQuote>
            </li>
          ))}
        </ol>
      ) : (
        <Card className="mt-6 p-8 text-center">
          <p className="text-lg font-medium">{shown ? "No more reasons" : "No reasons yet"}</p>
          <p className="mt-2 text-stone-600 dark:text-stone-400">
            {shown ? (
              <Link href={href(tool.slug, { decision: query.decision, sort: query.sort })} className="underline underline-offset-2">
                Back to the first page
              </Link>
            ) : (
              <>
                Vote on{" "}
                <Link href={`/tools/${tool.slug}` as Route} className="underline underline-offset-2">
                  {tool.name}
                </Link>{" "}
                and say why: yours will be the first.
              </>
            )}
          </p>
        </Card>
      )}

      {page.nextCursor || query.cursor ? (
        <nav aria-label="More reasons" className="mt-6 flex items-center justify-between gap-3 text-sm">
          {query.cursor ? (
            <Link href={href(tool.slug, { decision: query.decision, sort: query.sort })} className="font-medium underline underline-offset-2">
              ← First page
            </Link>
          ) : (
            <span />
          )}
          {page.nextCursor ? (
            <Link href={href(tool.slug, { decision: query.decision, sort: query.sort, cursor: page.nextCursor })} rel="next" className="rounded-lg px-3 py-1.5 font-medium ring-1 ring-stone-300 hover:bg-stone-100 dark:ring-stone-700 dark:hover:bg-stone-800">
              More reasons →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
