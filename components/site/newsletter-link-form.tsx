"use client";

import Link from "next/link";
import { useActionState } from "react";
import { confirmSubscriptionFormAction, unsubscribeFormAction } from "@/lib/newsletter/actions";
import type { TokenFormState } from "@/lib/newsletter/schema";
import { site } from "@/lib/site/config";

const copy = {
  confirm: {
    title: "Confirm your subscription",
    body: (email: string) => (
      <>
        Confirm that <strong className="text-stone-900 dark:text-white">{email}</strong> should get {site.newsletter.name}, once a week.
      </>
    ),
    button: "Confirm my subscription",
    busy: "Confirming…",
    doneTitle: "You're subscribed",
    doneBody: `Thanks for confirming. ${site.newsletter.name} arrives once a week; every issue has a one-click unsubscribe link.`,
  },
  unsubscribe: {
    title: "Unsubscribe",
    body: (email: string) => (
      <>
        Stop sending {site.newsletter.name} to <strong className="text-stone-900 dark:text-white">{email}</strong>? No sign-in needed.
      </>
    ),
    button: "Unsubscribe",
    busy: "Unsubscribing…",
    doneTitle: "You're unsubscribed",
    doneBody: "We won't email this address again. Changed your mind? You can subscribe again from the home page any time.",
  },
} as const;

/**
 * The page a confirm or unsubscribe link opens. Mail scanners fetch links, so
 * opening the page changes nothing: the button (a form posting to a server
 * action, with or without JavaScript) uses the single-use token.
 */
export function NewsletterLinkForm({ purpose, token, email }: { purpose: "confirm" | "unsubscribe"; token: string; email: string }) {
  const action = purpose === "confirm" ? confirmSubscriptionFormAction : unsubscribeFormAction;
  const [state, formAction, pending] = useActionState<TokenFormState, FormData>(action, { status: "idle" });
  const text = copy[purpose];

  if (state.status === "done") {
    return (
      <div role="status">
        <h1 className="text-2xl font-semibold tracking-tight">{text.doneTitle}</h1>
        <p className="mt-3 text-[15px] leading-7 text-stone-600 dark:text-stone-400">{text.doneBody}</p>
        <Link href="/" className="mt-6 inline-block text-sm font-medium text-ship-700 underline underline-offset-2 dark:text-ship-400">
          Back to {site.name}
        </Link>
      </div>
    );
  }
  if (state.status === "invalid") {
    return (
      <div role="alert">
        <h1 className="text-2xl font-semibold tracking-tight">This link has expired or was already used</h1>
        <p className="mt-3 text-[15px] leading-7 text-stone-600 dark:text-stone-400">
          Each newsletter link works once. Nothing else changed.{" "}
          <Link href="/#newsletter" className="font-medium underline underline-offset-2">
            Subscribe again
          </Link>{" "}
          to get a fresh link.
        </p>
      </div>
    );
  }
  return (
    <form action={formAction}>
      <h1 className="text-2xl font-semibold tracking-tight">{text.title}</h1>
      <p className="mt-3 text-[15px] leading-7 text-stone-600 dark:text-stone-400">{text.body(email)}</p>
      <input type="hidden" name="token" value={token} />
      <button
        type="submit"
        disabled={pending}
        className="mt-6 rounded-xl bg-stone-900 px-5 py-2.5 text-sm font-semibold text-white hover:bg-stone-700 disabled:cursor-wait disabled:opacity-60 dark:bg-white dark:text-stone-900 dark:hover:bg-stone-200"
      >
        {pending ? text.busy : text.button}
      </button>
      {state.status === "error" ? (
        <p role="alert" className="mt-3 text-sm font-medium text-skip-700 dark:text-skip-400">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}
