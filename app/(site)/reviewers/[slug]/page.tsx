import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { ReviewerFigures } from "@/components/site/reviewer-figures";
import { CallBadge } from "@/components/ui/call-badge";
import { Card } from "@/components/ui/card";
import { Markdown } from "@/components/ui/markdown";
import { Section } from "@/components/ui/section";
import { formatDate } from "@/lib/format";
import { getReviewerProfile } from "@/lib/reviewers/queries";
import { reviewerSlugSchema } from "@/lib/reviewers/schema";

const loadReviewer = cache(async (slug: string) => {
  await connection();
  const parsed = reviewerSlugSchema.safeParse(slug);
  const reviewer = parsed.success ? await getReviewerProfile(parsed.data) : null;
  if (!reviewer) notFound();
  return reviewer;
});

export async function generateMetadata({ params }: PageProps<"/reviewers/[slug]">): Promise<Metadata> {
  const reviewer = await loadReviewer((await params).slug);
  return {
    title: `${reviewer.name}, ${reviewer.lens}`,
    description: `${reviewer.name} reviews AI tools for ${reviewer.lens.toLowerCase()}: ships ${reviewer.shipRate.label} of tools. ${reviewer.bio}`.slice(0, 300),
    alternates: { canonical: `/reviewers/${reviewer.slug}` },
  };
}

function TopicList({ title, items }: { title: string; items: string[] }) {
  if (!items.length) return null;
  return (
    <Card className="p-5">
      <h2 className="text-sm font-semibold">{title}</h2>
      <ul className="mt-3 flex flex-wrap gap-2">
        {items.map((item) => (
          <li key={item} className="rounded-full bg-stone-100 px-3 py-1 text-sm text-stone-700 dark:bg-stone-800 dark:text-stone-300">
            {item}
          </li>
        ))}
      </ul>
    </Card>
  );
}

export default async function ReviewerPage({ params }: PageProps<"/reviewers/[slug]">) {
  const reviewer = await loadReviewer((await params).slug);
  return (
    <div className="pb-8 pt-10 sm:pt-14">
      <p className="text-sm">
        <Link href="/reviewers" className="text-stone-500 hover:text-stone-800 dark:text-stone-400 dark:hover:text-stone-200">
          ← The panel
        </Link>
      </p>
      {reviewer.active ? null : (
        <p role="status" className="mt-4 rounded-xl bg-stone-200/70 px-4 py-3 text-sm text-stone-700 dark:bg-stone-800 dark:text-stone-300">
          {reviewer.name} is no longer on the panel: these verdicts are kept for the record and no longer count toward panel figures.
        </p>
      )}
      <header className="mt-4 grid gap-8 lg:grid-cols-[1fr_24rem]">
        <div>
          <p className="text-xs font-semibold uppercase tracking-[0.16em] text-ship-700 dark:text-ship-400">{reviewer.lens}</p>
          <h1 className="mt-2 text-4xl font-semibold tracking-tight sm:text-5xl">{reviewer.name}</h1>
          <p className="mt-4 max-w-2xl text-pretty text-lg leading-8 text-stone-700 dark:text-stone-300">{reviewer.bio}</p>
          <p className="mt-4 max-w-2xl rounded-xl bg-stone-100 px-4 py-3 text-sm text-stone-700 dark:bg-stone-900 dark:text-stone-300" data-testid="persona-disclosure">
            {reviewer.name} is a <strong>staff persona</strong>: our staff write this reviewer&apos;s verdicts through the lens of{" "}
            {reviewer.lens.toLowerCase()}.{" "}
            <Link href="/about#panel" className="font-medium underline underline-offset-2">
              Who the panel is
            </Link>
          </p>
        </div>
        <Card className="self-start p-5">
          <ReviewerFigures reviewer={reviewer} compact />
        </Card>
      </header>

      <div className="mt-8 grid gap-4 sm:grid-cols-2">
        <TopicList title="Excited by" items={reviewer.excitedBy} />
        <TopicList title="Tired of" items={reviewer.tiredOf} />
      </div>

      <Section id="verdicts" eyebrow="Verdict history" title="Every verdict, newest first" className="mt-16" description={`${reviewer.verdicts.length} published ${reviewer.verdicts.length === 1 ? "verdict" : "verdicts"}.`}>
        {reviewer.verdicts.length ? (
          <ol className="space-y-4">
            {reviewer.verdicts.map((verdict) => (
              <li key={verdict.id}>
                <Card as="article" className="p-5 sm:p-6">
                  <div className="flex flex-wrap items-start justify-between gap-3">
                    <div className="min-w-0">
                      <h3 className="text-lg font-semibold tracking-tight">
                        {verdict.tool.archived ? (
                          verdict.tool.name
                        ) : (
                          <Link href={`/tools/${verdict.tool.slug}`} className="hover:underline">
                            {verdict.tool.name}
                          </Link>
                        )}
                      </h3>
                      <p className="text-xs text-stone-500 dark:text-stone-400">
                        {verdict.tool.vendor} · {verdict.tool.category}
                        {verdict.tool.archived ? " · archived" : ""}
                      </p>
                    </div>
                    <CallBadge decision={verdict.decision} size="md" />
                  </div>
                  <blockquote className="mt-3 text-[15px] leading-7 text-stone-700 dark:text-stone-300">
                    <Markdown>{verdict.body}</Markdown>
                  </blockquote>
                  <p className="mt-3 text-xs text-stone-500 dark:text-stone-400">
                    {verdict.publishedAt ? <time dateTime={verdict.publishedAt.toISOString()}>{formatDate(verdict.publishedAt)}</time> : "Undated"}
                    {" · "}
                    <Link href={`/tools/${verdict.tool.slug}/history/${reviewer.slug}`} className="underline underline-offset-2 hover:text-stone-800 dark:hover:text-stone-200">
                      {verdict.version > 1 ? `revised, last on ${formatDate(verdict.updatedAt)}: see what changed` : "history"}
                    </Link>
                  </p>
                </Card>
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-stone-500 dark:text-stone-400">{reviewer.name} has not published a verdict yet.</p>
        )}
      </Section>
    </div>
  );
}
