import type { Metadata, Route } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/site/sign-in-form";
import { Card } from "@/components/ui/card";
import { emailEnabled, githubEnabled } from "@/lib/auth";
import { signInWithGitHub } from "@/lib/auth/actions";
import { callbackPathSchema } from "@/lib/auth/schema";
import { getCurrentUser } from "@/lib/auth/session";
import { site } from "@/lib/site/config";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

// Auth.js error codes (…/signin?error=…), in words.
const ERRORS: Record<string, string> = {
  Verification: "That sign-in link has expired or was already used. Ask for a new one below.",
  AccessDenied: "That account is not allowed to sign in.",
  OAuthAccountNotLinked: "That email already signs in another way. Use the email link.",
  Configuration: "Sign-in is not available right now. Try again shortly.",
};

export default async function SignInPage({ searchParams }: PageProps<"/signin">) {
  const params = await searchParams;
  const callbackUrl = callbackPathSchema.parse(typeof params.callbackUrl === "string" ? params.callbackUrl : "/");
  if (await getCurrentUser()) redirect(callbackUrl as Route);
  const error = typeof params.error === "string" ? (ERRORS[params.error] ?? "Sign-in did not work. Try again.") : null;

  return (
    <div className="py-16 sm:py-24">
      <h1 className="text-3xl font-semibold tracking-tight">Sign in</h1>
      <p className="mt-2 text-stone-600 dark:text-stone-400">
        Sign in to vote ship or skip on any tool. No password: we email you a link.
      </p>
      {error ? (
        <p role="alert" className="mt-6 rounded-xl bg-skip-50 px-4 py-3 text-sm text-skip-800 dark:bg-skip-950 dark:text-skip-300">
          {error}
        </p>
      ) : null}
      <Card className="mt-6 space-y-5 p-6">
        {emailEnabled ? (
          <SignInForm callbackUrl={callbackUrl} />
        ) : (
          <p className="text-sm text-stone-600 dark:text-stone-400">Email sign-in is not configured on this server.</p>
        )}
        {githubEnabled ? (
          <>
            {emailEnabled ? (
              <div className="flex items-center gap-3 text-xs text-stone-500 dark:text-stone-400">
                <span className="h-px flex-1 bg-stone-200 dark:bg-stone-800" /> or <span className="h-px flex-1 bg-stone-200 dark:bg-stone-800" />
              </div>
            ) : null}
            <form action={signInWithGitHub}>
              <input type="hidden" name="callbackUrl" value={callbackUrl} />
              <button type="submit" className="w-full rounded-xl px-4 py-2.5 text-sm font-semibold ring-1 ring-stone-300 hover:bg-stone-100 dark:ring-stone-700 dark:hover:bg-stone-800">
                Continue with GitHub
              </button>
            </form>
          </>
        ) : null}
      </Card>
      <p className="mt-6 text-xs leading-5 text-stone-500 dark:text-stone-400">
        {site.name} stores your email to keep you signed in and your votes. Each link works once and expires in an hour.
      </p>
    </div>
  );
}
