import { FilterField, FilterForm, filterControl } from "@/components/admin/filters";
import Link from "next/link";
import { DataTable } from "@/components/admin/data-table";
import { requireStaff } from "@/lib/auth/guards";
import { listComparisonsForAdmin } from "@/lib/comparisons/queries";
import { formatDate } from "@/lib/format";

export const metadata = { title: "Comparisons" };

export default async function AdminComparisons({ searchParams }: PageProps<"/admin/comparisons">) {
  await requireStaff("/admin/comparisons");
  const params = await searchParams;
  const status = params.state === "draft" ? "DRAFT" : params.state === "published" ? "PUBLISHED" : undefined;
  const sort = params.sort === "name" ? "slug" : "updated";
  const comparisons = await listComparisonsForAdmin({ status, sort });
  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-semibold tracking-tight">Comparisons</h1>
        <Link href="/admin/comparisons/new" className="rounded-lg bg-stone-900 px-3 py-2 text-sm font-medium text-white dark:bg-white dark:text-stone-900">New comparison</Link>
      </div>
      <FilterForm>
        <FilterField label="State">
          <select name="state" defaultValue={status === "DRAFT" ? "draft" : status === "PUBLISHED" ? "published" : ""} className={filterControl}>
            <option value="">All</option>
            <option value="published">Published</option>
            <option value="draft">Draft</option>
          </select>
        </FilterField>
        <FilterField label="Sort">
          <select name="sort" defaultValue={sort === "slug" ? "name" : "updated"} className={filterControl}>
            <option value="updated">Recently changed</option>
            <option value="name">Name</option>
          </select>
        </FilterField>
      </FilterForm>
      <DataTable columns={["Comparison", "State", "Updated"]} caption={`${comparisons.length} comparisons`}>
        {comparisons.map((comparison) => (
          <tr key={comparison.id} className="hover:bg-stone-50 dark:hover:bg-stone-800/40">
            <td className="px-4 py-2.5">
              <Link href={`/admin/comparisons/${comparison.id}`} className="font-medium hover:underline">{comparison.toolA.name} vs {comparison.toolB.name}</Link>
            </td>
            <td className="px-4 py-2.5 text-stone-600 dark:text-stone-400">{comparison.status === "PUBLISHED" ? "Published" : "Draft"} · v{comparison.version}</td>
            <td className="px-4 py-2.5 text-stone-600 dark:text-stone-400">{formatDate(comparison.updatedAt)}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
