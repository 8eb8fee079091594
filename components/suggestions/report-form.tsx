"use client";

import Link from "next/link";
import { useActionState, useId } from "react";
import { reportProblemAction } from "@/lib/suggestions/actions";
import { PROBLEM_CATEGORIES, PROBLEM_LABELS, SUGGESTION_LIMITS, type SuggestionFormState } from "@/lib/suggestions/schema";
import { Field, inputClass, submitClass } from "./fields";

/** "Report a problem" with a listed tool: lands in the editors' queue (works without JavaScript). */
export function ReportForm({ tool }: { tool: { slug: string; name: string } }) {
  const [state, action, pending] = useActionState<SuggestionFormState, FormData>(reportProblemAction, {});
  const id = useId();
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  if (state.ok) {
    return (
      <div role="status" className="rounded-2xl border border-ship-200 bg-ship-50 p-6 dark:border-ship-900 dark:bg-ship-950/40" data-testid="problem-received">
        <p className="text-lg font-semibold text-stone-900 dark:text-white">Report received</p>
        <p className="mt-1 text-[15px] text-stone-700 dark:text-stone-300">{state.ok}</p>
        <p className="mt-4 flex flex-wrap gap-4 text-sm font-medium">
          <Link href={`/tools/${tool.slug}`} className="underline underline-offset-2">
            Back to {tool.name}
          </Link>
          <Link href="/account#suggestions" className="underline underline-offset-2">
            See its status
          </Link>
        </p>
      </div>
    );
  }
  const problem = values.category ?? "";
  return (
    <form action={action} noValidate className="space-y-6" data-testid="report-form">
      <input type="hidden" name="tool" value={tool.slug} />
      {state.error && !Object.keys(errors).length ? (
        <p role="alert" className="text-sm font-medium text-skip-700 dark:text-skip-400">
          {state.error}
        </p>
      ) : null}
      <fieldset aria-describedby={errors.category ? `${id}-category-error` : undefined}>
        <legend className="text-sm font-medium text-stone-900 dark:text-white">What is wrong?</legend>
        <div className="mt-2 space-y-2">
          {PROBLEM_CATEGORIES.map((category) => (
            <label key={category} className="flex items-center gap-3 rounded-xl border border-stone-200 bg-white px-4 py-3 text-[15px] has-checked:border-stone-500 has-checked:ring-2 has-checked:ring-stone-300 dark:border-stone-800 dark:bg-stone-900 dark:has-checked:ring-stone-700">
              <input type="radio" name="category" value={category} defaultChecked={problem === category} required className="size-4 shrink-0 accent-stone-900 dark:accent-white" />
              {PROBLEM_LABELS[category]}
            </label>
          ))}
        </div>
        {errors.category ? (
          <p id={`${id}-category-error`} className="mt-1.5 text-sm font-medium text-skip-700 dark:text-skip-400">
            {errors.category}
          </p>
        ) : null}
      </fieldset>
      <Field id={`${id}-details`} label="Details" hint="What should it say, and where did you see that? A link helps." error={errors.details}>
        {(describedBy) => (
          <textarea
            id={`${id}-details`}
            name="details"
            rows={5}
            required
            maxLength={SUGGESTION_LIMITS.details}
            defaultValue={values.details ?? ""}
            aria-invalid={errors.details ? true : undefined}
            aria-describedby={describedBy}
            className={inputClass}
          />
        )}
      </Field>
      <button type="submit" disabled={pending} className={submitClass}>
        {pending ? "Sending…" : "Send report"}
      </button>
    </form>
  );
}
