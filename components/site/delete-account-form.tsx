"use client";

import { useActionState, useId } from "react";
import { deleteAccountAction } from "@/lib/users/actions";
import type { DeleteAccountState } from "@/lib/users/schema";

/**
 * The danger zone's form: a plain form posting to a server action, so it
 * works without JavaScript. The reader types the account's email to confirm;
 * the server checks it. `newsletter` is the subscription of that email when
 * it is live, so the reader can keep it.
 */
export function DeleteAccountForm({ email, newsletter }: { email: string; newsletter: "pending" | "confirmed" | null }) {
  const [state, action, pending] = useActionState<DeleteAccountState, FormData>(deleteAccountAction, {});
  const id = useId();
  const confirmId = `${id}-confirm`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const fieldError = state.fieldErrors?.confirm;
  const formError = !fieldError && state.error ? state.error : null;
  return (
    <form action={action} noValidate className="space-y-4" data-testid="delete-account-form">
      <div>
        <label htmlFor={confirmId} className="block text-sm font-medium text-stone-900 dark:text-white">
          Type your email address to confirm
        </label>
        <p id={hintId} className="mt-0.5 text-sm text-stone-600 dark:text-stone-400">
          The one you sign in with, as shown at the top of this page.
        </p>
        <input
          id={confirmId}
          name="confirm"
          type="email"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
          placeholder={email}
          defaultValue={state.values?.confirm ?? ""}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? `${hintId} ${errorId}` : hintId}
          className="mt-2 block w-full max-w-md rounded-xl border border-stone-300 bg-white px-3.5 py-2.5 text-[15px] shadow-sm placeholder:text-stone-400 focus:border-skip-600 focus:outline-none focus:ring-2 focus:ring-skip-600/20 aria-invalid:border-skip-500 dark:border-stone-700 dark:bg-stone-900 dark:placeholder:text-stone-500"
        />
        {fieldError ? (
          <p id={errorId} role="alert" className="mt-1.5 text-sm font-medium text-skip-700 dark:text-skip-400">
            {fieldError}
          </p>
        ) : null}
      </div>
      {newsletter ? (
        <div className="flex items-start gap-3">
          <input
            id={`${id}-keep`}
            name="keepNewsletter"
            type="checkbox"
            value="on"
            defaultChecked={state.values?.keepNewsletter === "on"}
            className="mt-1 size-4 rounded border-stone-300 accent-stone-900 dark:border-stone-600 dark:accent-white"
          />
          <label htmlFor={`${id}-keep`} className="text-sm text-stone-700 dark:text-stone-300">
            <span className="font-medium text-stone-900 dark:text-white">Keep sending me the newsletter</span>
            <span className="block text-stone-600 dark:text-stone-400">
              {newsletter === "confirmed" ? "You are subscribed" : "You asked to subscribe"}; unless you tick this, the subscription is deleted with your account.
            </span>
          </label>
        </div>
      ) : null}
      {formError ? (
        <p role="alert" className="text-sm font-medium text-skip-700 dark:text-skip-400">
          {formError}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        className="rounded-xl bg-skip-700 px-5 py-2.5 text-sm font-semibold text-white hover:bg-skip-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-skip-600 disabled:cursor-wait disabled:opacity-60"
      >
        {pending ? "Deleting your account…" : "Delete my account"}
      </button>
    </form>
  );
}
