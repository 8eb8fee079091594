"use client";

import { useActionState, useId } from "react";
import { subscribeFormAction } from "@/lib/newsletter/actions";
import type { SubscribeFormState } from "@/lib/newsletter/schema";

/**
 * The newsletter sign-up: a plain form posting to a server action, so it
 * works without JavaScript; with it, the answer appears in place. `website`
 * is a honeypot people never see or reach.
 */
export function NewsletterForm() {
  const [state, action, pending] = useActionState<SubscribeFormState, FormData>(subscribeFormAction, { status: "idle" });
  const id = useId();
  const emailId = `${id}-email`;
  const errorId = `${id}-error`;
  const failed = state.status === "invalid" || state.status === "error";
  return (
    <form action={action} noValidate className="relative mt-6 max-w-xl" data-testid="newsletter-form">
      <label htmlFor={emailId} className="block text-sm font-medium text-stone-200">
        Email address
      </label>
      <div className="mt-1.5 flex flex-col gap-2 sm:flex-row">
        <input
          id={emailId}
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          required
          defaultValue={failed ? state.email : ""}
          aria-invalid={state.status === "invalid" ? true : undefined}
          aria-describedby={failed ? errorId : undefined}
          placeholder="you@example.com"
          className="min-w-0 flex-1 rounded-xl border border-stone-600 bg-stone-800 px-3.5 py-2.5 text-[15px] text-white shadow-sm placeholder:text-stone-400 focus:border-ship-400 focus:outline-none focus-visible:ring-2 focus-visible:ring-ship-400/60 aria-invalid:border-skip-400 aria-invalid:focus:border-skip-400 aria-invalid:focus-visible:ring-skip-400/50"
        />
        <button
          type="submit"
          disabled={pending}
          className="rounded-xl bg-ship-500 px-5 py-2.5 text-sm font-semibold text-stone-950 hover:bg-ship-400 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ship-300 disabled:cursor-wait disabled:opacity-70"
        >
          {pending ? "Subscribing…" : "Subscribe"}
        </button>
      </div>
      {/* Honeypot: hidden from people and assistive technology, filled only by bots. */}
      <div aria-hidden="true" className="absolute -left-[9999px] top-auto size-px overflow-hidden">
        <label htmlFor={`${id}-website`}>Website</label>
        <input id={`${id}-website`} name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      {failed ? (
        <p id={errorId} role="alert" className="mt-2 text-sm font-medium text-skip-300">
          {state.error}
        </p>
      ) : null}
      <p role="status" aria-live="polite" className="mt-2 text-sm font-medium text-ship-300 empty:mt-0">
        {state.status === "accepted" ? state.message : ""}
      </p>
      <p className="mt-3 text-xs text-stone-400">Once a week. Confirm by email; unsubscribe from any issue in one click.</p>
    </form>
  );
}
