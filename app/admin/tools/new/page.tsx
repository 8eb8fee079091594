import Link from "next/link";
import { ToolForm } from "@/components/admin/tool-form";
import { Card } from "@/components/ui/card";
import { requireStaff } from "@/lib/auth/guards";
import { listCategories } from "@/lib/tools/queries";

export const metadata = { title: "Add a tool" };

export default async function NewToolPage() {
  await requireStaff("/admin/tools/new");
  const categories = await listCategories();
  return (
    <div className="space-y-6">
      <p className="text-sm"><Link href="/admin/tools" className="text-stone-500 dark:text-stone-400 hover:underline">← Tools</Link></p>
      <h1 className="text-3xl font-semibold tracking-tight">Add a tool</h1>
      <Card className="p-6"><ToolForm categories={categories} /></Card>
    </div>
  );
}
