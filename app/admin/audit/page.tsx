import { FilterField, FilterForm, filterControl } from "@/components/admin/filters";
import { DataTable } from "@/components/admin/data-table";
import { z } from "zod";
import { searchTextParam } from "@/lib/http/search-params";
import { requireStaff } from "@/lib/auth/guards";
import { listAuditEntityTypes, listAuditLog } from "@/lib/audit/queries";
import { formatDateTime } from "@/lib/format";

export const metadata = { title: "Audit log" };

const filterSchema = z.object({
  actor: searchTextParam(100),
  entity: searchTextParam(40),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
});

export default async function AdminAudit({ searchParams }: PageProps<"/admin/audit">) {
  await requireStaff("/admin/audit");
  const filter = filterSchema.parse(await searchParams);
  const [entries, entityTypes] = await Promise.all([
    listAuditLog({
      actor: filter.actor || undefined,
      entityType: filter.entity || undefined,
      from: filter.from ? new Date(`${filter.from}T00:00:00Z`) : undefined,
      to: filter.to ? new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000) : undefined,
    }),
    listAuditEntityTypes(),
  ]);
  return (
    <div>
      <h1 className="text-3xl font-semibold tracking-tight">Audit log</h1>
      <FilterForm submitLabel="Filter">
        <FilterField label="Person (email)"><input name="actor" defaultValue={filter.actor} className={filterControl} /></FilterField>
        <FilterField label="Entity">
          <select name="entity" defaultValue={filter.entity ?? ""} className={filterControl}>
            <option value="">All</option>
            {entityTypes.map((type) => <option key={type} value={type}>{type}</option>)}
          </select>
        </FilterField>
        <FilterField label="From"><input type="date" name="from" defaultValue={filter.from} className={filterControl} /></FilterField>
        <FilterField label="To"><input type="date" name="to" defaultValue={filter.to} className={filterControl} /></FilterField>
      </FilterForm>
      <DataTable columns={["When", "Who", "Action", "Change"]}>
            {entries.length === 0 ? (
              <tr><td colSpan={4} className="px-4 py-6 text-center text-stone-500 dark:text-stone-400">Nothing matches these filters.</td></tr>
            ) : null}
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td className="whitespace-nowrap px-4 py-2.5 text-stone-600 dark:text-stone-400">{formatDateTime(entry.createdAt)}</td>
                <td className="px-4 py-2.5">{entry.actor?.email ?? entry.actor?.name ?? "—"}</td>
                <td className="px-4 py-2.5"><code className="text-xs">{entry.action}</code><br /><span className="text-xs text-stone-500 dark:text-stone-400">{entry.entityType} {entry.entityId}</span></td>
                <td className="max-w-md px-4 py-2.5 text-xs">
                  <details>
                    <summary className="cursor-pointer text-stone-600 dark:text-stone-400">before / after</summary>
                    <pre className="mt-2 overflow-x-auto whitespace-pre-wrap rounded bg-stone-50 p-2 dark:bg-stone-900">{JSON.stringify({ before: entry.before, after: entry.after }, null, 2)}</pre>
                  </details>
                </td>
              </tr>
            ))}
          </DataTable>
    </div>
  );
}
