"use client";

import { useActionState, useId } from "react";
import { helpfulFormAction, reportFormAction } from "@/lib/reasons/actions";
import type { HelpfulFormState, ReportFormState } from "@/lib/reasons/schema";
import { helpfulLabel } from "./reason-quote";

type Props = {
  reasonId: string;
  helpful: number;
  marked: boolean;
  reported: boolean;
};

const pill =
  "inline-flex items-center gap-1 rounded-full px-2.5 py-1 text-xs font-medium ring-1 ring-inset transition-colors disabled:cursor-wait disabled:opacity-60";

/**
 * A signed-in reader's controls on another reader's reason: "Helpful" (a
 * toggle) and "Report" (a category and an optional note). Plain forms posting
 * to server actions: they work without JavaScript too.
 */
export function ReasonActions({ reasonId, helpful, marked, reported }: Props) {
  const [state, markAction, marking] = useActionState<HelpfulFormState, FormData>(helpfulFormAction, { marked, helpful });
  const isMarked = state.marked ?? marked;
  const count = state.helpful ?? helpful;
  return (
    <span className="flex flex-wrap items-center gap-2">
      <form action={markAction}>
        <input type="hidden" name="reason" value={reasonId} />
        <input type="hidden" name="helpful" value={isMarked ? "off" : "on"} />
        <button
          type="submit"
          aria-pressed={isMarked}
          disabled={marking}
          className={`${pill} ${
            isMarked
              ? "bg-ship-50 text-ship-800 ring-ship-300 dark:bg-ship-950 dark:text-ship-200 dark:ring-ship-800"
              : "bg-white text-stone-700 ring-stone-300 hover:bg-stone-100 dark:bg-stone-900 dark:text-stone-300 dark:ring-stone-700 dark:hover:bg-stone-800"
          }`}
        >
          <span aria-hidden>{isMarked ? "✓" : "+"}</span> Helpful
          <span className="tabular-nums" aria-label={helpfulLabel(count)}>
            · {count}
          </span>
        </button>
      </form>
      {state.error ? (
        <span role="alert" className="text-xs font-medium text-skip-700 dark:text-skip-300">
          {state.error}
        </span>
      ) : null}
      <ReportForm reasonId={reasonId} reported={reported} />
    </span>
  );
}

function ReportForm({ reasonId, reported }: { reasonId: string; reported: boolean }) {
  const [state, action, pending] = useActionState<ReportFormState, FormData>(reportFormAction, {});
  const noteId = useId();
  if (reported || state.ok) {
    return (
      <span role="status" className="text-xs text-stone-500 dark:text-stone-400">
        {state.ok ?? "You reported this reason."}
      </span>
    );
  }
  return (
    <details className="group relative">
      <summary className="cursor-pointer list-none text-xs font-medium text-stone-500 underline decoration-stone-300 underline-offset-2 hover:text-stone-800 dark:text-stone-400 dark:hover:text-stone-200 [&::-webkit-details-marker]:hidden">
        Report
      </summary>
      <form
        action={action}
        className="absolute right-0 z-10 mt-2 w-72 space-y-3 rounded-xl border border-stone-200 bg-white p-4 text-left shadow-lg sm:left-0 sm:right-auto dark:border-stone-700 dark:bg-stone-900"
      >
        <input type="hidden" name="reason" value={reasonId} />
        <fieldset>
          <legend className="text-xs font-semibold text-stone-900 dark:text-white">What is wrong with it?</legend>
          <div className="mt-2 grid grid-cols-2 gap-1.5 text-xs text-stone-700 dark:text-stone-300">
            {(
              [
                ["spam", "Spam or an ad"],
                ["abuse", "Abusive"],
                ["off-topic", "Off topic"],
                ["other", "Something else"],
              ] as const
            ).map(([value, label]) => (
              <label key={value} className="flex items-center gap-1.5">
                <input type="radio" name="category" value={value} required defaultChecked={state.values?.category === value} />
                {label}
              </label>
            ))}
          </div>
        </fieldset>
        <div>
          <label htmlFor={noteId} className="text-xs font-medium text-stone-700 dark:text-stone-300">
            Note for the moderators <span className="font-normal text-stone-500">(optional)</span>
          </label>
          <textarea
            id={noteId}
            name="note"
            maxLength={500}
            rows={2}
            defaultValue={state.values?.note ?? ""}
            className="mt-1 block w-full rounded-lg border border-stone-300 bg-white px-2 py-1.5 text-xs text-stone-900 dark:border-stone-700 dark:bg-stone-950 dark:text-stone-100"
          />
        </div>
        {state.error ? (
          <p role="alert" className="text-xs font-medium text-skip-700 dark:text-skip-300">
            {state.error}
          </p>
        ) : null}
        <button
          type="submit"
          disabled={pending}
          className="rounded-lg bg-stone-900 px-3 py-1.5 text-xs font-semibold text-white hover:bg-stone-700 disabled:cursor-wait disabled:opacity-60 dark:bg-white dark:text-stone-900"
        >
          {pending ? "Sending…" : "Send report"}
        </button>
      </form>
    </details>
  );
}
