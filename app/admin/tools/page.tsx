import Link from "next/link";
import { DataTable } from "@/components/admin/data-table";
import { requireStaff } from "@/lib/auth/guards";
import { formatDate } from "@/lib/format";
import { listToolsForAdmin } from "@/lib/tools/queries";

export const metadata = { title: "Tools" };

export default async function AdminTools({ searchParams }: PageProps<"/admin/tools">) {
  await requireStaff("/admin/tools");
  const params = await searchParams;
  const show = params.show === "archived" ? "archived" : params.show === "all" ? "all" : "listed";
  const search = typeof params.q === "string" ? params.q.trim().slice(0, 100) : "";
  const sort = params.sort === "updated" ? "updated" : "name";
  const tools = await listToolsForAdmin({ archived: show === "all" ? undefined : show === "archived", search: search || undefined, sort });
  const control = "rounded-lg border border-stone-300 bg-white px-2.5 py-1.5 text-sm dark:border-stone-700 dark:bg-stone-900";
  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-semibold tracking-tight">Tools</h1>
        <Link href="/admin/tools/new" className="rounded-lg bg-stone-900 px-3 py-2 text-sm font-medium text-white dark:bg-white dark:text-stone-900">Add a tool</Link>
      </div>
      <form role="search" className="mt-6 flex flex-wrap items-end gap-3">
        <label className="text-sm"><span className="block text-xs text-stone-500">Name or vendor</span><input name="q" defaultValue={search} className={control} /></label>
        <label className="text-sm">
          <span className="block text-xs text-stone-500">Show</span>
          <select name="show" defaultValue={show} className={control}>
            <option value="listed">Listed</option>
            <option value="archived">Archived</option>
            <option value="all">All</option>
          </select>
        </label>
        <label className="text-sm">
          <span className="block text-xs text-stone-500">Sort</span>
          <select name="sort" defaultValue={sort} className={control}>
            <option value="name">Name</option>
            <option value="updated">Recently changed</option>
          </select>
        </label>
        <button type="submit" className="rounded-lg bg-stone-900 px-3 py-1.5 text-sm font-medium text-white dark:bg-white dark:text-stone-900">Apply</button>
      </form>
      <DataTable columns={["Tool", "Vendor", "Category", "State", "Updated"]} caption={`${tools.length} tools`}>
        {tools.map((tool) => (
          <tr key={tool.id} className="hover:bg-stone-50 dark:hover:bg-stone-800/40">
            <td className="px-4 py-2.5"><Link href={`/admin/tools/${tool.id}`} className="font-medium hover:underline">{tool.name}</Link></td>
            <td className="px-4 py-2.5">{tool.vendor}</td>
            <td className="px-4 py-2.5">{tool.category.name}</td>
            <td className="px-4 py-2.5 text-stone-600 dark:text-stone-400">{tool.archivedAt ? "Archived" : "Listed"} · v{tool.version}</td>
            <td className="px-4 py-2.5 text-stone-600 dark:text-stone-400">{formatDate(tool.updatedAt)}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
