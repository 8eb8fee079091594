import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import type { Route } from "next";
import { VerdictEditor } from "@/components/admin/verdict-editor";
import { Card } from "@/components/ui/card";
import { requireStaff } from "@/lib/auth/guards";
import { getVerdictTarget } from "@/lib/verdicts/queries";

export const metadata = { title: "Write a verdict" };

export default async function NewVerdictPage({ searchParams }: PageProps<"/admin/verdicts/new">) {
  await requireStaff("/admin/verdicts");
  const { tool, reviewer } = await searchParams;
  if (typeof tool !== "string" || typeof reviewer !== "string") {
    return (
      <div className="space-y-4">
        <h1 className="text-3xl font-semibold tracking-tight">Write a verdict</h1>
        <p className="text-stone-600 dark:text-stone-400">
          Open a tool and pick the reviewer: <Link href="/admin/tools" className="font-medium underline underline-offset-2">Tools</Link>.
        </p>
      </div>
    );
  }
  const target = await getVerdictTarget(tool, reviewer);
  if (!target) notFound();
  if (target.existingId) redirect(`/admin/verdicts/${target.existingId}` as Route);
  return (
    <div className="space-y-6">
      <p className="text-sm"><Link href={`/admin/tools/${target.tool.id}`} className="text-stone-500 dark:text-stone-400 hover:underline">← {target.tool.name}</Link></p>
      <h1 className="text-3xl font-semibold tracking-tight">{target.reviewer.name} on {target.tool.name}</h1>
      <p className="text-sm text-stone-500 dark:text-stone-400">{target.reviewer.lens} · first verdict</p>
      <Card className="p-6"><VerdictEditor target={{ toolId: target.tool.id, reviewerId: target.reviewer.id }} /></Card>
    </div>
  );
}
