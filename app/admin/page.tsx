import Link from "next/link";
import { Card } from "@/components/ui/card";
import { requireStaff } from "@/lib/auth/guards";
import { countWaitingSuggestions } from "@/lib/suggestions/queries";

export const metadata = { title: "Overview" };

export default async function AdminHome() {
  await requireStaff("/admin");
  const waiting = await countWaitingSuggestions();
  return (
    <div>
      <h1 className="text-3xl font-semibold tracking-tight">Admin</h1>
      <p className="mt-2 text-stone-600 dark:text-stone-400">Edit the panel&apos;s verdicts. Every change is kept and shown in the public history with its reason.</p>
      <div className="mt-8 grid gap-4 sm:grid-cols-2">
        <Card className="p-5">
          <h2 className="font-semibold">
            <Link href="/admin/verdicts" className="hover:underline">Verdicts →</Link>
          </h2>
          <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">Change a call or a case, publish or unpublish, see every version and restore one.</p>
        </Card>
        <Card className="p-5">
          <h2 className="font-semibold">
            <Link href="/admin/suggestions" className="hover:underline">Suggestions →</Link>
          </h2>
          <p className="mt-1 text-sm text-stone-600 dark:text-stone-400" data-testid="waiting-suggestions">
            {waiting === 0 ? "Nothing waiting." : `${waiting} waiting`}: tools readers suggested and problems they reported.
          </p>
        </Card>
      </div>
    </div>
  );
}
