"use client";

import { useActionState, useId } from "react";
import { acceptSuggestionAction, declineSuggestionAction, mergeSuggestionAction, resolveProblemAction } from "@/lib/suggestions/actions";
import { PRICING_MODEL_LABELS, PRICING_MODELS, SUGGESTION_LIMITS, type TriageFormState } from "@/lib/suggestions/schema";
import { TOOL_LIMITS } from "@/lib/tools/admin-schema";
import { InlineMessage as Message, inlineButton as button, inlineDanger as danger, inlineField as field } from "./inline-form";

type Option = { value: string; label: string };

/** The draft tool's fields, prefilled from the suggestion; the tool form's rules apply (lib/tools/admin-schema.ts). */
export type DraftDefaults = { slug: string; name: string; vendor: string; categoryId: string; tagline: string; description: string; website: string; pricingModel: string };

const label = "block text-xs font-medium text-stone-700 dark:text-stone-300";

/** Accept a suggested tool: a draft tool, unlisted until staff list it from its admin page. */
export function AcceptForm({ suggestionId, defaults, categories }: { suggestionId: string; defaults: DraftDefaults; categories: Option[] }) {
  const [state, action, pending] = useActionState<TriageFormState, FormData>(acceptSuggestionAction, {});
  const id = useId();
  const values = { ...defaults, ...state.values };
  const errors = state.fieldErrors ?? {};
  const text = (name: keyof DraftDefaults, title: string, max: number, wide = false) => (
    <div className={wide ? "sm:col-span-2" : undefined}>
      <label htmlFor={`${id}-${name}`} className={label}>
        {title}
      </label>
      <input
        id={`${id}-${name}`}
        name={name}
        defaultValue={values[name]}
        maxLength={max}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `${id}-${name}-error` : undefined}
        className={`${field} mt-1 w-full`}
      />
      {errors[name] ? (
        <p id={`${id}-${name}-error`} className="mt-1 text-xs font-medium text-skip-700 dark:text-skip-400">
          {errors[name]}
        </p>
      ) : null}
    </div>
  );
  return (
    <form action={action} className="space-y-3" data-testid="accept-form">
      <input type="hidden" name="suggestion" value={suggestionId} />
      <div className="grid gap-3 sm:grid-cols-2">
        {text("name", "Name", TOOL_LIMITS.name)}
        {text("slug", "Slug (its address)", TOOL_LIMITS.slug)}
        {text("vendor", "Vendor", TOOL_LIMITS.vendor)}
        {text("website", "Website", TOOL_LIMITS.website)}
        <div>
          <label htmlFor={`${id}-categoryId`} className={label}>
            Category
          </label>
          <select key={values.categoryId} id={`${id}-categoryId`} name="categoryId" defaultValue={values.categoryId} className={`${field} mt-1 w-full`}>
            {categories.map((category) => (
              <option key={category.value} value={category.value}>
                {category.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-pricingModel`} className={label}>
            Pricing model
          </label>
          <select key={values.pricingModel} id={`${id}-pricingModel`} name="pricingModel" defaultValue={values.pricingModel} aria-invalid={errors.pricingModel ? true : undefined} className={`${field} mt-1 w-full`}>
            <option value="">Choose…</option>
            {PRICING_MODELS.map((model) => (
              <option key={model} value={model}>
                {PRICING_MODEL_LABELS[model]}
              </option>
            ))}
          </select>
          {errors.pricingModel ? <p className="mt-1 text-xs font-medium text-skip-700 dark:text-skip-400">{errors.pricingModel}</p> : null}
        </div>
        {text("tagline", "Tagline (10+ characters)", TOOL_LIMITS.tagline, true)}
        <div className="sm:col-span-2">
          <label htmlFor={`${id}-description`} className={label}>
            Description (40+ characters; finish it in the tool&apos;s admin page)
          </label>
          <textarea
            id={`${id}-description`}
            name="description"
            rows={3}
            defaultValue={values.description}
            maxLength={TOOL_LIMITS.description}
            aria-invalid={errors.description ? true : undefined}
            aria-describedby={errors.description ? `${id}-description-error` : undefined}
            className={`${field} mt-1 w-full`}
          />
          {errors.description ? (
            <p id={`${id}-description-error`} className="mt-1 text-xs font-medium text-skip-700 dark:text-skip-400">
              {errors.description}
            </p>
          ) : null}
        </div>
        <div className="sm:col-span-2">
          <label htmlFor={`${id}-note`} className={label}>
            Note to the reader (optional)
          </label>
          <input id={`${id}-note`} name="note" maxLength={SUGGESTION_LIMITS.note} defaultValue={state.values?.note ?? ""} className={`${field} mt-1 w-full`} />
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <button type="submit" disabled={pending} className={button}>
          Accept as an unlisted draft
        </button>
        <Message state={state} />
      </div>
    </form>
  );
}

/** Fold a suggested tool into a listed one. */
export function MergeForm({ suggestionId, tools }: { suggestionId: string; tools: Option[] }) {
  const [state, action, pending] = useActionState<TriageFormState, FormData>(mergeSuggestionAction, {});
  const id = useId();
  return (
    <form action={action} className="flex flex-wrap items-center gap-2" data-testid="merge-form">
      <input type="hidden" name="suggestion" value={suggestionId} />
      <label htmlFor={`${id}-tool`} className="sr-only">
        The listed tool it is
      </label>
      <select id={`${id}-tool`} name="tool" required defaultValue="" className={`${field} w-56`}>
        <option value="" disabled>
          Already listed as…
        </option>
        {tools.map((tool) => (
          <option key={tool.value} value={tool.value}>
            {tool.label}
          </option>
        ))}
      </select>
      <button type="submit" disabled={pending} className={button}>
        Merge
      </button>
      <Message state={state} />
    </form>
  );
}

/** Decline, with the reason the reader sees. */
export function DeclineForm({ suggestionId }: { suggestionId: string }) {
  const [state, action, pending] = useActionState<TriageFormState, FormData>(declineSuggestionAction, {});
  const id = useId();
  return (
    <form action={action} className="flex flex-wrap items-center gap-2" data-testid="decline-form">
      <input type="hidden" name="suggestion" value={suggestionId} />
      <label htmlFor={`${id}-note`} className="sr-only">
        Why (the reader sees this)
      </label>
      <input id={`${id}-note`} name="note" required maxLength={SUGGESTION_LIMITS.note} placeholder="Why (the reader sees this)" className={`${field} w-64`} />
      <button type="submit" disabled={pending} className={danger}>
        Decline
      </button>
      <Message state={state} />
    </form>
  );
}

/** A reported problem is fixed (after correcting the tool). */
export function ResolveForm({ suggestionId }: { suggestionId: string }) {
  const [state, action, pending] = useActionState<TriageFormState, FormData>(resolveProblemAction, {});
  const id = useId();
  return (
    <form action={action} className="flex flex-wrap items-center gap-2" data-testid="resolve-form">
      <input type="hidden" name="suggestion" value={suggestionId} />
      <label htmlFor={`${id}-note`} className="sr-only">
        What you changed (optional; the reader sees this)
      </label>
      <input id={`${id}-note`} name="note" maxLength={SUGGESTION_LIMITS.note} placeholder="What you changed (optional)" className={`${field} w-64`} />
      <button type="submit" disabled={pending} className={button}>
        Mark fixed
      </button>
      <Message state={state} />
    </form>
  );
}
