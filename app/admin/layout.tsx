import type { Metadata } from "next";
import Link from "next/link";
import { SiteShell } from "@/components/site/site-shell";
import { requireStaff } from "@/lib/auth/guards";

export const metadata: Metadata = { title: { default: "Admin", template: "%s · Admin" }, robots: { index: false } };

/** Every /admin page: staff only, checked on the server (each action checks again). */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requireStaff("/admin");
  return (
    <SiteShell>
      <div className="grid gap-8 py-10 lg:grid-cols-[12rem_1fr]">
        <nav aria-label="Admin" className="text-sm">
          <p className="mb-3 text-xs font-semibold uppercase tracking-[0.14em] text-stone-500">Admin</p>
          <ul className="space-y-1">
            <li>
              <Link href="/admin" className="block rounded-md px-3 py-1.5 hover:bg-stone-200/60 dark:hover:bg-stone-800">Overview</Link>
            </li>
            <li>
              <Link href="/admin/tools" className="block rounded-md px-3 py-1.5 hover:bg-stone-200/60 dark:hover:bg-stone-800">Tools</Link>
            </li>
            <li>
              <Link href="/admin/comparisons" className="block rounded-md px-3 py-1.5 hover:bg-stone-200/60 dark:hover:bg-stone-800">Comparisons</Link>
            </li>
            <li>
              <Link href="/admin/reviewers" className="block rounded-md px-3 py-1.5 hover:bg-stone-200/60 dark:hover:bg-stone-800">Reviewers</Link>
            </li>
            <li>
              <Link href="/admin/verdicts" className="block rounded-md px-3 py-1.5 hover:bg-stone-200/60 dark:hover:bg-stone-800">Verdicts</Link>
            </li>
            <li>
              <Link href="/admin/audit" className="block rounded-md px-3 py-1.5 hover:bg-stone-200/60 dark:hover:bg-stone-800">Audit log</Link>
            </li>
            {user.role === "ADMIN" ? (
              <li>
                <Link href="/admin/users" className="block rounded-md px-3 py-1.5 hover:bg-stone-200/60 dark:hover:bg-stone-800">People</Link>
              </li>
            ) : null}
          </ul>
          <p className="mt-6 px-3 text-xs text-stone-500">
            {user.email}
            <br />
            {user.role.toLowerCase()}
          </p>
        </nav>
        <div className="min-w-0">{children}</div>
      </div>
    </SiteShell>
  );
}
