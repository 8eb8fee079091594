import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AccountReasonForm } from "@/components/site/account-reason-form";
import { DeleteAccountForm } from "@/components/site/delete-account-form";
import { DisplayNameForm } from "@/components/site/display-name-form";
import { VoteWidget } from "@/components/site/vote-widget";
import { Card } from "@/components/ui/card";
import { Section } from "@/components/ui/section";
import { getCurrentUser } from "@/lib/auth/session";
import { followFormAction } from "@/lib/follows/actions";
import { listFollows } from "@/lib/follows/queries";
import { formatDate } from "@/lib/format";
import { REASON_MAX } from "@/lib/reasons/schema";
import { listOwnSuggestions } from "@/lib/suggestions/queries";
import { getAccountOverview } from "@/lib/users/queries";
import { listUserVotes } from "@/lib/votes/queries";
import { toVoteCommunity } from "@/lib/votes/schema";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };

const NEWSLETTER_LABEL = { confirmed: "Subscribed", pending: "Waiting for your confirmation", unsubscribed: "Unsubscribed" } as const;
const PROVIDER_LABEL: Record<string, string> = { github: "GitHub" };
const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

export default async function AccountPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/signin?callbackUrl=%2Faccount");
  const [votes, overview, follows, suggestions] = await Promise.all([listUserVotes(user.id), getAccountOverview(user.id), listFollows(user.id), listOwnSuggestions(user.id)]);
  const liveNewsletter = overview.newsletter === "confirmed" || overview.newsletter === "pending" ? overview.newsletter : null;
  const signInMethods = ["Email link", ...overview.providers.map((provider) => PROVIDER_LABEL[provider] ?? provider)];

  return (
    <div className="pb-8 pt-10 sm:pt-14">
      <header>
        <h1 className="text-4xl font-semibold tracking-tight">Your account</h1>
        <p className="mt-2 text-stone-600 dark:text-stone-400">
          Signed in as <span className="font-medium text-stone-900 dark:text-white">{user.email}</span>
          {user.role !== "USER" ? <span className="ml-2 rounded-full bg-stone-200 px-2 py-0.5 text-xs font-medium dark:bg-stone-800">{user.role.toLowerCase()}</span> : null}
        </p>
      </header>

      <Section
        id="public-name"
        title="Your public name"
        description="The name shown with the reasons you give for your votes. Your email address is never shown in public."
        className="mt-10"
      >
        <Card className="p-6">
          <DisplayNameForm displayName={overview.displayName} publicName={overview.publicName} />
        </Card>
      </Section>

      <Section id="votes" title="Your votes" className="mt-12">
        {votes.length === 0 ? (
          <Card className="p-8 text-center">
            <p className="text-lg font-medium">You have not voted yet</p>
            <p className="mt-2 text-stone-600 dark:text-stone-400">Open any tool or comparison and say ship or skip.</p>
            <Link href="/tools" className="mt-5 inline-block rounded-lg bg-stone-900 px-4 py-2.5 text-sm font-medium text-white hover:bg-stone-700 dark:bg-white dark:text-stone-900">
              Browse tools
            </Link>
          </Card>
        ) : (
          <Card className="overflow-hidden">
            <ul className="divide-y divide-stone-100 dark:divide-stone-800" aria-label="Your votes">
              {votes.map(({ tool, decision, updatedAt, reason }) => (
                <li key={tool.slug} className="grid gap-4 px-5 py-4 sm:grid-cols-[1fr_16rem] sm:items-start" data-testid={`account-vote-${tool.slug}`}>
                  <div className="min-w-0">
                    <Link href={`/tools/${tool.slug}`} className="font-semibold hover:underline">
                      {tool.name}
                    </Link>
                    <p className="text-sm text-stone-500 dark:text-stone-400">
                      You said <span className="font-medium">{decision}</span> · {formatDate(updatedAt)}
                    </p>
                    <AccountReasonForm tool={{ slug: tool.slug, name: tool.name }} decision={decision} reason={reason} maxLength={REASON_MAX} />
                  </div>
                  <VoteWidget
                    tool={{ slug: tool.slug, name: tool.name }}
                    community={toVoteCommunity(tool.scores.community)}
                    knownVote={decision}
                    returnTo="/account"
                    compact
                  />
                </li>
              ))}
            </ul>
          </Card>
        )}
      </Section>

      <Section
        id="following"
        title="Following"
        description="Tools you follow: one email a day tells you what changed on them (a verdict, a new comparison), and none on a day without news."
        className="mt-12"
      >
        {follows.length === 0 ? (
          <Card className="p-6 text-sm text-stone-600 dark:text-stone-400">You follow no tools yet. Press Follow on a tool or comparison page.</Card>
        ) : (
          <Card className="overflow-hidden">
            <ul className="divide-y divide-stone-100 dark:divide-stone-800" aria-label="Tools you follow">
              {follows.map((tool) => (
                <li key={tool.slug} className="flex items-center justify-between gap-4 px-5 py-3" data-testid={`account-follow-${tool.slug}`}>
                  <div className="min-w-0">
                    <Link href={`/tools/${tool.slug}`} className="font-semibold hover:underline">
                      {tool.name}
                    </Link>
                    <p className="truncate text-sm text-stone-500 dark:text-stone-400">
                      {tool.archived ? "Archived · " : ""}Following since {formatDate(tool.since)}
                    </p>
                  </div>
                  <form action={followFormAction}>
                    <input type="hidden" name="tool" value={tool.slug} />
                    <input type="hidden" name="follow" value="unfollow" />
                    <button type="submit" className="rounded-lg px-3 py-1.5 text-sm font-medium ring-1 ring-stone-300 hover:bg-stone-100 dark:ring-stone-700 dark:hover:bg-stone-800">
                      Unfollow<span className="sr-only"> {tool.name}</span>
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          </Card>
        )}
      </Section>

      <Section
        id="suggestions"
        title="Your suggestions"
        description="Tools you suggested and problems you reported, with what the editors decided. We email you when one changes."
        className="mt-12"
      >
        {suggestions.length === 0 ? (
          <Card className="p-6 text-sm text-stone-600 dark:text-stone-400">
            Nothing yet. Missing a tool?{" "}
            <Link href="/suggest" className="font-medium text-stone-900 underline underline-offset-2 dark:text-white">
              Suggest it
            </Link>
            .
          </Card>
        ) : (
          <Card className="overflow-hidden">
            <ul className="divide-y divide-stone-100 dark:divide-stone-800" aria-label="Your suggestions and reports">
              {suggestions.map((suggestion) => (
                <li key={suggestion.id} className="px-5 py-4" data-testid="account-suggestion">
                  <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                    <p className="font-semibold">
                      {suggestion.kind === "problem" ? <span className="font-normal text-stone-500 dark:text-stone-400">Problem on </span> : null}
                      {suggestion.title}
                    </p>
                    <SuggestionStatus status={suggestion.status} kind={suggestion.kind} />
                  </div>
                  <p className="mt-0.5 text-sm text-stone-500 dark:text-stone-400">
                    Sent {formatDate(suggestion.createdAt)}
                    {suggestion.decidedAt ? ` · decided ${formatDate(suggestion.decidedAt)}` : ""}
                    {suggestion.tool ? (
                      <>
                        {" · "}
                        <Link href={`/tools/${suggestion.tool.slug}`} className="font-medium text-stone-700 underline underline-offset-2 dark:text-stone-300">
                          {suggestion.tool.name}
                        </Link>
                      </>
                    ) : null}
                  </p>
                  {suggestion.note ? <p className="mt-2 whitespace-pre-line break-words text-sm text-stone-700 dark:text-stone-300">“{suggestion.note}” — the editors</p> : null}
                </li>
              ))}
            </ul>
          </Card>
        )}
      </Section>

      <Section
        id="your-data"
        title="Your data"
        description="Everything we hold about you, in one JSON file: your profile and public name, votes and their reasons, the reasons you marked helpful or reported, newsletter subscription, signed-in sessions and linked sign-in accounts — never their secret tokens."
        className="mt-12"
      >
        <Card className="p-6">
          <dl className="grid gap-x-8 gap-y-4 text-sm sm:grid-cols-2 lg:grid-cols-3" data-testid="account-data-summary">
            <div>
              <dt className="text-stone-500 dark:text-stone-400">Votes</dt>
              <dd className="mt-0.5 font-medium">{plural(overview.votes, "vote")}</dd>
            </div>
            <div>
              <dt className="text-stone-500 dark:text-stone-400">Reasons</dt>
              <dd className="mt-0.5 font-medium">{plural(overview.reasons, "reason")}</dd>
            </div>
            <div>
              <dt className="text-stone-500 dark:text-stone-400">Others’ reasons</dt>
              <dd className="mt-0.5 font-medium">
                {overview.helpfulMarks} marked helpful · {overview.reasonReports} reported
              </dd>
            </div>
            <div>
              <dt className="text-stone-500 dark:text-stone-400">Signed in on</dt>
              <dd className="mt-0.5 font-medium">{plural(overview.sessions, "browser")}</dd>
            </div>
            <div>
              <dt className="text-stone-500 dark:text-stone-400">Sign-in methods</dt>
              <dd className="mt-0.5 font-medium">{signInMethods.join(" · ")}</dd>
            </div>
            <div>
              <dt className="text-stone-500 dark:text-stone-400">Newsletter</dt>
              <dd className="mt-0.5 font-medium">{overview.newsletter ? NEWSLETTER_LABEL[overview.newsletter] : "Not subscribed"}</dd>
            </div>
          </dl>
          <a
            href="/api/account/export"
            download
            className="mt-6 inline-flex items-center gap-2 rounded-xl px-4 py-2.5 text-sm font-semibold ring-1 ring-stone-300 hover:bg-stone-100 dark:ring-stone-700 dark:hover:bg-stone-800"
          >
            <span aria-hidden="true">↓</span> Download my data (JSON)
          </a>
        </Card>
      </Section>

      <section
        id="danger-zone"
        aria-labelledby="danger-zone-title"
        className="mt-16 scroll-mt-20 rounded-2xl border border-skip-300 bg-skip-50/60 p-6 sm:p-8 dark:border-skip-900 dark:bg-skip-950/40"
      >
        <p className="text-xs font-semibold uppercase tracking-[0.14em] text-skip-700 dark:text-skip-400">Danger zone</p>
        <h2 id="danger-zone-title" className="mt-1 text-xl font-semibold tracking-tight text-stone-900 sm:text-2xl dark:text-white">
          Delete your account
        </h2>
        <ul className="mt-3 max-w-3xl list-disc space-y-1.5 pl-5 text-[15px] text-stone-700 marker:text-skip-500 dark:text-stone-300">
          <li>
            {overview.votes > 0 ? `Your ${plural(overview.votes, "vote")} ${overview.votes === 1 ? "is" : "are"} withdrawn` : "Nothing to withdraw: you have no votes"}
            {overview.votes > 0 ? `${overview.reasons > 0 ? ", with their reasons" : ""}: the community figures of those tools drop at once, everywhere.` : "."}
          </li>
          {overview.helpfulMarks + overview.reasonReports > 0 ? <li>Your helpful marks and reports on other readers’ reasons are deleted.</li> : null}
          <li>You are signed out on every browser, and your sign-in methods are removed.</li>
          {suggestions.length ? <li>The tools you suggested and problems you reported stay with the editors, without your name; no email about them reaches you.</li> : null}
          {overview.newsletter ? <li>Your newsletter subscription is deleted too, unless you keep it below.</li> : null}
          {overview.staffHistory > 0 ? (
            <li>The audit log and verdict history keep what you did, under an anonymous “Deleted account” name instead of yours.</li>
          ) : null}
          <li>
            <strong className="font-semibold text-stone-900 dark:text-white">This cannot be undone.</strong> Signing in again with the same address starts a new,
            empty account. Download your data first if you want a copy.
          </li>
        </ul>
        <div className="mt-6 border-t border-skip-300/60 pt-6 dark:border-skip-900">
          <DeleteAccountForm email={user.email} newsletter={liveNewsletter} />
        </div>
      </section>
    </div>
  );
}

const STATUS_LABEL = {
  tool: { received: "Received", accepted: "Accepted: coming to the catalogue", merged: "Already listed", declined: "Declined" },
  problem: { received: "Received", accepted: "Fixed", merged: "Already listed", declined: "Left as it is" },
} as const;

function SuggestionStatus({ status, kind }: { status: keyof (typeof STATUS_LABEL)["tool"]; kind: "tool" | "problem" }) {
  const tone =
    status === "received"
      ? "bg-stone-100 text-stone-700 dark:bg-stone-800 dark:text-stone-300"
      : status === "declined"
        ? "bg-skip-50 text-skip-800 dark:bg-skip-950 dark:text-skip-200"
        : "bg-ship-50 text-ship-800 dark:bg-ship-950 dark:text-ship-200";
  return <span className={`rounded-full px-2.5 py-0.5 text-xs font-semibold ${tone}`}>{STATUS_LABEL[kind][status]}</span>;
}
