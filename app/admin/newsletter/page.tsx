import Link from "next/link";
import { DataTable } from "@/components/admin/data-table";
import { Card } from "@/components/ui/card";
import { requireStaff } from "@/lib/auth/guards";
import { formatDate, formatDateTime } from "@/lib/format";
import { getNewsletterOverview } from "@/lib/newsletter/queries";

export const metadata = { title: "Newsletter" };

export default async function AdminNewsletter() {
  await requireStaff("/admin/newsletter");
  const { counts, digests } = await getNewsletterOverview();
  const figures = [
    { label: "Confirmed", value: counts.CONFIRMED, note: "get the digest" },
    { label: "Pending", value: counts.PENDING, note: "not confirmed yet" },
    { label: "Unsubscribed", value: counts.UNSUBSCRIBED, note: "asked to stop" },
  ];
  return (
    <div>
      <h1 className="text-3xl font-semibold tracking-tight">Newsletter</h1>
      <p className="mt-2 text-stone-600 dark:text-stone-400">
        Subscribers and weekly digests. The digest is sent with <code className="text-sm">npm run digest</code>; every export is recorded in the audit log.
      </p>
      <dl className="mt-6 grid gap-4 sm:grid-cols-3">
        {figures.map((figure) => (
          <Card key={figure.label} className="p-5">
            <dt className="text-sm text-stone-500">{figure.label}</dt>
            <dd className="mt-1 text-3xl font-semibold tabular-nums" data-testid={`newsletter-count-${figure.label.toLowerCase()}`}>
              {figure.value.toLocaleString("en-US")}
            </dd>
            <dd className="text-xs text-stone-500">{figure.note}</dd>
          </Card>
        ))}
      </dl>
      <p className="mt-6">
        {/* A file download from a route handler, not a page: a plain link. */}
        <a
          href="/api/admin/newsletter/subscribers.csv"
          download
          className="inline-block rounded-lg bg-stone-900 px-4 py-2 text-sm font-medium text-white hover:bg-stone-700 dark:bg-white dark:text-stone-900 dark:hover:bg-stone-200"
        >
          Download CSV of confirmed subscribers
        </a>
      </p>
      <h2 className="mt-10 text-xl font-semibold">Latest digests</h2>
      <p className="mt-1 text-sm text-stone-500 dark:text-stone-400">
        Built by the job queue every Monday at 08:00 UTC. Recipients counts the emails queued; an email that fails for good shows in{" "}
        <Link href="/admin/jobs" className="underline underline-offset-2">
          Jobs
        </Link>
        .
      </p>
      <DataTable columns={["Sent", "Subject", "Period", "Recipients"]} caption="Latest digests">
        {digests.length === 0 ? (
          <tr>
            <td colSpan={4} className="px-4 py-6 text-center text-stone-500">No digest has been sent yet.</td>
          </tr>
        ) : null}
        {digests.map((digest) => (
          <tr key={digest.id}>
            <td className="whitespace-nowrap px-4 py-2.5 text-stone-600 dark:text-stone-400">
              {formatDateTime(digest.createdAt)}
              {digest.completedAt ? null : <span className="ml-2 rounded-full bg-skip-50 px-2 py-0.5 text-xs text-skip-700 dark:bg-skip-950 dark:text-skip-300">incomplete</span>}
            </td>
            <td className="px-4 py-2.5">{digest.subject}</td>
            <td className="whitespace-nowrap px-4 py-2.5 text-stone-600 dark:text-stone-400">
              {formatDate(digest.periodStart)} – {formatDate(digest.periodEnd)}
            </td>
            <td className="px-4 py-2.5 tabular-nums">{digest.recipientCount.toLocaleString("en-US")}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
