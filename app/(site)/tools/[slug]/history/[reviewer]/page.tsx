import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { CallBadge } from "@/components/ui/call-badge";
import { Card } from "@/components/ui/card";
import { Markdown } from "@/components/ui/markdown";
import { TextDiff } from "@/components/ui/text-diff";
import { toolSlugSchema } from "@/lib/tools/schema";
import { getPublicVerdictHistory } from "@/lib/verdicts/queries";
import { formatDate } from "@/lib/format";

const load = cache(async (slug: string, reviewer: string) => {
  await connection();
  if (!toolSlugSchema.safeParse(slug).success || !toolSlugSchema.safeParse(reviewer).success) notFound();
  const history = await getPublicVerdictHistory(slug, reviewer);
  if (!history) notFound();
  return history;
});

export async function generateMetadata({ params }: PageProps<"/tools/[slug]/history/[reviewer]">): Promise<Metadata> {
  const { slug, reviewer } = await params;
  const history = await load(slug, reviewer);
  return { title: `${history.reviewer.name} on ${history.tool.name}: verdict history` };
}

/** What changed in one verdict over time, and why (who changed it: in the admin, for staff). */
export default async function VerdictHistoryPage({ params }: PageProps<"/tools/[slug]/history/[reviewer]">) {
  const { slug, reviewer } = await params;
  const history = await load(slug, reviewer);
  const versions = history.revisions;
  return (
    <div className="max-w-3xl pb-8 pt-10 sm:pt-14">
      <p className="text-sm">
        <Link href={`/tools/${history.tool.slug}`} className="text-stone-500 dark:text-stone-400 hover:underline">
          ← {history.tool.name}
        </Link>
      </p>
      <h1 className="mt-3 text-3xl font-semibold tracking-tight">
        {history.reviewer.name} on {history.tool.name}
      </h1>
      <p className="mt-2 text-stone-600 dark:text-stone-400">
        {history.reviewer.lens} · every published version of this verdict, newest first, with the reason for each change.
      </p>
      <ol className="mt-8 space-y-4">
        {versions.map((revision, index) => {
          const previous = versions[index + 1];
          return (
            <li key={revision.version}>
              <Card as="article" className="p-6">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <p className="text-sm font-medium">
                    Version {revision.version} · <time dateTime={revision.createdAt.toISOString()}>{formatDate(revision.createdAt)}</time>
                    {index === 0 ? <span className="ml-2 rounded-full bg-stone-100 px-2 py-0.5 text-xs dark:bg-stone-800">current</span> : null}
                  </p>
                  <div className="flex items-center gap-2 text-xs text-stone-500 dark:text-stone-400">
                    {previous && previous.decision !== revision.decision ? (
                      <>
                        <CallBadge decision={previous.decision} /> →
                      </>
                    ) : null}
                    <CallBadge decision={revision.decision} />
                  </div>
                </div>
                {revision.reason ? <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">Why: {revision.reason}</p> : null}
                <div className="mt-4 border-t border-stone-100 pt-4 dark:border-stone-800">
                  {previous ? (
                    <TextDiff before={previous.body} after={revision.body} />
                  ) : (
                    <Markdown className="text-sm leading-6 text-stone-700 dark:text-stone-300">{revision.body}</Markdown>
                  )}
                </div>
              </Card>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
