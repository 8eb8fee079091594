"use client";

import { useActionState } from "react";
import { saveComparisonAction, type ComparisonFormState } from "@/lib/comparisons/actions";
import { Toast } from "@/components/ui/toast";
import { COMPARISON_LIMITS } from "@/lib/comparisons/admin-schema";
import { ErrorSummary } from "./error-summary";

type Props = {
  comparison?: {
    id: string;
    version: number;
    headline: string | null;
    intro: string | null;
    pickA: string | null;
    pickB: string | null;
    status: "DRAFT" | "PUBLISHED";
    title: string;
    toolNames: [string, string];
  };
  tools: { id: string; name: string }[];
};

const input =
  "mt-1.5 block w-full rounded-xl border border-stone-300 bg-white px-3.5 py-2 text-[15px] shadow-sm focus:border-ship-600 focus:outline-none focus:ring-2 focus:ring-ship-600/20 aria-invalid:border-skip-500 dark:border-stone-700 dark:bg-stone-900";

function FieldMessage({ id, message }: { id: string; message?: string }) {
  return message ? <p id={id} className="mt-1.5 text-sm text-skip-700 dark:text-skip-400">{message}</p> : null;
}

/** Create a comparison (two listed tools) or edit its headline, intro and published state. */
export function ComparisonForm({ comparison, tools }: Props) {
  const [state, action, pending] = useActionState<ComparisonFormState, FormData>(saveComparisonAction, {});
  const values = state.error ? (state.values ?? {}) : {};
  const errors = state.fieldErrors ?? {};
  return (
    // Remounted with what was typed after a refusal: React resets a form after its action, and a <select> would fall back to the default it mounted with.
    <form action={action} className="space-y-5" key={`${comparison?.version ?? "new"}:${JSON.stringify(values)}`}>
      {comparison ? (
        <>
          <input type="hidden" name="id" value={comparison.id} />
          <input type="hidden" name="expectedVersion" value={comparison.version} />
        </>
      ) : null}
      <Toast message={state.ok && state.version === comparison?.version ? state.ok : undefined} />
      {/* After a refused save, the reader is taken to what went wrong. */}
      <ErrorSummary state={state} />
      {comparison ? null : (
        <div className="grid gap-5 md:grid-cols-2">
          {(["toolAId", "toolBId"] as const).map((name) => (
            <div key={name}>
              <label htmlFor={name} className="text-sm font-medium">{name === "toolAId" ? "Tool A" : "Tool B"}</label>
              <select id={name} name={name} defaultValue={values[name] ?? ""} aria-invalid={errors[name] ? true : undefined} aria-describedby={errors[name] ? `${name}-error` : undefined} className={input}>
                <option value="">Choose…</option>
                {tools.map((tool) => <option key={tool.id} value={tool.id}>{tool.name}</option>)}
              </select>
              <FieldMessage id={`${name}-error`} message={errors[name]} />
            </div>
          ))}
        </div>
      )}
      <div>
        <label htmlFor="headline" className="text-sm font-medium">Headline <span className="font-normal text-stone-500 dark:text-stone-400">(optional)</span></label>
        <input id="headline" name="headline" maxLength={COMPARISON_LIMITS.headline} defaultValue={values.headline ?? comparison?.headline ?? ""} aria-invalid={errors.headline ? true : undefined} aria-describedby={errors.headline ? "headline-error" : undefined} className={input} />
        <FieldMessage id="headline-error" message={errors.headline} />
      </div>
      <div>
        <label htmlFor="intro" className="text-sm font-medium">Intro <span className="font-normal text-stone-500 dark:text-stone-400">(optional)</span></label>
        <textarea id="intro" name="intro" rows={3} maxLength={COMPARISON_LIMITS.intro} defaultValue={values.intro ?? comparison?.intro ?? ""} aria-invalid={errors.intro ? true : undefined} aria-describedby={errors.intro ? "intro-error" : undefined} className={input} />
        <FieldMessage id="intro-error" message={errors.intro} />
      </div>
      <fieldset className="rounded-2xl border border-stone-200 p-4 sm:p-5 dark:border-stone-800">
        <legend className="px-1 text-sm font-semibold">Bottom line <span className="font-normal text-stone-500 dark:text-stone-400">(optional; both or neither)</span></legend>
        <p className="text-sm text-stone-600 dark:text-stone-400">
          Shown first on the page. Without it, the page writes a line from the figures and marks it generated.
        </p>
        {(["pickA", "pickB"] as const).map((name, index) => {
          const tool = comparison?.toolNames[index] ?? (index === 0 ? "tool A" : "tool B");
          return (
            <div key={name} className="mt-4">
              <label htmlFor={name} className="text-sm font-medium">Pick {tool} if…</label>
              <textarea
                id={name}
                name={name}
                rows={2}
                maxLength={COMPARISON_LIMITS[name]}
                defaultValue={values[name] ?? comparison?.[name] ?? ""}
                aria-invalid={errors[name] ? true : undefined}
                aria-describedby={errors[name] ? `${name}-error` : undefined}
                placeholder={index === 0 ? "you need frontier-level code generation and can pay per token" : "you must run on your own hardware"}
                className={input}
              />
              <FieldMessage id={`${name}-error`} message={errors[name]} />
            </div>
          );
        })}
      </fieldset>
      <fieldset>
        <legend className="text-sm font-medium">State</legend>
        <div className="mt-2 flex gap-3">
          {(["DRAFT", "PUBLISHED"] as const).map((status) => (
            <label key={status} className="flex items-center gap-2 rounded-xl px-3 py-2 text-sm ring-1 ring-stone-300 has-checked:ring-2 has-checked:ring-stone-900 dark:ring-stone-700 dark:has-checked:ring-white">
              <input type="radio" name="status" value={status} defaultChecked={(values.status ?? comparison?.status ?? "DRAFT") === status} />
              {status === "DRAFT" ? "Draft" : "Published"}
            </label>
          ))}
        </div>
      </fieldset>
      <button type="submit" disabled={pending} className="rounded-xl bg-stone-900 px-4 py-2.5 text-sm font-semibold text-white hover:bg-stone-700 disabled:opacity-60 dark:bg-white dark:text-stone-900">
        {pending ? "Saving…" : comparison ? "Save comparison" : "Create comparison"}
      </button>
    </form>
  );
}
