import { DataTable } from "@/components/admin/data-table";
import { RoleForm } from "@/components/admin/role-form";
import { requireAdmin } from "@/lib/auth/guards";
import { listUsers } from "@/lib/users/queries";
import { searchTextParam } from "@/lib/http/search-params";

export const metadata = { title: "People" };

export default async function AdminUsers({ searchParams }: PageProps<"/admin/users">) {
  const actor = await requireAdmin("/admin/users");
  const search = searchTextParam().parse((await searchParams).q) ?? "";
  const users = await listUsers(search || undefined);
  return (
    <div>
      <h1 className="text-3xl font-semibold tracking-tight">People</h1>
      <p className="mt-2 text-stone-600 dark:text-stone-400">Grant or revoke staff access. Admins come from ADMIN_EMAILS. Changes apply on the person&apos;s next request.</p>
      <form role="search" className="mt-6 flex gap-2">
        <label htmlFor="q" className="sr-only">Search by email</label>
        <input id="q" name="q" defaultValue={search} placeholder="Search by email" className="w-64 rounded-lg border border-stone-300 bg-white px-3 py-1.5 text-sm dark:border-stone-700 dark:bg-stone-900" />
        <button type="submit" className="rounded-lg bg-stone-900 px-3 py-1.5 text-sm font-medium text-white dark:bg-white dark:text-stone-900">Search</button>
      </form>
      <DataTable columns={["Email", "Role", "Votes", "sr:Change"]}>
            {users.map((user) => (
              <tr key={user.id}>
                <td className="px-4 py-2.5">{user.email}</td>
                <td className="px-4 py-2.5">{user.role.toLowerCase()}</td>
                <td className="px-4 py-2.5 tabular-nums">{user._count.votes}</td>
                <td className="px-4 py-2.5">
                  {user.role === "ADMIN" || user.id === actor.id || !user.email ? null : (
                    <RoleForm userId={user.id} role={user.role} email={user.email} />
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
    </div>
  );
}
