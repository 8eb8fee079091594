import type { Route } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { HideForm, MuteForm, ReportsForm } from "@/components/admin/moderation-forms";
import { QueueTabs } from "@/components/admin/queue-tabs";
import { Pagination } from "@/components/ui/pagination";
import { requireStaff } from "@/lib/auth/guards";
import { formatDateTime } from "@/lib/format";
import { listPageHref, pageBeyondLast } from "@/lib/http/pagination";
import { choiceParam } from "@/lib/http/search-params";
import { listModerationQueue } from "@/lib/moderation/queries";
import { QUEUE_VIEWS } from "@/lib/moderation/schema";
import { z } from "zod";

export const metadata = { title: "Moderation" };

const CATEGORY_LABEL = { spam: "spam", abuse: "abuse", "off-topic": "off topic", other: "other" } as const;

export default async function ModerationQueue({ searchParams }: PageProps<"/admin/moderation">) {
  await requireStaff("/admin/moderation");
  const params = await searchParams;
  const view = choiceParam(QUEUE_VIEWS, "open").parse(params.view);
  const page = z.coerce.number().int().min(1).max(10_000).catch(1).parse(params.page);
  const queue = await listModerationQueue(view, page);
  const href = (n: number) => listPageHref("/admin/moderation", { view: view === "open" ? undefined : view }, n) as Route;
  // Past the last page: the last page, in the same view.
  const last = pageBeyondLast(page, queue.totalPages);
  if (last !== null) redirect(href(last));
  return (
    <div>
      <h1 className="text-3xl font-semibold tracking-tight">Moderation</h1>
      <p className="mt-2 max-w-3xl text-stone-600 dark:text-stone-400">
        Readers&apos; reasons that were reported, newest report first. A hidden reason leaves every public page at once and its author sees
        your note; everything here is in the audit log and can be undone.
      </p>
      <QueueTabs
        base="/admin/moderation"
        current={view}
        views={[
          ["open", "Reported"],
          ["hidden", "Hidden"],
        ]}
      />
      {queue.items.length === 0 ? (
        <p className="mt-6 rounded-xl border border-dashed border-stone-300 p-8 text-center text-stone-500 dark:border-stone-700 dark:text-stone-400">
          {view === "open" ? "Nothing reported: the queue is empty." : "No reason is hidden."}
        </p>
      ) : (
        <ol className="mt-6 space-y-4" aria-label="Reasons to review">
          {queue.items.map((item) => (
            <li key={item.id} className="rounded-2xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900" data-testid="moderation-item">
              <div className="flex flex-wrap items-baseline justify-between gap-2 text-xs text-stone-500 dark:text-stone-400">
                <p>
                  <Link href={`/tools/${item.tool.slug}/reasons` as Route} className="font-semibold text-stone-800 underline underline-offset-2 dark:text-stone-200">
                    {item.tool.name}
                  </Link>{" "}
                  · voted {item.decision} · {item.helpful} helpful · written {formatDateTime(item.createdAt)}
                </p>
                {item.lastReportedAt ? <p>last report {formatDateTime(item.lastReportedAt)}</p> : null}
              </div>
              <blockquote className="mt-3 whitespace-pre-line break-words border-l-4 border-stone-300 pl-3 text-[15px] dark:border-stone-700">{item.text}</blockquote>
              <p className="mt-3 flex flex-wrap gap-2 text-xs">
                {item.hidden ? (
                  <span className="rounded-full bg-amber-100 px-2 py-0.5 font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-200">
                    {item.hidden.auto ? "Hidden automatically, awaiting review" : "Hidden"} since {formatDateTime(item.hidden.at)}
                    {item.hidden.reason ? `: ${item.hidden.reason}` : ""}
                  </span>
                ) : null}
                {Object.entries(item.categories).map(([category, count]) => (
                  <span key={category} className="rounded-full bg-skip-50 px-2 py-0.5 font-medium text-skip-800 dark:bg-skip-950 dark:text-skip-200">
                    {count} × {CATEGORY_LABEL[category as keyof typeof CATEGORY_LABEL]}
                  </span>
                ))}
                {item.identicalAuthors ? (
                  <span className="rounded-full bg-amber-100 px-2 py-0.5 font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-200" data-testid="identical-flag">
                    Same text from {item.identicalAuthors} accounts
                  </span>
                ) : null}
                {item.dismissedReports ? <span className="rounded-full bg-stone-100 px-2 py-0.5 dark:bg-stone-800">{item.dismissedReports} dismissed</span> : null}
              </p>
              {item.notes.length ? (
                <ul className="mt-2 space-y-1 text-xs text-stone-600 dark:text-stone-400" aria-label="Reporters' notes">
                  {item.notes.map((note, index) => (
                    <li key={index} className="whitespace-pre-line break-words">“{note}”</li>
                  ))}
                </ul>
              ) : null}
              <p className="mt-3 text-xs text-stone-500 dark:text-stone-400">
                By <span className="font-medium text-stone-700 dark:text-stone-300">{item.author.name}</span>
                {item.author.email ? ` (${item.author.email})` : ""}, joined {formatDateTime(item.author.joinedAt)}
                {item.author.mutedUntil ? ` · muted until ${formatDateTime(item.author.mutedUntil)}` : ""}
              </p>
              <div className="mt-4 space-y-3 border-t border-stone-100 pt-4 dark:border-stone-800">
                <div className="flex flex-wrap items-center gap-4">
                  <HideForm reasonId={item.id} hidden={item.hidden !== null} />
                  <ReportsForm reasonId={item.id} open={item.openReports} dismissed={item.dismissedReports} flagged={item.identicalAuthors !== null} />
                </div>
                <MuteForm userId={item.author.id} name={item.author.name} muted={item.author.mutedUntil !== null} />
              </div>
            </li>
          ))}
        </ol>
      )}
      <div className="mt-6">
        <Pagination page={queue.page} totalPages={queue.totalPages} href={href} />
      </div>
    </div>
  );
}
