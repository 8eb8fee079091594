import Link from "next/link";
import { SignInPrompt } from "@/components/suggestions/sign-in-prompt";
import { SuggestForm } from "@/components/suggestions/suggest-form";
import { Card } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/session";
import { pageMetadata } from "@/lib/site/metadata";
import { listSuggestionCategories } from "@/lib/suggestions/queries";

export const metadata = pageMetadata({
  title: "Suggest a tool",
  description: "Missing an AI tool? Suggest it: the editors review every suggestion, and you see its status on your account.",
  path: "/suggest",
});

export default async function SuggestPage() {
  const user = await getCurrentUser();
  const categories = user ? await listSuggestionCategories() : [];
  return (
    <div className="mx-auto max-w-2xl pb-8 pt-10 sm:pt-14">
      <p className="text-sm font-semibold uppercase tracking-[0.14em] text-ship-700 dark:text-ship-400">The catalogue</p>
      <h1 className="mt-2 text-4xl font-semibold tracking-tight">Suggest a tool</h1>
      <p className="mt-3 text-lg text-stone-600 dark:text-stone-400">
        Missing an AI tool you would ship with — or warn others about? Tell us. The editors review every suggestion: an accepted tool gets its page
        and the panel&apos;s verdicts before it is listed. You see the status on your account and get an email when it changes.
      </p>
      <Card className="mt-8 p-6 sm:p-8">
        {user ? (
          <SuggestForm categories={categories.map(({ slug, name }) => ({ slug, name }))} />
        ) : (
          <SignInPrompt title="Sign in to suggest a tool" why="We ask so that we can tell you what became of it." returnTo="/suggest" testId="suggest-sign-in" />
        )}
      </Card>
      <p className="mt-6 text-sm text-stone-500 dark:text-stone-400">
        Something wrong on a tool that is already listed? Use &ldquo;Report a problem&rdquo; on its page. How the catalogue is kept:{" "}
        <Link href="/methodology" className="underline underline-offset-2">
          methodology
        </Link>
        .
      </p>
    </div>
  );
}
