"use client";

import { useActionState } from "react";
import { saveToolAction, type ToolFormState } from "@/lib/tools/actions";
import { TOOL_LIMITS } from "@/lib/tools/admin-schema";
import { SPEC_LIMITS, SPEC_TEXT_LIMITS, SPECS } from "@/lib/specs/schema";
import { Toast } from "@/components/ui/toast";
import { ErrorSummary } from "./error-summary";

type Values = Record<string, string>;
type Props = {
  tool?: Values & { id: string; version: string };
  categories: { id: string; name: string }[];
};

const input =
  "mt-1.5 block w-full rounded-xl border border-stone-300 bg-white px-3.5 py-2 text-[15px] shadow-sm focus:border-ship-600 focus:outline-none focus:ring-2 focus:ring-ship-600/20 aria-invalid:border-skip-500 dark:border-stone-700 dark:bg-stone-900";

const PRICING = [
  ["FREE", "Free"],
  ["FREEMIUM", "Freemium"],
  ["PAID", "Paid"],
  ["USAGE", "Usage-based"],
  ["OPEN_WEIGHTS", "Open weights"],
] as const;

/** The typed spec values' limits by field name (contextWindow, priceInput, …). */
const SPEC_VALUE_LIMITS: Record<string, number> = Object.fromEntries(
  SPECS.flatMap((spec) => (spec.kind in SPEC_TEXT_LIMITS ? [[spec.key, SPEC_TEXT_LIMITS[spec.kind as keyof typeof SPEC_TEXT_LIMITS]]] : [])),
);

/** Add or edit a tool: every catalogue field, with inline messages per field. */
export function ToolForm({ tool, categories }: Props) {
  const [state, action, pending] = useActionState<ToolFormState, FormData>(saveToolAction, {});
  const values: Values = (state.error ? state.values : undefined) ?? tool ?? {};
  const version = state.conflict?.current.version ?? tool?.version;

  const field = (name: string, label: React.ReactNode, options: { type?: string; hint?: string; textarea?: boolean } = {}) => {
    const error = state.fieldErrors?.[name as keyof NonNullable<ToolFormState["fieldErrors"]>];
    const common = {
      id: name,
      name,
      defaultValue: values[name] ?? "",
      "aria-invalid": error ? true : undefined,
      "aria-describedby": error ? `${name}-error` : undefined,
      maxLength: TOOL_LIMITS[name as keyof typeof TOOL_LIMITS] ?? (name.endsWith("Source") ? SPEC_LIMITS.sourceUrl : SPEC_VALUE_LIMITS[name]),
      className: input,
    };
    return (
      <div>
        <label htmlFor={name} className="text-sm font-medium">
          {label} {options.hint ? <span className="font-normal text-stone-500 dark:text-stone-400">({options.hint})</span> : null}
        </label>
        {options.textarea ? <textarea rows={4} {...common} /> : <input type={options.type ?? "text"} {...common} />}
        {error ? (
          <p id={`${name}-error`} className="mt-1.5 text-sm text-skip-700 dark:text-skip-400">
            {error}
          </p>
        ) : null}
      </div>
    );
  };

  const select = (name: string, label: string) => {
    const error = state.fieldErrors?.[name as keyof NonNullable<ToolFormState["fieldErrors"]>];
    return (
      <div>
        <label htmlFor={name} className="text-sm font-medium">{label}</label>
        <select
          id={name}
          name={name}
          defaultValue={values[name] ?? ""}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${name}-error` : undefined}
          className={input}
        >
          <option value="">Not known</option>
          <option value="yes">Yes</option>
          <option value="no">No</option>
        </select>
        {error ? <p id={`${name}-error`} className="mt-1.5 text-sm text-skip-700 dark:text-skip-400">{error}</p> : null}
      </div>
    );
  };

  return (
    // Remounted with what was typed after a refusal: React resets a form after its action, and a <select> would fall back to the default it mounted with.
    <form action={action} className="space-y-5" key={`${tool?.version ?? "new"}:${state.error ? JSON.stringify(values) : ""}`}>
      {tool ? <input type="hidden" name="id" value={tool.id} /> : null}
      {version ? <input type="hidden" name="expectedVersion" value={version} /> : null}
      <Toast message={state.ok && state.version === Number(tool?.version) ? state.ok : undefined} />
      {/* After a refused save, the reader is taken to what went wrong. */}
      <ErrorSummary state={state}>
        {state.conflict ? (
          <dl className="mt-2 grid grid-cols-[8rem_1fr] gap-x-3 text-xs">
            {Object.entries(state.conflict.current)
              .filter(([key, value]) => key !== "version" && value !== (values[key] ?? ""))
              .map(([key, value]) => (
                <div key={key} className="contents">
                  <dt className="font-semibold">{key}</dt>
                  <dd>saved: “{value}” · yours: “{values[key] ?? ""}”</dd>
                </div>
              ))}
          </dl>
        ) : null}
      </ErrorSummary>
      <div className="grid gap-5 md:grid-cols-2">
        {field("name", "Name")}
        {field("slug", "Slug", { hint: "URL: lower-case-with-dashes" })}
        {field("vendor", "Vendor")}
        <div>
          <label htmlFor="categoryId" className="text-sm font-medium">Category</label>
          <select id="categoryId" name="categoryId" defaultValue={values.categoryId ?? ""} className={input}>
            <option value="">Choose…</option>
            {categories.map((category) => <option key={category.id} value={category.id}>{category.name}</option>)}
          </select>
          {state.fieldErrors?.categoryId ? <p className="mt-1.5 text-sm text-skip-700 dark:text-skip-400">{state.fieldErrors.categoryId}</p> : null}
        </div>
      </div>
      {field("tagline", "Tagline")}
      {field("description", "Description", { textarea: true })}
      <div className="grid gap-5 md:grid-cols-2">
        {field("website", "Website", { type: "url", hint: "https://…" })}
        <div>
          <label htmlFor="pricingModel" className="text-sm font-medium">Pricing model</label>
          <select id="pricingModel" name="pricingModel" defaultValue={values.pricingModel ?? ""} className={input}>
            <option value="">Choose…</option>
            {PRICING.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select>
          {state.fieldErrors?.pricingModel ? <p className="mt-1.5 text-sm text-skip-700 dark:text-skip-400">{state.fieldErrors.pricingModel}</p> : null}
        </div>
        {field("entryPrice", "Entry price", { hint: 'e.g. "Free", "$20/mo"' })}
      </div>
      {field("pricingDetail", "Pricing detail", { textarea: true })}
      <div className="grid gap-5 md:grid-cols-3">
        {field("pricingSourceUrl", "Pricing source", { type: "url", hint: "https://…" })}
        {field("pricingVerifiedAt", "Pricing checked on", { type: "date" })}
      </div>
      <fieldset className="space-y-4 rounded-2xl border border-stone-200 p-4 sm:p-5 dark:border-stone-800">
        <legend className="px-1 text-sm font-semibold">Specs</legend>
        <p className="text-sm text-stone-600 dark:text-stone-400">
          Only what a source states: leave a fact empty when it is not known (the page shows “—”), and give the page you read it on and the day you checked.
        </p>
        {SPECS.map((spec) => (
          <div key={spec.key} className="grid gap-3 border-t border-stone-100 pt-4 first-of-type:border-0 first-of-type:pt-0 md:grid-cols-[minmax(0,1.1fr)_minmax(0,1fr)_11rem] dark:border-stone-800">
            {spec.key === "releasedAt"
              ? field("releasedAt", "Released on", { type: "date" })
              : spec.kind === "yesno"
                ? select(spec.key, spec.label)
                : field(spec.key, spec.label, { hint: spec.hint || undefined })}
            {field(`${spec.key}Source`, <>Source<span className="sr-only"> for {spec.label.toLowerCase()}</span></>, { type: "url", hint: "https://…" })}
            {field(`${spec.key}Checked`, <>Checked on<span className="sr-only"> ({spec.label.toLowerCase()})</span></>, { type: "date" })}
          </div>
        ))}
      </fieldset>
      <button type="submit" disabled={pending} className="rounded-xl bg-stone-900 px-4 py-2.5 text-sm font-semibold text-white hover:bg-stone-700 disabled:opacity-60 dark:bg-white dark:text-stone-900">
        {pending ? "Saving…" : tool ? "Save tool" : "Add tool"}
      </button>
    </form>
  );
}
