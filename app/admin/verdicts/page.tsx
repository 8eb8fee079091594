import { FilterField, FilterForm, filterControl } from "@/components/admin/filters";
import { DataTable } from "@/components/admin/data-table";
import Link from "next/link";
import { CallBadge } from "@/components/ui/call-badge";
import { requireStaff } from "@/lib/auth/guards";
import { toolSlugSchema } from "@/lib/tools/schema";
import { listVerdictsForAdmin } from "@/lib/verdicts/queries";
import { formatDate } from "@/lib/format";

export const metadata = { title: "Verdicts" };

export default async function AdminVerdicts({ searchParams }: PageProps<"/admin/verdicts">) {
  await requireStaff("/admin/verdicts");
  const params = await searchParams;
  const slug = (value: unknown) => (typeof value === "string" && toolSlugSchema.safeParse(value).success ? value : undefined);
  const filter = { tool: slug(params.tool), reviewer: slug(params.reviewer), sort: params.sort === "tool" ? ("tool" as const) : ("updated" as const) };
  const all = await listVerdictsForAdmin({});
  const verdicts = await listVerdictsForAdmin(filter);
  const tools = [...new Map(all.map((v) => [v.tool.slug, v.tool.name])).entries()].sort((a, b) => a[1].localeCompare(b[1]));
  const reviewers = [...new Map(all.map((v) => [v.reviewer.slug, v.reviewer.name])).entries()];
  return (
    <div>
      <h1 className="text-3xl font-semibold tracking-tight">Verdicts</h1>
      <FilterForm>
        <FilterField label="Tool">
          <select name="tool" defaultValue={filter.tool ?? ""} className={filterControl}>
            <option value="">All tools</option>
            {tools.map(([value, name]) => <option key={value} value={value}>{name}</option>)}
          </select>
        </FilterField>
        <FilterField label="Reviewer">
          <select name="reviewer" defaultValue={filter.reviewer ?? ""} className={filterControl}>
            <option value="">All reviewers</option>
            {reviewers.map(([value, name]) => <option key={value} value={value}>{name}</option>)}
          </select>
        </FilterField>
        <FilterField label="Sort">
          <select name="sort" defaultValue={filter.sort} className={filterControl}>
            <option value="updated">Recently changed</option>
            <option value="tool">Tool name</option>
          </select>
        </FilterField>
      </FilterForm>
      <DataTable columns={["Tool", "Reviewer", "Call", "State", "Updated"]} caption={`${verdicts.length} verdicts`}>
            {verdicts.map((verdict) => (
              <tr key={verdict.id} className="hover:bg-stone-50 dark:hover:bg-stone-800/40">
                <td className="px-4 py-2.5">
                  <Link href={`/admin/verdicts/${verdict.id}`} className="font-medium hover:underline">{verdict.tool.name}</Link>
                  {verdict.tool.archivedAt ? <span className="ml-2 text-xs text-stone-500 dark:text-stone-400">archived</span> : null}
                </td>
                <td className="px-4 py-2.5">{verdict.reviewer.name}</td>
                <td className="px-4 py-2.5"><CallBadge decision={verdict.decision} /></td>
                <td className="px-4 py-2.5 text-stone-600 dark:text-stone-400">{verdict.published ? "Published" : "Draft"} · v{verdict.version}</td>
                <td className="px-4 py-2.5 text-stone-600 dark:text-stone-400">{formatDate(verdict.updatedAt)}</td>
              </tr>
            ))}
          </DataTable>
    </div>
  );
}
