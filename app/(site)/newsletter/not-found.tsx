import Link from "next/link";
import { Card } from "@/components/ui/card";

/** A newsletter link that is unknown, expired or already used (answered with a 404). */
export default function NewsletterLinkNotFound() {
  return (
    <div className="mx-auto max-w-xl py-16 sm:py-24">
      <Card className="p-8">
        <h1 className="text-2xl font-semibold tracking-tight">This link has expired or was already used</h1>
        <p className="mt-3 text-[15px] leading-7 text-stone-600 dark:text-stone-400">
          Each newsletter link works once, and confirmation links expire after 48 hours. If you already clicked it, it did its job —
          nothing else is needed.
        </p>
        <p className="mt-3 text-[15px] leading-7 text-stone-600 dark:text-stone-400">
          Want the weekly digest? <Link href="/#newsletter" className="font-medium text-ship-700 underline underline-offset-2 dark:text-ship-400">Subscribe again</Link> and we&apos;ll send a fresh link.
        </p>
      </Card>
    </div>
  );
}
