import Link from "next/link";
import { ComparisonForm } from "@/components/admin/comparison-form";
import { Card } from "@/components/ui/card";
import { requireStaff } from "@/lib/auth/guards";
import { listToolsForPicker } from "@/lib/comparisons/queries";

export const metadata = { title: "New comparison" };

export default async function NewComparisonPage() {
  await requireStaff("/admin/comparisons/new");
  const tools = await listToolsForPicker();
  return (
    <div className="space-y-6">
      <p className="text-sm"><Link href="/admin/comparisons" className="text-stone-500 dark:text-stone-400 hover:underline">← Comparisons</Link></p>
      <h1 className="text-3xl font-semibold tracking-tight">New comparison</h1>
      <Card className="p-6"><ComparisonForm tools={tools} /></Card>
    </div>
  );
}
