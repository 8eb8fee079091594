"use client";

import { useActionState } from "react";
import { saveReviewerAction, type ReviewerFormState } from "@/lib/reviewers/actions";
import { Toast } from "@/components/ui/toast";
import { REVIEWER_LIMITS } from "@/lib/reviewers/admin-schema";
import { ErrorSummary } from "./error-summary";

type Props = { reviewer?: { id: string; slug: string; name: string; lens: string; bio: string; excitedBy: string[]; tiredOf: string[]; active: boolean } };

const input =
  "mt-1.5 block w-full rounded-xl border border-stone-300 bg-white px-3.5 py-2 text-[15px] shadow-sm focus:border-ship-600 focus:outline-none focus:ring-2 focus:ring-ship-600/20 aria-invalid:border-skip-500 dark:border-stone-700 dark:bg-stone-900";

/** Add or edit a reviewer persona. */
export function ReviewerForm({ reviewer }: Props) {
  const [state, action, pending] = useActionState<ReviewerFormState, FormData>(saveReviewerAction, {});
  const saved: Record<string, string> = reviewer
    ? { slug: reviewer.slug, name: reviewer.name, lens: reviewer.lens, bio: reviewer.bio, excitedBy: reviewer.excitedBy.join("\n"), tiredOf: reviewer.tiredOf.join("\n") }
    : {};
  const values = state.error ? (state.values ?? {}) : saved;
  const errors = state.fieldErrors ?? {};
  const field = (name: keyof typeof REVIEWER_LIMITS, label: string, hint?: string, textarea = false) => (
    <div>
      <label htmlFor={name} className="text-sm font-medium">
        {label} {hint ? <span className="font-normal text-stone-500 dark:text-stone-400">({hint})</span> : null}
      </label>
      {textarea ? (
        <textarea id={name} name={name} rows={4} maxLength={REVIEWER_LIMITS[name]} defaultValue={values[name] ?? ""} aria-invalid={errors[name] ? true : undefined} aria-describedby={errors[name] ? `${name}-error` : undefined} className={input} />
      ) : (
        <input id={name} name={name} maxLength={REVIEWER_LIMITS[name]} defaultValue={values[name] ?? ""} aria-invalid={errors[name] ? true : undefined} aria-describedby={errors[name] ? `${name}-error` : undefined} className={input} />
      )}
      {errors[name] ? <p id={`${name}-error`} className="mt-1.5 text-sm text-skip-700 dark:text-skip-400">{errors[name]}</p> : null}
    </div>
  );
  return (
    <form action={action} className="space-y-5">
      {reviewer ? <input type="hidden" name="id" value={reviewer.id} /> : null}
      <Toast message={state.ok} />
      {/* After a refused save, the reader is taken to what went wrong. */}
      <ErrorSummary state={state} />
      <div className="grid gap-5 md:grid-cols-2">
        {field("name", "Name")}
        {field("slug", "Slug", "URL: lower-case-with-dashes")}
      </div>
      {field("lens", "Lens", "e.g. Developer experience")}
      {field("bio", "Short bio", undefined, true)}
      <div className="grid gap-5 md:grid-cols-2">
        {field("excitedBy", "Excited by", "one a line", true)}
        {field("tiredOf", "Tired of", "one a line", true)}
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="active" defaultChecked={state.error ? values.active === "on" : (reviewer?.active ?? true)} />
        Active (inactive personas and their verdicts leave the public pages and the panel figures)
      </label>
      <button type="submit" disabled={pending} className="rounded-xl bg-stone-900 px-4 py-2.5 text-sm font-semibold text-white hover:bg-stone-700 disabled:opacity-60 dark:bg-white dark:text-stone-900">
        {pending ? "Saving…" : reviewer ? "Save reviewer" : "Add reviewer"}
      </button>
    </form>
  );
}
