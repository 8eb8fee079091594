import Link from "next/link";
import type { PublicVerdict } from "@/lib/reviewers/select";
import { CallBadge } from "@/components/ui/call-badge";
import { Card } from "@/components/ui/card";
import { Markdown } from "@/components/ui/markdown";
import { formatDate } from "@/lib/format";

/** One reviewer's written case, with who wrote it and their call. */
export function VerdictQuote({ verdict, tool, toolSlug }: { verdict: PublicVerdict; tool?: { name: string; slug: string }; toolSlug: string }) {
  return (
    <Card as="article" className="flex h-full flex-col p-6">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
        <div className="min-w-0">
          <p className="text-sm font-semibold text-stone-900 dark:text-white">{verdict.reviewer.name}</p>
          <p className="text-xs text-stone-500 dark:text-stone-400">{verdict.reviewer.lens}</p>
        </div>
        <div className="flex items-center gap-2">
          {tool ? (
            <Link href={`/tools/${tool.slug}`} className="text-xs font-medium text-stone-600 hover:underline dark:text-stone-300">
              {tool.name}
            </Link>
          ) : null}
          <CallBadge decision={verdict.decision} />
        </div>
      </div>
      <blockquote className="flex-1 text-[15px] leading-7 text-stone-700 dark:text-stone-300">
        <Markdown className="[&>p:first-child]:before:content-['“'] [&>p:last-child]:after:content-['”']">{verdict.body}</Markdown>
      </blockquote>
      <p className="mt-4 text-xs text-stone-500 dark:text-stone-400">
        {verdict.publishedAt ? (
          <>
            <time dateTime={verdict.publishedAt.toISOString()}>{formatDate(verdict.publishedAt)}</time>
            {" · "}
          </>
        ) : null}
        <Link
          href={`/tools/${toolSlug}/history/${verdict.reviewer.slug}`}
          className="underline decoration-stone-300 underline-offset-2 hover:text-stone-700 dark:decoration-stone-700 dark:hover:text-stone-300"
        >
          {verdict.version > 1 ? `updated ${formatDate(verdict.updatedAt)}` : "history"}
        </Link>
      </p>
    </Card>
  );
}
