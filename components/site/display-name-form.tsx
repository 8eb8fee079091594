"use client";

import { useActionState, useId } from "react";
import { displayNameAction } from "@/lib/users/actions";
import type { DisplayNameState } from "@/lib/users/schema";

/**
 * /account's "Your public name": a plain form posting to a server action, so
 * it works without JavaScript. Shows the name the reader's reasons carry now
 * (their own, or the generated one), and sets it; empty goes back to the
 * generated one. The server checks the name (lib/users/display-name.ts).
 */
export function DisplayNameForm({ displayName, publicName }: { displayName: string | null; publicName: string }) {
  const [state, action, pending] = useActionState<DisplayNameState, FormData>(displayNameAction, {});
  const id = useId();
  const inputId = `${id}-name`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const fieldError = state.fieldErrors?.displayName;
  const formError = !fieldError && state.error ? state.error : null;
  return (
    <form action={action} noValidate className="space-y-4" data-testid="display-name-form">
      <p className="text-[15px] text-stone-700 dark:text-stone-300">
        You appear as <strong className="font-semibold text-stone-900 dark:text-white">{publicName}</strong>
        {displayName ? null : <span className="text-stone-500 dark:text-stone-400"> (generated; set your own)</span>}
      </p>
      <div>
        <label htmlFor={inputId} className="block text-sm font-medium text-stone-900 dark:text-white">
          Display name
        </label>
        <p id={hintId} className="mt-0.5 text-sm text-stone-600 dark:text-stone-400">
          2–40 characters: letters, digits, spaces and . - _ &apos;. Leave it empty to go back to a generated name.
        </p>
        <div className="mt-2 flex flex-col gap-2 sm:flex-row">
          <input
            id={inputId}
            name="displayName"
            type="text"
            autoComplete="nickname"
            spellCheck={false}
            maxLength={40}
            defaultValue={state.values?.displayName ?? displayName ?? ""}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? `${hintId} ${errorId}` : hintId}
            className="block w-full max-w-md rounded-xl border border-stone-300 bg-white px-3.5 py-2.5 text-[15px] shadow-sm placeholder:text-stone-400 focus:border-stone-500 focus:outline-none focus:ring-2 focus:ring-stone-300 aria-invalid:border-skip-500 dark:border-stone-700 dark:bg-stone-900 dark:placeholder:text-stone-500 dark:focus:ring-stone-700"
          />
          <button
            type="submit"
            disabled={pending}
            className="self-start rounded-xl bg-stone-900 px-5 py-2.5 text-sm font-semibold text-white hover:bg-stone-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-stone-500 disabled:cursor-wait disabled:opacity-60 dark:bg-white dark:text-stone-900 dark:hover:bg-stone-200"
          >
            {pending ? "Saving…" : "Save"}
          </button>
        </div>
        {fieldError ? (
          <p id={errorId} role="alert" className="mt-1.5 text-sm font-medium text-skip-700 dark:text-skip-400">
            {fieldError}
          </p>
        ) : null}
        {formError ? (
          <p role="alert" className="mt-1.5 text-sm font-medium text-skip-700 dark:text-skip-400">
            {formError}
          </p>
        ) : null}
        <p role="status" aria-live="polite" className="mt-1.5 text-sm font-medium text-ship-700 empty:mt-0 dark:text-ship-400">
          {state.ok ?? ""}
        </p>
      </div>
    </form>
  );
}
