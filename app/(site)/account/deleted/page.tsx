import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Card } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/session";
import { site } from "@/lib/site/config";
import { deletedPageSearchSchema } from "@/lib/users/schema";

export const metadata: Metadata = { title: "Account deleted", robots: { index: false, follow: false } };

/** Where deleting an account lands (signed out). A signed-in reader has an account: theirs is at /account. */
export default async function AccountDeletedPage({ searchParams }: PageProps<"/account/deleted">) {
  if (await getCurrentUser()) redirect("/account");
  const { newsletter } = deletedPageSearchSchema.parse(await searchParams);
  return (
    <div className="mx-auto max-w-xl py-16 sm:py-24">
      <Card className="p-8">
        <div role="status">
          <h1 className="text-2xl font-semibold tracking-tight">Your account is deleted</h1>
          <p className="mt-3 text-[15px] leading-7 text-stone-600 dark:text-stone-400">Thanks for the votes. Here is what happened:</p>
        </div>
        <ul className="mt-4 list-disc space-y-1.5 pl-5 text-[15px] leading-7 text-stone-700 marker:text-ship-600 dark:text-stone-300">
          <li>Your votes were withdrawn; the community figures no longer count them.</li>
          <li>You are signed out on every browser, and your sign-in methods are gone.</li>
          <li>
            {newsletter === "kept"
              ? `Your ${site.newsletter.name} subscription was kept, as you asked; every issue has a one-click unsubscribe link.`
              : "Any newsletter subscription of your address was deleted with the account."}
          </li>
        </ul>
        <p className="mt-4 text-sm text-stone-600 dark:text-stone-400">Signing in again with the same address starts a new, empty account.</p>
        <Link href="/" className="mt-6 inline-block text-sm font-medium text-ship-700 underline underline-offset-2 dark:text-ship-400">
          Back to {site.name}
        </Link>
      </Card>
    </div>
  );
}
