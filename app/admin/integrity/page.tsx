import type { Route } from "next";
import Link from "next/link";
import { RestoreVoidForm, VoidForm } from "@/components/admin/integrity-forms";
import { requireStaff } from "@/lib/auth/guards";
import { env } from "@/lib/env";
import { formatDateTime } from "@/lib/format";
import { listVoteRates, listVoteVoids } from "@/lib/integrity/queries";
import { newAccountAgeWords } from "@/lib/votes/pending";

export const metadata = { title: "Vote integrity" };

const percent = (part: number, whole: number) => (whole === 0 ? "—" : `${Math.round((part / whole) * 100)} %`);

export default async function IntegrityView() {
  await requireStaff("/admin/integrity");
  const [rates, voids] = await Promise.all([listVoteRates(), listVoteVoids()]);
  const flagged = rates.filter((rate) => rate.flagged).length;
  return (
    <div>
      <h1 className="text-3xl font-semibold tracking-tight">Vote integrity</h1>
      <p className="mt-2 max-w-3xl text-stone-600 dark:text-stone-400">
        Tools voted on in the last hour, the most unusual first: votes in the hour against the tool&apos;s own hourly rate over the week before,
        and how many came from accounts younger than {newAccountAgeWords(env.NEW_ACCOUNT_HOURS)} (their votes wait before they count). A
        tool is flagged at {env.INTEGRITY_MIN_VOTES}+ votes and {env.INTEGRITY_SPIKE_RATIO}× its baseline. Voided votes are kept, leave the
        figures at once, and can be restored; every void is in the audit log.
      </p>
      <h2 className="mt-8 text-lg font-semibold">Last hour{flagged ? ` · ${flagged} flagged` : ""}</h2>
      {rates.length === 0 ? (
        <p className="mt-4 rounded-xl border border-dashed border-stone-300 p-8 text-center text-stone-500 dark:border-stone-700 dark:text-stone-400">
          No votes in the last hour.
        </p>
      ) : (
        <ol className="mt-4 space-y-3" aria-label="Tools voted on in the last hour">
          {rates.map((rate) => (
            <li
              key={rate.toolId}
              data-testid="integrity-row"
              className={`rounded-2xl border bg-white p-5 dark:bg-stone-900 ${rate.flagged ? "border-skip-300 dark:border-skip-800" : "border-stone-200 dark:border-stone-800"}`}
            >
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <p className="font-medium">
                  <Link href={`/tools/${rate.slug}` as Route} className="underline-offset-2 hover:underline">
                    {rate.name}
                  </Link>
                  {rate.flagged ? (
                    <span className="ml-2 rounded-full bg-skip-100 px-2 py-0.5 text-xs font-semibold text-skip-800 dark:bg-skip-950 dark:text-skip-200">
                      Far above its baseline
                    </span>
                  ) : null}
                </p>
                <p className="text-xs tabular-nums text-stone-500 dark:text-stone-400">{rate.ratio.toFixed(1)}× its baseline</p>
              </div>
              <dl className="mt-3 grid grid-cols-2 gap-3 text-sm sm:grid-cols-5">
                <div>
                  <dt className="text-xs text-stone-500 dark:text-stone-400">Votes, last hour</dt>
                  <dd className="tabular-nums">{rate.lastHour}</dd>
                </div>
                <div>
                  <dt className="text-xs text-stone-500 dark:text-stone-400">Per hour, week before</dt>
                  <dd className="tabular-nums">{rate.baselinePerHour.toFixed(1)}</dd>
                </div>
                <div>
                  <dt className="text-xs text-stone-500 dark:text-stone-400">From new accounts</dt>
                  <dd className="tabular-nums">
                    {rate.lastHourNew} ({percent(rate.lastHourNew, rate.lastHour)})
                  </dd>
                </div>
                <div>
                  <dt className="text-xs text-stone-500 dark:text-stone-400">Pending now</dt>
                  <dd className="tabular-nums">{rate.pendingVotes}</dd>
                </div>
                <div>
                  <dt className="text-xs text-stone-500 dark:text-stone-400">Voided, last hour</dt>
                  <dd className="tabular-nums">{rate.voidedLastHour}</dd>
                </div>
              </dl>
              <div className="mt-4 border-t border-stone-100 pt-4 dark:border-stone-800">
                <VoidForm tool={rate.slug} name={rate.name} />
              </div>
            </li>
          ))}
        </ol>
      )}
      <h2 className="mt-10 text-lg font-semibold">Voids</h2>
      {voids.length === 0 ? (
        <p className="mt-4 text-sm text-stone-500 dark:text-stone-400">No votes have been voided.</p>
      ) : (
        <ol className="mt-4 space-y-3" aria-label="Voided votes">
          {voids.map((row) => (
            <li key={row.id} data-testid="void-row" className="rounded-2xl border border-stone-200 bg-white p-5 text-sm dark:border-stone-800 dark:bg-stone-900">
              <p>
                <span className="font-medium">{row.voteCount}</span> vote{row.voteCount === 1 ? "" : "s"} on{" "}
                <Link href={`/tools/${row.tool.slug}` as Route} className="font-medium underline-offset-2 hover:underline">
                  {row.tool.name}
                </Link>{" "}
                cast since {formatDateTime(row.since)}
                {row.newAccountsOnly ? " from new accounts" : ""}: “{row.reason}”
              </p>
              <p className="mt-1 text-xs text-stone-500 dark:text-stone-400">
                Voided {formatDateTime(row.createdAt)}
                {row.createdBy ? ` by ${row.createdBy}` : ""}
                {row.restoredAt ? ` · restored ${formatDateTime(row.restoredAt)}${row.restoredBy ? ` by ${row.restoredBy}` : ""}` : ""}
              </p>
              {row.restoredAt ? null : (
                <div className="mt-3">
                  <RestoreVoidForm voidId={row.id} />
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
