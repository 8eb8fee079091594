import Link from "next/link";
import { notFound } from "next/navigation";
import { ReviewerForm } from "@/components/admin/reviewer-form";
import { Card } from "@/components/ui/card";
import { requireStaff } from "@/lib/auth/guards";
import { getReviewerForEdit } from "@/lib/reviewers/queries";

export const metadata = { title: "Edit reviewer" };

export default async function EditReviewerPage({ params }: PageProps<"/admin/reviewers/[id]">) {
  const { id } = await params;
  await requireStaff(`/admin/reviewers/${encodeURIComponent(id)}`);
  const reviewer = await getReviewerForEdit(id);
  if (!reviewer) notFound();
  return (
    <div className="space-y-6">
      <p className="text-sm"><Link href="/admin/reviewers" className="text-stone-500 dark:text-stone-400 hover:underline">← Reviewers</Link></p>
      <h1 className="text-3xl font-semibold tracking-tight">{reviewer.name}</h1>
      <Card className="p-6"><ReviewerForm key={reviewer.version} reviewer={reviewer} /></Card>
    </div>
  );
}
