import Link from "next/link";
import { notFound } from "next/navigation";
import { ToolForm } from "@/components/admin/tool-form";
import { Card } from "@/components/ui/card";
import { requireStaff } from "@/lib/auth/guards";
import { archiveToolAction } from "@/lib/tools/admin-actions";
import { getToolForEdit, listCategories } from "@/lib/tools/queries";

export const metadata = { title: "Edit tool" };

const asText = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : value == null ? "" : String(value));

export default async function EditToolPage({ params }: PageProps<"/admin/tools/[id]">) {
  const { id } = await params;
  await requireStaff(`/admin/tools/${encodeURIComponent(id)}`);
  const [tool, categories] = await Promise.all([getToolForEdit(id), listCategories()]);
  if (!tool) notFound();
  const values = Object.fromEntries(Object.entries(tool).map(([key, value]) => [key, asText(value)])) as Record<string, string> & { id: string; version: string };
  return (
    <div className="space-y-6">
      <p className="text-sm"><Link href="/admin/tools" className="text-stone-500 hover:underline">← Tools</Link></p>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-3xl font-semibold tracking-tight">{tool.name}</h1>
          <p className="mt-1 text-sm text-stone-500">
            {tool.archivedAt ? "Archived" : "Listed"} · version {tool.version} · <Link href={`/tools/${tool.slug}`} className="underline">public page</Link>
          </p>
        </div>
        <form action={archiveToolAction}>
          <input type="hidden" name="id" value={tool.id} />
          <input type="hidden" name="archived" value={tool.archivedAt ? "false" : "true"} />
          <button type="submit" className="rounded-lg px-3 py-2 text-sm font-medium ring-1 ring-stone-300 hover:bg-stone-100 dark:ring-stone-700 dark:hover:bg-stone-800">
            {tool.archivedAt ? "Restore to listings" : "Archive"}
          </button>
        </form>
      </div>
      <Card className="p-6"><ToolForm tool={values} categories={categories} /></Card>
    </div>
  );
}
