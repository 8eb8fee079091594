import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { unfollowLinkFormAction } from "@/lib/follows/actions";
import { readUnfollowLink } from "@/lib/follows/queries";
import { unfollowLinkSchema } from "@/lib/follows/tokens";

export const metadata: Metadata = { title: "Unfollow", robots: { index: false, follow: false }, referrer: "no-referrer" };

const DONE = {
  tool: "You no longer follow that tool. The daily email keeps coming for the others you follow, if any.",
  all: "You follow no tools now: no more daily emails about them.",
} as const;

/**
 * Opened from a follow digest (docs/decisions/037): shows what the button will
 * do; opening it changes nothing (mail scanners open links). No sign-in: the
 * link's signature is the proof. An unusable link is a 404.
 */
export default async function UnfollowPage({ searchParams }: PageProps<"/follows/unfollow">) {
  const query = await searchParams;
  if (query.done === "tool" || query.done === "all") {
    return (
      <div className="mx-auto max-w-xl py-16 sm:py-24">
        <Card className="p-8">
          <h1 className="text-2xl font-semibold tracking-tight">Done</h1>
          <p className="mt-3 text-stone-600 dark:text-stone-400" role="status">
            {DONE[query.done]}
          </p>
          <Link href="/" className="mt-6 inline-block text-sm font-medium underline underline-offset-2">
            Back to the site
          </Link>
        </Card>
      </div>
    );
  }
  const link = unfollowLinkSchema.safeParse(query);
  const target = link.success ? await readUnfollowLink(link.data) : null;
  if (!link.success || !target) notFound();
  return (
    <div className="mx-auto max-w-xl py-16 sm:py-24">
      <Card className="p-8">
        <h1 className="text-2xl font-semibold tracking-tight">{target.tool ? `Unfollow ${target.tool.name}?` : "Unfollow every tool?"}</h1>
        <p className="mt-3 text-stone-600 dark:text-stone-400">
          {target.tool
            ? `The daily email will no longer tell you what changed on ${target.tool.name}. No sign-in needed.`
            : "You will follow no tools, and get no more daily emails about them. No sign-in needed."}
        </p>
        <form action={unfollowLinkFormAction} className="mt-6">
          <input type="hidden" name="u" value={link.data.u} />
          {link.data.tool ? <input type="hidden" name="tool" value={link.data.tool} /> : null}
          <input type="hidden" name="sig" value={link.data.sig} />
          <button type="submit" className="rounded-xl bg-stone-900 px-4 py-2.5 text-sm font-semibold text-white hover:bg-stone-700 dark:bg-white dark:text-stone-900">
            {target.tool ? `Unfollow ${target.tool.name}` : "Unfollow every tool"}
          </button>
        </form>
      </Card>
    </div>
  );
}
