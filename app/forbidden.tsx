import Link from "next/link";
import { SiteShell } from "@/components/site/site-shell";

export const metadata = { title: "Not allowed" };

export default function Forbidden() {
  return (
    <SiteShell>
      <div className="py-24">
        <p className="text-sm font-semibold text-skip-600 dark:text-skip-400">403</p>
        <h1 className="mt-2 text-4xl font-semibold tracking-tight">This area is for staff</h1>
        <p className="mt-4 max-w-xl text-lg text-stone-600 dark:text-stone-400">
          You are signed in, but your account does not have access here. If you should have it, ask an admin.
        </p>
        <Link href="/" className="mt-8 inline-block rounded-lg bg-stone-900 px-4 py-2.5 text-sm font-medium text-white hover:bg-stone-700 dark:bg-white dark:text-stone-900">
          Back to the site
        </Link>
      </div>
    </SiteShell>
  );
}
