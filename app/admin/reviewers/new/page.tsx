import Link from "next/link";
import { ReviewerForm } from "@/components/admin/reviewer-form";
import { Card } from "@/components/ui/card";
import { requireStaff } from "@/lib/auth/guards";

export const metadata = { title: "Add a reviewer" };

export default async function NewReviewerPage() {
  await requireStaff("/admin/reviewers/new");
  return (
    <div className="space-y-6">
      <p className="text-sm"><Link href="/admin/reviewers" className="text-stone-500 dark:text-stone-400 hover:underline">← Reviewers</Link></p>
      <h1 className="text-3xl font-semibold tracking-tight">Add a reviewer</h1>
      <Card className="p-6"><ReviewerForm /></Card>
    </div>
  );
}
