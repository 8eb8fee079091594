import type { Route } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { z } from "zod";
import { QueueTabs } from "@/components/admin/queue-tabs";
import { AcceptForm, DeclineForm, MergeForm, ResolveForm } from "@/components/admin/suggestion-forms";
import { Pagination } from "@/components/ui/pagination";
import { requireStaff } from "@/lib/auth/guards";
import { formatDateTime } from "@/lib/format";
import { listPageHref, pageBeyondLast } from "@/lib/http/pagination";
import { choiceParam } from "@/lib/http/search-params";
import { listedToolNames } from "@/lib/tools/names";
import { getDecidedSuggestion, listSuggestionCategories, listSuggestionQueue, QUEUE_VIEWS } from "@/lib/suggestions/queries";
import { PRICING_MODEL_LABELS, PROBLEM_LABELS, suggestedSlug } from "@/lib/suggestions/schema";

export const metadata = { title: "Suggestions" };

const STATUS_TONE = {
  received: "bg-stone-100 text-stone-700 dark:bg-stone-800 dark:text-stone-300",
  accepted: "bg-ship-50 text-ship-800 dark:bg-ship-950 dark:text-ship-200",
  merged: "bg-ship-50 text-ship-800 dark:bg-ship-950 dark:text-ship-200",
  declined: "bg-skip-50 text-skip-800 dark:bg-skip-950 dark:text-skip-200",
} as const;

export default async function SuggestionQueue({ searchParams }: PageProps<"/admin/suggestions">) {
  await requireStaff("/admin/suggestions");
  const params = await searchParams;
  const view = choiceParam(QUEUE_VIEWS, "waiting").parse(params.view);
  const page = z.coerce.number().int().min(1).max(10_000).catch(1).parse(params.page);
  const done = z.string().min(1).max(40).optional().catch(undefined).parse(params.done);
  const [queue, categories, tools, decided] = await Promise.all([
    listSuggestionQueue(view, page),
    listSuggestionCategories(),
    listedToolNames(),
    done ? getDecidedSuggestion(done) : null,
  ]);
  const href = (n: number) => listPageHref("/admin/suggestions", { view: view === "waiting" ? undefined : view }, n) as Route;
  // Past the last page: the last page, in the same view.
  const last = pageBeyondLast(page, queue.totalPages);
  if (last !== null) redirect(href(last));
  const categoryOptions = categories.map((category) => ({ value: category.id, label: category.name }));
  const toolOptions = tools.map((tool) => ({ value: tool.slug, label: tool.name }));
  return (
    <div>
      <h1 className="text-3xl font-semibold tracking-tight">Suggestions</h1>
      <p className="mt-2 max-w-3xl text-stone-600 dark:text-stone-400">
        Tools readers suggested and problems they reported, oldest first. Accept a tool as an unlisted draft (list it from its admin page once it
        has its verdicts), merge it into the tool it already is, or decline it with a reason the reader sees. Every decision emails the reader
        and is in the audit log.
      </p>
      {decided ? <DoneBanner decided={decided} /> : null}
      <QueueTabs
        base="/admin/suggestions"
        current={view}
        views={[
          ["waiting", `Waiting${view === "waiting" ? ` (${queue.total})` : ""}`],
          ["decided", "Decided"],
        ]}
      />
      {queue.items.length === 0 ? (
        <p className="mt-6 rounded-xl border border-dashed border-stone-300 p-8 text-center text-stone-500 dark:border-stone-700 dark:text-stone-400">
          {view === "waiting" ? "Nothing waiting: the queue is empty." : "Nothing decided yet."}
        </p>
      ) : (
        <ol className="mt-6 space-y-4" aria-label={view === "waiting" ? "Waiting suggestions and reports" : "Decided suggestions and reports"}>
          {queue.items.map((item) => (
            <li key={item.id} className="rounded-2xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900" data-testid="suggestion-item">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="text-lg font-semibold">
                  {item.kind === "tool" ? (
                    item.name
                  ) : (
                    <>
                      <span className="font-normal text-stone-500 dark:text-stone-400">Problem on </span>
                      {item.tool ? (
                        <Link href={`/admin/tools/${item.tool.id}` as Route} className="underline underline-offset-2">
                          {item.tool.name}
                        </Link>
                      ) : (
                        "a removed tool"
                      )}
                    </>
                  )}
                </h2>
                <span className={`rounded-full px-2.5 py-0.5 text-xs font-semibold ${STATUS_TONE[item.status]}`}>{item.status}</span>
              </div>
              {item.kind === "tool" ? (
                <>
                  <p className="mt-1 break-words text-[15px]">{item.pitch}</p>
                  <dl className="mt-3 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
                    <div className="flex gap-2">
                      <dt className="text-stone-500 dark:text-stone-400">Website</dt>
                      <dd className="min-w-0 truncate">
                        {/* Stored as https:// by the schema; anything else (written behind the app's back) stays text. */}
                        {/^https?:\/\//i.test(item.website ?? "") ? (
                          <a href={item.website!} rel="nofollow noopener noreferrer" target="_blank" className="underline underline-offset-2">
                            {item.website}
                          </a>
                        ) : (
                          item.website
                        )}
                      </dd>
                    </div>
                    <div className="flex gap-2">
                      <dt className="text-stone-500 dark:text-stone-400">Category</dt>
                      <dd>{item.category?.name ?? "—"}</dd>
                    </div>
                    <div className="flex gap-2">
                      <dt className="text-stone-500 dark:text-stone-400">Vendor</dt>
                      <dd>{item.vendor ?? "—"}</dd>
                    </div>
                    <div className="flex gap-2">
                      <dt className="text-stone-500 dark:text-stone-400">Pricing</dt>
                      <dd>{item.pricingModel ? PRICING_MODEL_LABELS[item.pricingModel] : "—"}</dd>
                    </div>
                  </dl>
                </>
              ) : (
                <>
                  <p className="mt-1 text-sm font-medium text-amber-800 dark:text-amber-300">{item.problemCategory ? PROBLEM_LABELS[item.problemCategory] : null}</p>
                  <blockquote className="mt-2 whitespace-pre-line break-words border-l-4 border-stone-300 pl-3 text-[15px] dark:border-stone-700">{item.details}</blockquote>
                </>
              )}
              <p className="mt-3 text-xs text-stone-500 dark:text-stone-400">
                {item.author ? (
                  <>
                    From <span className="font-medium text-stone-700 dark:text-stone-300">{item.author.name}</span>
                    {item.author.email ? ` (${item.author.email})` : ""}, joined {formatDateTime(item.author.joinedAt)}
                  </>
                ) : (
                  "From a deleted account"
                )}{" "}
                · sent {formatDateTime(item.createdAt)}
                {item.decidedAt ? ` · decided ${formatDateTime(item.decidedAt)}` : ""}
              </p>
              {item.decisionNote ? <p className="mt-2 text-sm text-stone-700 dark:text-stone-300">Note to the reader: “{item.decisionNote}”</p> : null}
              {item.status === "received" ? (
                <div className="mt-4 space-y-3 border-t border-stone-100 pt-4 dark:border-stone-800">
                  {item.kind === "tool" ? (
                    <>
                      <details className="group rounded-xl border border-stone-200 p-3 dark:border-stone-800">
                        <summary className="cursor-pointer text-sm font-medium">Accept as a draft tool…</summary>
                        <div className="mt-3">
                          <AcceptForm
                            suggestionId={item.id}
                            categories={categoryOptions}
                            defaults={{
                              slug: suggestedSlug(item.name!),
                              name: item.name!,
                              vendor: item.vendor ?? "",
                              categoryId: item.category?.id ?? categoryOptions[0]?.value ?? "",
                              tagline: item.pitch!,
                              description: item.pitch!,
                              website: item.website!,
                              pricingModel: item.pricingModel ?? "",
                            }}
                          />
                        </div>
                      </details>
                      <MergeForm suggestionId={item.id} tools={toolOptions} />
                    </>
                  ) : (
                    <ResolveForm suggestionId={item.id} />
                  )}
                  <DeclineForm suggestionId={item.id} />
                </div>
              ) : null}
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

/** What the last decision did (read back from the database after the redirect). */
function DoneBanner({ decided }: { decided: NonNullable<Awaited<ReturnType<typeof getDecidedSuggestion>>> }) {
  const what =
    decided.kind === "problem"
      ? decided.status === "declined"
        ? `Declined the report on ${decided.title}.`
        : `Marked the report on ${decided.title} fixed.`
      : decided.status === "accepted"
        ? `Accepted ${decided.title} as a draft tool${decided.result ? ` (/${decided.result.slug})` : ""}.`
        : decided.status === "merged"
          ? `Merged ${decided.title} into ${decided.result?.name ?? "a listed tool"}.`
          : `Declined ${decided.title}.`;
  return (
    <div role="status" className="mt-6 rounded-xl border border-ship-200 bg-ship-50 px-4 py-3 text-sm dark:border-ship-900 dark:bg-ship-950/40" data-testid="triage-done">
      <span className="font-medium">{what}</span> The reader is emailed.
      {decided.status === "accepted" && decided.result && !decided.result.listed ? (
        <>
          {" "}
          <Link href={`/admin/tools/${decided.result.id}` as Route} className="font-semibold underline underline-offset-2">
            Open the draft
          </Link>{" "}
          to finish it, then list it once its verdicts are written.
        </>
      ) : null}
    </div>
  );
}
