"use client";

import Link from "next/link";
import { useActionState, useId } from "react";
import { suggestToolAction } from "@/lib/suggestions/actions";
import { PRICING_MODEL_LABELS, PRICING_MODELS, SUGGESTION_LIMITS, type SuggestionFormState } from "@/lib/suggestions/schema";
import { Field, inputClass, submitClass } from "./fields";

type Props = { categories: { slug: string; name: string }[] };

/**
 * /suggest: a reader suggests a tool. A plain form posting to a server action
 * (works without JavaScript); the server checks it against every tool and
 * waiting suggestion and answers a duplicate with the tool it matches.
 */
export function SuggestForm({ categories }: Props) {
  const [state, action, pending] = useActionState<SuggestionFormState, FormData>(suggestToolAction, {});
  const id = useId();
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  if (state.ok) {
    return (
      <div role="status" className="rounded-2xl border border-ship-200 bg-ship-50 p-6 dark:border-ship-900 dark:bg-ship-950/40" data-testid="suggestion-received">
        <p className="text-lg font-semibold text-stone-900 dark:text-white">Suggestion received</p>
        <p className="mt-1 text-[15px] text-stone-700 dark:text-stone-300">{state.ok}</p>
        <p className="mt-4 flex flex-wrap gap-4 text-sm font-medium">
          <Link href="/account#suggestions" className="underline underline-offset-2">
            See its status
          </Link>
          <a href="/suggest" className="underline underline-offset-2">
            Suggest another tool
          </a>
        </p>
      </div>
    );
  }
  return (
    <form action={action} noValidate className="space-y-6" data-testid="suggest-form">
      {state.duplicate ? (
        <div role="alert" className="rounded-2xl border border-amber-300 bg-amber-50 p-5 text-[15px] dark:border-amber-900 dark:bg-amber-950/40" data-testid="suggestion-duplicate">
          {state.duplicate.kind === "tool" ? (
            <p>
              <strong className="font-semibold">Already listed:</strong>{" "}
              <Link href={`/tools/${state.duplicate.slug}`} className="font-semibold underline underline-offset-2">
                {state.duplicate.name}
              </Link>
              . Vote on it, or report a problem from its page if something there is wrong.
            </p>
          ) : (
            <p>
              <strong className="font-semibold">Already suggested:</strong> someone suggested {state.duplicate.name}, and it is waiting for the editors. Nothing more to do.
            </p>
          )}
        </div>
      ) : state.error ? (
        <p role="alert" className="text-sm font-medium text-skip-700 dark:text-skip-400">
          {state.error}
        </p>
      ) : null}
      <div className="grid gap-6 sm:grid-cols-2">
        <Field id={`${id}-name`} label="Name" hint="As its makers write it" error={errors.name}>
          {(describedBy) => (
            <input id={`${id}-name`} name="name" type="text" required maxLength={SUGGESTION_LIMITS.name} defaultValue={values.name ?? ""} aria-invalid={errors.name ? true : undefined} aria-describedby={describedBy} className={inputClass} />
          )}
        </Field>
        <Field id={`${id}-website`} label="Website" hint="Its own page, e.g. example.com" error={errors.website}>
          {(describedBy) => (
            <input
              id={`${id}-website`}
              name="website"
              type="text"
              inputMode="url"
              autoComplete="url"
              spellCheck={false}
              required
              maxLength={SUGGESTION_LIMITS.website}
              defaultValue={values.website ?? ""}
              aria-invalid={errors.website ? true : undefined}
              aria-describedby={describedBy}
              className={inputClass}
            />
          )}
        </Field>
      </div>
      <Field id={`${id}-category`} label="Category" error={errors.category}>
        {(describedBy) => (
          <select key={values.category} id={`${id}-category`} name="category" required defaultValue={values.category ?? ""} aria-invalid={errors.category ? true : undefined} aria-describedby={describedBy} className={`${inputClass} sm:max-w-sm`}>
            <option value="" disabled>
              Choose a category
            </option>
            {categories.map((category) => (
              <option key={category.slug} value={category.slug}>
                {category.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${id}-pitch`} label="What it does, in one line" hint={`Up to ${SUGGESTION_LIMITS.pitch} characters.`} error={errors.pitch}>
        {(describedBy) => (
          <input id={`${id}-pitch`} name="pitch" type="text" required maxLength={SUGGESTION_LIMITS.pitch} defaultValue={values.pitch ?? ""} aria-invalid={errors.pitch ? true : undefined} aria-describedby={describedBy} className={inputClass} />
        )}
      </Field>
      <div className="grid gap-6 sm:grid-cols-2">
        <Field id={`${id}-vendor`} label="Who makes it" optional error={errors.vendor}>
          {(describedBy) => (
            <input id={`${id}-vendor`} name="vendor" type="text" maxLength={SUGGESTION_LIMITS.vendor} defaultValue={values.vendor ?? ""} aria-invalid={errors.vendor ? true : undefined} aria-describedby={describedBy} className={inputClass} />
          )}
        </Field>
        <Field id={`${id}-pricing`} label="Pricing" optional error={errors.pricingModel}>
          {(describedBy) => (
            <select key={values.pricingModel} id={`${id}-pricing`} name="pricingModel" defaultValue={values.pricingModel ?? ""} aria-invalid={errors.pricingModel ? true : undefined} aria-describedby={describedBy} className={inputClass}>
              <option value="">Not sure</option>
              {PRICING_MODELS.map((model) => (
                <option key={model} value={model}>
                  {PRICING_MODEL_LABELS[model]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <button type="submit" disabled={pending} className={submitClass}>
        {pending ? "Sending…" : "Send suggestion"}
      </button>
    </form>
  );
}
