import Link from "next/link";
import { notFound } from "next/navigation";
import { RestoreButton } from "@/components/admin/restore-button";
import { VerdictEditor } from "@/components/admin/verdict-editor";
import { CallBadge } from "@/components/ui/call-badge";
import { Card } from "@/components/ui/card";
import { TextDiff } from "@/components/ui/text-diff";
import { requireStaff } from "@/lib/auth/guards";
import { getVerdictForEdit } from "@/lib/verdicts/queries";
import { formatDateTime } from "@/lib/format";

export const metadata = { title: "Edit verdict" };

export default async function EditVerdictPage({ params }: PageProps<"/admin/verdicts/[id]">) {
  const { id } = await params;
  await requireStaff(`/admin/verdicts/${encodeURIComponent(id)}`);
  const verdict = await getVerdictForEdit(id);
  if (!verdict) notFound();
  return (
    <div className="space-y-10">
      <header>
        <p className="text-sm">
          <Link href="/admin/verdicts" className="text-stone-500 dark:text-stone-400 hover:underline">← Verdicts</Link>
        </p>
        <h1 className="mt-2 text-3xl font-semibold tracking-tight">
          {verdict.reviewer.name} on {verdict.tool.name}
        </h1>
        <p className="mt-1 text-sm text-stone-500 dark:text-stone-400">
          {verdict.reviewer.lens} · version {verdict.version} · <Link href={`/tools/${verdict.tool.slug}`} className="underline">public page</Link>
        </p>
      </header>
      <Card className="p-6">
        <VerdictEditor
          verdict={{ id: verdict.id, version: verdict.version, decision: verdict.decision, body: verdict.body, published: verdict.published }}
        />
      </Card>
      <section aria-labelledby="history-title">
        <h2 id="history-title" className="text-xl font-semibold tracking-tight">History</h2>
        <ol className="mt-4 space-y-4">
          {verdict.revisions.map((revision, index) => {
            const previous = verdict.revisions[index + 1];
            return (
              <li key={revision.version}>
                <Card as="article" className="p-5">
                  <div className="flex flex-wrap items-center justify-between gap-3">
                    <p className="text-sm">
                      <span className="font-medium">Version {revision.version}</span> · {formatDateTime(revision.createdAt)} ·{" "}
                      {revision.editor?.name ?? revision.editor?.email ?? "seed"} · {revision.published ? "published" : "draft"}
                    </p>
                    <div className="flex items-center gap-3">
                      <CallBadge decision={revision.decision} />
                      {revision.version === verdict.version ? (
                        <span className="text-xs text-stone-500 dark:text-stone-400">current</span>
                      ) : (
                        <RestoreButton verdictId={verdict.id} currentVersion={verdict.version} version={revision.version} />
                      )}
                    </div>
                  </div>
                  {revision.reason ? <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">Why: {revision.reason}</p> : null}
                  <div className="mt-3 border-t border-stone-100 pt-3 dark:border-stone-800">
                    {previous ? (
                      <TextDiff before={previous.body} after={revision.body} />
                    ) : (
                      <p className="whitespace-pre-wrap text-sm leading-6 text-stone-700 dark:text-stone-300">{revision.body}</p>
                    )}
                  </div>
                </Card>
              </li>
            );
          })}
        </ol>
      </section>
    </div>
  );
}
