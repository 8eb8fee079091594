import type { Route } from "next";
import Link from "next/link";

/** What a signed-out visitor sees instead of a suggestion or report form: why we ask, and the way back here after signing in. */
export function SignInPrompt({ title, why, returnTo, testId }: { title: string; why: string; returnTo: string; testId: string }) {
  return (
    <div className="text-center" data-testid={testId}>
      <p className="text-lg font-medium">{title}</p>
      <p className="mt-2 text-stone-600 dark:text-stone-400">One email link, no password. {why}</p>
      <Link
        href={`/signin?callbackUrl=${encodeURIComponent(returnTo)}` as Route}
        className="mt-5 inline-block rounded-lg bg-stone-900 px-4 py-2.5 text-sm font-medium text-white hover:bg-stone-700 dark:bg-white dark:text-stone-900"
      >
        Sign in
      </Link>
    </div>
  );
}
