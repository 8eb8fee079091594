"use client";

import { useActionState, useId } from "react";
import { useFormStatus } from "react-dom";
import { reasonFormAction } from "@/lib/votes/actions";
import type { ReasonFormState } from "@/lib/votes/schema";

type Props = {
  tool: { slug: string; name: string };
  decision: "ship" | "skip";
  /** The reason given with this vote, or null. */
  reason: { id: string; text: string; hidden?: boolean; hiddenReason?: string | null } | null;
  /** The longest reason (lib/reasons/schema.ts REASON_MAX, passed in so the schema stays on the server). */
  maxLength: number;
};

/**
 * The reason with one vote on /account: shown (or "No reason given"), and
 * edited in place. Plain forms posting to a server action, so they work
 * without JavaScript: one saves the text typed (empty removes it), the other
 * removes it (a form of its own with an empty `reason`, since a field sent
 * twice is refused). A refused reason stays in the box, with the error.
 */
export function AccountReasonForm({ tool, decision, reason, maxLength }: Props) {
  const [state, action, pending] = useActionState<ReasonFormState, FormData>(reasonFormAction, {});
  const id = useId();
  const fieldId = `${id}-reason`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  // A refused text is kept as typed; otherwise the box holds the reason as saved.
  const draft = state.error && state.values?.reason ? state.values.reason : (reason?.text ?? "");
  const hidden = (
    <>
      <input type="hidden" name="tool" value={tool.slug} />
      <input type="hidden" name="decision" value={decision} />
    </>
  );
  return (
    <div className="mt-2" data-testid={`account-reason-${tool.slug}`}>
      {reason ? (
        <>
          <p className="whitespace-pre-line break-words text-sm text-stone-700 dark:text-stone-300">
            <span className="font-medium text-stone-900 dark:text-white">Your reason: </span>
            {reason.text}
          </p>
          {reason.hidden ? <HiddenNote note={reason.hiddenReason ?? null} /> : null}
        </>
      ) : (
        <p className="text-sm text-stone-500 dark:text-stone-400">No reason given</p>
      )}
      <details open={state.error ? true : undefined} className="mt-1.5">
        <summary className="cursor-pointer text-xs font-medium text-stone-600 underline decoration-stone-300 underline-offset-2 hover:text-stone-900 dark:text-stone-300 dark:decoration-stone-600 dark:hover:text-white">
          {reason ? "Edit your reason" : "Add a reason"}
          <span className="sr-only"> for {tool.name}</span>
        </summary>
        <form action={action} noValidate className="mt-2 space-y-2">
          {hidden}
          <label htmlFor={fieldId} className="block text-xs font-medium text-stone-900 dark:text-white">
            Why do you {decision} {tool.name}?
          </label>
          <textarea
            id={fieldId}
            name="reason"
            rows={3}
            maxLength={maxLength}
            defaultValue={draft}
            aria-invalid={state.error ? true : undefined}
            aria-describedby={state.error ? `${hintId} ${errorId}` : hintId}
            placeholder={decision === "ship" ? "What made it worth shipping?" : "What made you pass on it?"}
            className="block w-full resize-y rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm text-stone-900 placeholder:text-stone-400 focus:border-stone-500 focus:outline-none focus:ring-2 focus:ring-stone-300 aria-invalid:border-skip-500 dark:border-stone-700 dark:bg-stone-950 dark:text-stone-100 dark:focus:ring-stone-700"
          />
          <p id={hintId} className="text-xs text-stone-500 dark:text-stone-400">
            Shown in public with your public name, as plain text. Up to {maxLength} characters; save it empty to remove it.
          </p>
          {state.error ? (
            <p id={errorId} role="alert" className="text-xs font-medium text-skip-700 dark:text-skip-400">
              {state.error}
            </p>
          ) : null}
          <Submit disabled={pending} busy="Saving…" className="rounded-lg bg-stone-900 px-3 py-1.5 text-xs font-semibold text-white hover:bg-stone-700 disabled:cursor-wait disabled:opacity-60 dark:bg-white dark:text-stone-900 dark:hover:bg-stone-200">
            Save reason
          </Submit>
        </form>
        {reason ? (
          <form action={action} className="mt-2">
            {hidden}
            <input type="hidden" name="reason" value="" />
            <Submit
              disabled={pending}
              busy="Removing…"
              className="text-xs font-medium text-skip-700 underline decoration-skip-300 underline-offset-2 hover:text-skip-900 disabled:cursor-wait disabled:opacity-60 dark:text-skip-400 dark:decoration-skip-900 dark:hover:text-skip-300"
            >
              Remove reason<span className="sr-only"> for {tool.name}</span>
            </Submit>
          </form>
        ) : null}
      </details>
      <p role="status" aria-live="polite" className="mt-1.5 text-xs font-medium text-ship-700 empty:mt-0 dark:text-ship-400">
        {state.ok ?? ""}
      </p>
    </div>
  );
}

/** A submit button that says when its own form is being sent. */
function Submit({ children, busy, disabled, className }: { children: React.ReactNode; busy: string; disabled: boolean; className: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={disabled} className={className}>
      {pending ? busy : children}
    </button>
  );
}

/** What the author of a hidden reason sees on their own copy (nobody else sees the reason). */
export function HiddenNote({ note }: { note: string | null }) {
  return (
    <p className="mt-1 rounded-lg bg-amber-50 px-2.5 py-1.5 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-200" data-testid="reason-hidden">
      <span className="font-semibold">Hidden by moderators</span>: only you can see it{note ? `. ${note}` : "."}
    </p>
  );
}
