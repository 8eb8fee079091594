import { FailedJobForms } from "@/components/admin/job-forms";
import { requireStaff } from "@/lib/auth/guards";
import { formatDateTime } from "@/lib/format";
import { countJobs, listFailedJobs } from "@/lib/jobs/queries";

export const metadata = { title: "Jobs" };

/** What each task is, in words. */
const TASK_LABEL: Record<string, string> = {
  send_email: "Emails",
  send_weekly_digest: "Weekly digest",
  promote_pending_votes: "Count new accounts' votes",
  snapshot_tool_figures: "Daily figures snapshot",
};
const taskLabel = (task: string) => TASK_LABEL[task] ?? task;
const cell = "px-2 py-2.5 text-sm first:pl-4 last:pr-4 sm:px-4";

export default async function JobsView() {
  await requireStaff("/admin/jobs");
  const [counts, failed] = await Promise.all([countJobs(), listFailedJobs()]);
  const totals = counts.reduce((sum, row) => ({ queued: sum.queued + row.queued, retrying: sum.retrying + row.retrying, running: sum.running + row.running, failed: sum.failed + row.failed }), {
    queued: 0,
    retrying: 0,
    running: 0,
    failed: 0,
  });
  return (
    <div>
      <h1 className="text-3xl font-semibold tracking-tight">Jobs</h1>
      <p className="mt-2 max-w-3xl text-stone-600 dark:text-stone-400">
        Work that must not be lost runs on the job queue: every email, the weekly digest, the daily snapshot. A job that fails is tried again,
        waiting longer each time; one that runs out of attempts stays here until you retry it (all its attempts back, run now) or discard it
        (deleted with its message). Both are in the audit log. Finished jobs leave the queue.
      </p>

      <h2 className="mt-8 text-lg font-semibold">In the queue</h2>
      {counts.length === 0 ? (
        <p className="mt-3 rounded-xl border border-dashed border-stone-300 p-8 text-center text-stone-500 dark:border-stone-700 dark:text-stone-400">
          The queue is empty: every job is done.
        </p>
      ) : (
        <div className="mt-3 overflow-x-auto rounded-2xl border border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900">
          <table className="w-full text-left" data-testid="job-counts">
            <thead className="text-xs uppercase tracking-wide text-stone-500 dark:text-stone-400">
              <tr>
                <th scope="col" className={cell}>Task</th>
                <th scope="col" className={`${cell} text-right`}>Queued</th>
                <th scope="col" className={`${cell} text-right`}>Retrying</th>
                <th scope="col" className={`${cell} text-right`}>Running</th>
                <th scope="col" className={`${cell} text-right`}>Failed</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100 tabular-nums dark:divide-stone-800">
              {counts.map((row) => (
                <tr key={row.task} data-task={row.task}>
                  <th scope="row" className={`${cell} font-medium`}>
                    {taskLabel(row.task)}
                  </th>
                  <td className={`${cell} text-right`}>{row.queued}</td>
                  <td className={`${cell} text-right`}>{row.retrying}</td>
                  <td className={`${cell} text-right`}>{row.running}</td>
                  <td className={`${cell} text-right ${row.failed ? "font-semibold text-skip-700 dark:text-skip-400" : ""}`}>{row.failed}</td>
                </tr>
              ))}
            </tbody>
            {counts.length > 1 ? (
              <tfoot className="border-t border-stone-200 tabular-nums dark:border-stone-800">
                <tr>
                  <th scope="row" className={`${cell} font-medium`}>
                    All
                  </th>
                  <td className={`${cell} text-right`}>{totals.queued}</td>
                  <td className={`${cell} text-right`}>{totals.retrying}</td>
                  <td className={`${cell} text-right`}>{totals.running}</td>
                  <td className={`${cell} text-right`}>{totals.failed}</td>
                </tr>
              </tfoot>
            ) : null}
          </table>
        </div>
      )}

      <h2 className="mt-10 text-lg font-semibold">Failed · {failed.total}</h2>
      {failed.jobs.length === 0 ? (
        <p className="mt-3 text-sm text-stone-500 dark:text-stone-400">No job has run out of attempts.</p>
      ) : (
        <>
          {failed.total > failed.jobs.length ? (
            <p className="mt-2 text-sm text-stone-500 dark:text-stone-400">
              The {failed.jobs.length} latest of {failed.total}; retry or discard these to see the rest.
            </p>
          ) : null}
          <ol className="mt-3 space-y-3" aria-label="Failed jobs">
            {failed.jobs.map((job) => {
              const label = `${taskLabel(job.task)} job ${job.id}`;
              return (
                <li key={job.id} data-testid="failed-job" className="rounded-2xl border border-stone-200 bg-white p-5 text-sm dark:border-stone-800 dark:bg-stone-900">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <p className="font-medium">
                      {taskLabel(job.task)}
                      {job.recipient ? <span className="font-normal text-stone-600 dark:text-stone-400"> to {job.recipient}</span> : null}
                    </p>
                    <p className="text-xs tabular-nums text-stone-500 dark:text-stone-400">
                      {job.attempts} of {job.maxAttempts} attempts · failed {formatDateTime(job.failedAt)}
                    </p>
                  </div>
                  <p className="mt-2 break-words font-mono text-xs text-skip-800 dark:text-skip-300">{job.error ?? "No error recorded."}</p>
                  <p className="mt-1 text-xs text-stone-500 dark:text-stone-400">
                    Job {job.id} · queued {formatDateTime(job.createdAt)}
                  </p>
                  <div className="mt-3 border-t border-stone-100 pt-3 dark:border-stone-800">
                    <FailedJobForms jobId={job.id} label={label} />
                  </div>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </div>
  );
}
