import Link from "next/link";
import { notFound } from "next/navigation";
import { ComparisonForm } from "@/components/admin/comparison-form";
import { Card } from "@/components/ui/card";
import { requireStaff } from "@/lib/auth/guards";
import { getComparisonForEdit } from "@/lib/comparisons/queries";

export const metadata = { title: "Edit comparison" };

export default async function EditComparisonPage({ params }: PageProps<"/admin/comparisons/[id]">) {
  const { id } = await params;
  await requireStaff(`/admin/comparisons/${encodeURIComponent(id)}`);
  const comparison = await getComparisonForEdit(id);
  if (!comparison) notFound();
  const title = `${comparison.toolA.name} vs ${comparison.toolB.name}`;
  return (
    <div className="space-y-6">
      <p className="text-sm"><Link href="/admin/comparisons" className="text-stone-500 dark:text-stone-400 hover:underline">← Comparisons</Link></p>
      <div>
        <h1 className="text-3xl font-semibold tracking-tight">{title}</h1>
        <p className="mt-1 text-sm text-stone-500 dark:text-stone-400">
          {comparison.status === "PUBLISHED" ? "Published" : "Draft"} · version {comparison.version}
          {comparison.status === "PUBLISHED" ? <> · <Link href={`/compare/${comparison.slug}`} className="underline">public page</Link></> : null}
        </p>
      </div>
      <Card className="p-6">
        <ComparisonForm tools={[]} comparison={{
            id: comparison.id,
            version: comparison.version,
            headline: comparison.headline,
            intro: comparison.intro,
            pickA: comparison.pickA,
            pickB: comparison.pickB,
            status: comparison.status,
            title,
            toolNames: [comparison.toolA.name, comparison.toolB.name],
          }} />
      </Card>
    </div>
  );
}
