import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { VoteWidget } from "@/components/site/vote-widget";
import { Card } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/session";
import { listUserVotes } from "@/lib/votes/queries";
import { toVoteCommunity } from "@/lib/votes/schema";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "Your votes", robots: { index: false } };

export default async function AccountPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/signin?callbackUrl=%2Faccount");
  const votes = await listUserVotes(user.id);
  return (
    <div className="pb-8 pt-10 sm:pt-14">
      <header>
        <h1 className="text-4xl font-semibold tracking-tight">Your votes</h1>
        <p className="mt-2 text-stone-600 dark:text-stone-400">
          Signed in as <span className="font-medium text-stone-900 dark:text-white">{user.email}</span>
          {user.role !== "USER" ? <span className="ml-2 rounded-full bg-stone-200 px-2 py-0.5 text-xs font-medium dark:bg-stone-800">{user.role.toLowerCase()}</span> : null}
        </p>
      </header>
      {votes.length === 0 ? (
        <Card className="mt-8 p-8 text-center">
          <p className="text-lg font-medium">You have not voted yet</p>
          <p className="mt-2 text-stone-600 dark:text-stone-400">Open any tool or comparison and say ship or skip.</p>
          <Link href="/tools" className="mt-5 inline-block rounded-lg bg-stone-900 px-4 py-2.5 text-sm font-medium text-white hover:bg-stone-700 dark:bg-white dark:text-stone-900">
            Browse tools
          </Link>
        </Card>
      ) : (
        <Card className="mt-8 overflow-hidden">
          <ul className="divide-y divide-stone-100 dark:divide-stone-800" aria-label="Your votes">
            {votes.map(({ tool, decision, updatedAt }) => (
              <li key={tool.slug} className="grid gap-4 px-5 py-4 sm:grid-cols-[1fr_16rem] sm:items-center" data-testid={`account-vote-${tool.slug}`}>
                <div className="min-w-0">
                  <Link href={`/tools/${tool.slug}`} className="font-semibold hover:underline">
                    {tool.name}
                  </Link>
                  <p className="text-sm text-stone-500 dark:text-stone-400">
                    You said <span className="font-medium">{decision}</span> · {formatDate(updatedAt)}
                  </p>
                </div>
                <VoteWidget
                  tool={{ slug: tool.slug, name: tool.name }}
                  community={toVoteCommunity(tool.scores.community)}
                  vote={decision}
                  signedIn
                  returnTo="/account"
                  compact
                />
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
