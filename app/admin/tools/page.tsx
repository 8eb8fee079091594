import { FilterField, FilterForm, filterControl } from "@/components/admin/filters";
import Link from "next/link";
import { DataTable } from "@/components/admin/data-table";
import { requireStaff } from "@/lib/auth/guards";
import { formatDate } from "@/lib/format";
import { listToolsForAdmin } from "@/lib/tools/queries";
import { choiceParam, searchTextParam } from "@/lib/http/search-params";
import { z } from "zod";

export const metadata = { title: "Tools" };

const filterSchema = z.object({ show: choiceParam(["listed", "archived", "all"], "listed"), q: searchTextParam(), sort: choiceParam(["name", "updated"], "name") });

export default async function AdminTools({ searchParams }: PageProps<"/admin/tools">) {
  await requireStaff("/admin/tools");
  const { show, q, sort } = filterSchema.parse(await searchParams);
  const search = q ?? "";
  const tools = await listToolsForAdmin({ archived: show === "all" ? undefined : show === "archived", search: search || undefined, sort });
  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-semibold tracking-tight">Tools</h1>
        <Link href="/admin/tools/new" className="rounded-lg bg-stone-900 px-3 py-2 text-sm font-medium text-white dark:bg-white dark:text-stone-900">Add a tool</Link>
      </div>
      <FilterForm>
        <FilterField label="Name or vendor"><input name="q" defaultValue={search} className={filterControl} /></FilterField>
        <FilterField label="Show">
          <select name="show" defaultValue={show} className={filterControl}>
            <option value="listed">Listed</option>
            <option value="archived">Archived</option>
            <option value="all">All</option>
          </select>
        </FilterField>
        <FilterField label="Sort">
          <select name="sort" defaultValue={sort} className={filterControl}>
            <option value="name">Name</option>
            <option value="updated">Recently changed</option>
          </select>
        </FilterField>
      </FilterForm>
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
