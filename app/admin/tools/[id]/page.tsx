import Link from "next/link";
import { notFound } from "next/navigation";
import { LogoRemoveForm, LogoUploadForm } from "@/components/admin/logo-forms";
import { ToolForm } from "@/components/admin/tool-form";
import { ToolLogo } from "@/components/site/tool-logo";
import { Card } from "@/components/ui/card";
import { requireStaff } from "@/lib/auth/guards";
import { getToolLogoSummary } from "@/lib/logos/queries";
import { getSuggestionOrigin } from "@/lib/suggestions/queries";
import { archiveToolAction } from "@/lib/tools/actions";
import { getToolForEdit, listCategories } from "@/lib/tools/queries";
import { listPanelForTool } from "@/lib/verdicts/queries";
import { CallBadge } from "@/components/ui/call-badge";

export const metadata = { title: "Edit tool" };

const asText = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : value == null ? "" : String(value));

export default async function EditToolPage({ params }: PageProps<"/admin/tools/[id]">) {
  const { id } = await params;
  await requireStaff(`/admin/tools/${encodeURIComponent(id)}`);
  const [tool, categories, panel, logo, origin] = await Promise.all([getToolForEdit(id), listCategories(), listPanelForTool(id), getToolLogoSummary(id), getSuggestionOrigin(id)]);
  if (!tool) notFound();
  const draft = tool.draft;
  const values = Object.fromEntries(Object.entries(tool).map(([key, value]) => [key, asText(value)])) as Record<string, string> & { id: string; version: string };
  return (
    <div className="space-y-6">
      <p className="text-sm"><Link href="/admin/tools" className="text-stone-500 dark:text-stone-400 hover:underline">← Tools</Link></p>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-3xl font-semibold tracking-tight">{tool.name}</h1>
          <p className="mt-1 text-sm text-stone-500 dark:text-stone-400">
            {draft ? (
              <>
                Draft{origin ? (
                  <>
                    {" "}from a <Link href="/admin/suggestions?view=decided" className="underline">reader&apos;s suggestion</Link>
                  </>
                ) : null}
                , not listed yet (no public page): write its verdicts, then list it
              </>
            ) : tool.archivedAt ? (
              "Archived"
            ) : (
              "Listed"
            )}{" "}
            · version {tool.version} · <Link href={`/tools/${tool.slug}`} className="underline">public page</Link>
          </p>
        </div>
        <form action={archiveToolAction}>
          <input type="hidden" name="id" value={tool.id} />
          <input type="hidden" name="archived" value={tool.archivedAt ? "false" : "true"} />
          <button type="submit" className="rounded-lg px-3 py-2 text-sm font-medium ring-1 ring-stone-300 hover:bg-stone-100 dark:ring-stone-700 dark:hover:bg-stone-800">
            {draft ? "List it" : tool.archivedAt ? "Restore to listings" : "Archive"}
          </button>
        </form>
      </div>
      <Card className="p-6"><ToolForm tool={values} categories={categories} /></Card>
      <section aria-labelledby="logo-title">
        <h2 id="logo-title" className="text-xl font-semibold tracking-tight">Logo</h2>
        <Card className="mt-4 flex flex-wrap items-start gap-6 p-6">
          <figure className="flex flex-col items-center gap-2">
            <ToolLogo name={tool.name} logoUrl={logo?.url ?? null} size={96} className="rounded-2xl" label={logo ? `Current logo of ${tool.name}` : `Monogram of ${tool.name}`} />
            <figcaption className="text-xs text-stone-500 dark:text-stone-400">
              {logo ? `${logo.contentType.replace("image/", "").replace("+xml", "").toUpperCase()} · ${(logo.size / 1024).toFixed(1)} KB` : "No logo: the monogram shows"}
            </figcaption>
          </figure>
          <div className="flex min-w-64 flex-1 flex-col gap-4">
            <LogoUploadForm toolId={tool.id} />
            {logo ? <LogoRemoveForm toolId={tool.id} /> : null}
            <p className="text-xs text-stone-500 dark:text-stone-400">
              The file&apos;s format is read from its bytes. SVGs are sanitised; one with scripts, event handlers or links to other files is refused. Every change is in the audit log.
            </p>
          </div>
        </Card>
      </section>
      <section aria-labelledby="panel-title">
        <h2 id="panel-title" className="text-xl font-semibold tracking-tight">Panel verdicts</h2>
        <Card className="mt-4 divide-y divide-stone-100 dark:divide-stone-800">
          {panel.map(({ reviewer, verdict }) => (
            <div key={reviewer.id} className="flex flex-wrap items-center justify-between gap-3 px-5 py-3 text-sm">
              <div>
                <p className="font-medium">{reviewer.name}{reviewer.active ? null : <span className="ml-2 text-xs text-stone-500 dark:text-stone-400">inactive</span>}</p>
                <p className="text-xs text-stone-500 dark:text-stone-400">{reviewer.lens}</p>
              </div>
              {verdict ? (
                <div className="flex items-center gap-3">
                  <CallBadge decision={verdict.decision} />
                  <span className="text-xs text-stone-500 dark:text-stone-400">{verdict.published ? "published" : "draft"} · v{verdict.version}</span>
                  <Link href={`/admin/verdicts/${verdict.id}`} className="font-medium underline underline-offset-2">Edit</Link>
                </div>
              ) : (
                <Link href={`/admin/verdicts/new?tool=${tool.id}&reviewer=${reviewer.id}`} className="rounded-lg px-3 py-1.5 text-xs font-medium ring-1 ring-stone-300 hover:bg-stone-100 dark:ring-stone-700 dark:hover:bg-stone-800">
                  Write verdict
                </Link>
              )}
            </div>
          ))}
        </Card>
      </section>
    </div>
  );
}
