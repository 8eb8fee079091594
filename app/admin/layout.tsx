import type { Metadata, Route } from "next";
import Link from "next/link";
import { SiteShell } from "@/components/site/site-shell";
import { requireStaff } from "@/lib/auth/guards";

export const metadata: Metadata = { title: { default: "Admin", template: "%s · Admin" }, robots: { index: false } };

const sections: { href: Route; label: string; adminOnly?: boolean }[] = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/tools", label: "Tools" },
  { href: "/admin/reviewers", label: "Reviewers" },
  { href: "/admin/comparisons", label: "Comparisons" },
  { href: "/admin/verdicts", label: "Verdicts" },
  { href: "/admin/suggestions", label: "Suggestions" },
  { href: "/admin/moderation", label: "Moderation" },
  { href: "/admin/integrity", label: "Integrity" },
  { href: "/admin/stale", label: "Re-review" },
  { href: "/admin/newsletter", label: "Newsletter" },
  { href: "/admin/jobs", label: "Jobs" },
  { href: "/admin/audit", label: "Audit log" },
  { href: "/admin/users", label: "People", adminOnly: true },
];

/** Every /admin page: staff only, checked on the server (each action checks again). */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requireStaff("/admin");
  return (
    <SiteShell>
      <div className="grid gap-8 py-10 lg:grid-cols-[12rem_1fr]">
        <nav aria-label="Admin" className="text-sm">
          <p className="mb-3 text-xs font-semibold uppercase tracking-[0.14em] text-stone-500 dark:text-stone-400">Admin</p>
          <ul className="space-y-1">
            {sections
              .filter((section) => !section.adminOnly || user.role === "ADMIN")
              .map((section) => (
                <li key={section.href}>
                  <Link href={section.href} className="block rounded-md px-3 py-1.5 hover:bg-stone-200/60 dark:hover:bg-stone-800">
                    {section.label}
                  </Link>
                </li>
              ))}
          </ul>
          <p className="mt-6 px-3 text-xs text-stone-500 dark:text-stone-400">
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
