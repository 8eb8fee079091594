import { DataTable } from "@/components/admin/data-table";
import { z } from "zod";
import { requireStaff } from "@/lib/auth/guards";
import { listAuditEntityTypes, listAuditLog } from "@/lib/audit/queries";
import { formatDateTime } from "@/lib/format";

export const metadata = { title: "Audit log" };

const filterSchema = z.object({
  actor: z.string().trim().max(100).optional().catch(undefined),
  entity: z.string().trim().max(40).optional().catch(undefined),
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
  const input = "rounded-lg border border-stone-300 bg-white px-2.5 py-1.5 text-sm dark:border-stone-700 dark:bg-stone-900";
  return (
    <div>
      <h1 className="text-3xl font-semibold tracking-tight">Audit log</h1>
      <form role="search" className="mt-6 flex flex-wrap items-end gap-3">
        <label className="text-sm"><span className="block text-xs text-stone-500">Person (email)</span><input name="actor" defaultValue={filter.actor} className={input} /></label>
        <label className="text-sm">
          <span className="block text-xs text-stone-500">Entity</span>
          <select name="entity" defaultValue={filter.entity ?? ""} className={input}>
            <option value="">All</option>
            {entityTypes.map((type) => <option key={type} value={type}>{type}</option>)}
          </select>
        </label>
        <label className="text-sm"><span className="block text-xs text-stone-500">From</span><input type="date" name="from" defaultValue={filter.from} className={input} /></label>
        <label className="text-sm"><span className="block text-xs text-stone-500">To</span><input type="date" name="to" defaultValue={filter.to} className={input} /></label>
        <button type="submit" className="rounded-lg bg-stone-900 px-3 py-1.5 text-sm font-medium text-white dark:bg-white dark:text-stone-900">Filter</button>
      </form>
      <DataTable columns={["When", "Who", "Action", "Change"]}>
            {entries.length === 0 ? (
              <tr><td colSpan={4} className="px-4 py-6 text-center text-stone-500">Nothing matches these filters.</td></tr>
            ) : null}
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td className="whitespace-nowrap px-4 py-2.5 text-stone-600 dark:text-stone-400">{formatDateTime(entry.createdAt)}</td>
                <td className="px-4 py-2.5">{entry.actor?.email ?? "—"}</td>
                <td className="px-4 py-2.5"><code className="text-xs">{entry.action}</code><br /><span className="text-xs text-stone-500">{entry.entityType} {entry.entityId}</span></td>
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
