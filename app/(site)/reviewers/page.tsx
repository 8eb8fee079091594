import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { ReviewerFigures } from "@/components/site/reviewer-figures";
import { Card } from "@/components/ui/card";
import { listPanel } from "@/lib/reviewers/queries";

export const metadata: Metadata = {
  title: "The panel",
  description: "The four staff reviewers behind every verdict: their lens, what excites and tires them, how often they ship and agree.",
  alternates: { canonical: "/reviewers" },
};

export default async function ReviewersPage() {
  await connection();
  const panel = await listPanel();
  return (
    <div className="space-y-10 pb-8 pt-10 sm:pt-14">
      <header>
        <h1 className="text-4xl font-semibold tracking-tight">The panel</h1>
        <p className="mt-3 max-w-2xl text-lg text-stone-600 dark:text-stone-400">
          Every tool gets a written ship-or-skip verdict from each reviewer, each through their own lens. Here is who they
          are, and how often they side with each other and with readers.
        </p>
        <p className="mt-3 max-w-2xl text-sm text-stone-600 dark:text-stone-400" data-testid="persona-disclosure">
          The reviewers are <strong>staff personas</strong>, not independent people: our staff write each one&apos;s verdicts through that
          persona&apos;s lens. <Link href="/methodology#verdicts" className="font-medium underline underline-offset-2">How verdicts are written</Link>
        </p>
      </header>
      {panel.length ? (
        <ul className="grid gap-5 md:grid-cols-2">
          {panel.map((reviewer) => (
            <li key={reviewer.slug}>
              <Card as="article" className="relative flex h-full flex-col p-6 transition-shadow hover:shadow-md">
                <p className="text-xs font-semibold uppercase tracking-[0.14em] text-ship-700 dark:text-ship-400">{reviewer.lens}</p>
                <h2 className="mt-1.5 text-xl font-semibold tracking-tight">
                  <Link href={`/reviewers/${reviewer.slug}`} className="after:absolute after:inset-0 after:rounded-2xl">
                    {reviewer.name}
                  </Link>
                </h2>
                <p className="mt-2 line-clamp-3 text-[15px] leading-7 text-stone-600 dark:text-stone-400">{reviewer.bio}</p>
                <div className="mt-auto pt-6">
                  <ReviewerFigures reviewer={reviewer} compact />
                </div>
              </Card>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-stone-500 dark:text-stone-400">The panel is being assembled.</p>
      )}
      <p className="max-w-3xl text-sm text-stone-500 dark:text-stone-400">
        Agreement with the panel counts tools where the other reviewers have a majority; agreement with the community counts
        tools with at least five votes that lean one way.
      </p>
    </div>
  );
}
