import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Check your email", robots: { index: false } };

export default function CheckEmailPage() {
  return (
    <div className="py-16 sm:py-24">
      <Card className="p-8 text-center">
        <div aria-hidden className="mx-auto grid size-12 place-items-center rounded-full bg-ship-50 text-2xl dark:bg-ship-950">✉</div>
        <h1 className="mt-4 text-2xl font-semibold tracking-tight">Check your email</h1>
        <p className="mt-3 text-[15px] leading-7 text-stone-600 dark:text-stone-400">
          If that address can sign in, a sign-in link is on its way. It works once and expires in an hour.
        </p>
        <p className="mt-6 text-sm text-stone-500 dark:text-stone-400">
          Nothing arrived? Check spam, or <Link href="/signin" className="font-medium underline underline-offset-2">ask for another link</Link>.
        </p>
      </Card>
    </div>
  );
}
