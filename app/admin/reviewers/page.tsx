import Link from "next/link";
import { DataTable } from "@/components/admin/data-table";
import { requireStaff } from "@/lib/auth/guards";
import { moveReviewerAction } from "@/lib/reviewers/actions";
import { listReviewersForAdmin } from "@/lib/reviewers/queries";

export const metadata = { title: "Reviewers" };

export default async function AdminReviewers() {
  await requireStaff("/admin/reviewers");
  const reviewers = await listReviewersForAdmin();
  const move = "rounded px-2 py-1 text-xs ring-1 ring-stone-300 hover:bg-stone-100 disabled:opacity-40 dark:ring-stone-700 dark:hover:bg-stone-800";
  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-semibold tracking-tight">Reviewers</h1>
        <Link href="/admin/reviewers/new" className="rounded-lg bg-stone-900 px-3 py-2 text-sm font-medium text-white dark:bg-white dark:text-stone-900">Add a reviewer</Link>
      </div>
      <DataTable columns={["Order", "Reviewer", "Lens", "State", "Verdicts"]} caption="The panel, in display order">
        {reviewers.map((reviewer, index) => (
          <tr key={reviewer.id}>
            <td className="px-4 py-2.5">
              <div className="flex gap-1">
                {(["up", "down"] as const).map((direction) => (
                  <form key={direction} action={moveReviewerAction}>
                    <input type="hidden" name="id" value={reviewer.id} />
                    <input type="hidden" name="direction" value={direction} />
                    <button type="submit" className={move} disabled={direction === "up" ? index === 0 : index === reviewers.length - 1} aria-label={`Move ${reviewer.name} ${direction}`}>
                      {direction === "up" ? "↑" : "↓"}
                    </button>
                  </form>
                ))}
              </div>
            </td>
            <td className="px-4 py-2.5"><Link href={`/admin/reviewers/${reviewer.id}`} className="font-medium hover:underline">{reviewer.name}</Link></td>
            <td className="px-4 py-2.5">{reviewer.lens}</td>
            <td className="px-4 py-2.5 text-stone-600 dark:text-stone-400">{reviewer.active ? "Active" : "Inactive"}</td>
            <td className="px-4 py-2.5 tabular-nums">{reviewer._count.verdicts}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
