import type { ReactNode } from "react";

/** The suggestion forms' controls: one look, one error wiring (label, hint, error, aria-describedby). */
export const inputClass =
  "block w-full rounded-xl border border-stone-300 bg-white px-3.5 py-2.5 text-[15px] shadow-sm placeholder:text-stone-400 focus:border-stone-500 focus:outline-none focus:ring-2 focus:ring-stone-300 aria-invalid:border-skip-500 dark:border-stone-700 dark:bg-stone-900 dark:placeholder:text-stone-500 dark:focus:ring-stone-700";

export function Field({
  id,
  label,
  hint,
  error,
  optional,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  optional?: boolean;
  children: (describedBy: string | undefined) => ReactNode;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-stone-900 dark:text-white">
        {label}
        {optional ? <span className="font-normal text-stone-500 dark:text-stone-400"> (optional)</span> : null}
      </label>
      {hint ? (
        <p id={hintId} className="mt-0.5 text-sm text-stone-600 dark:text-stone-400">
          {hint}
        </p>
      ) : null}
      <div className="mt-2">{children(describedBy)}</div>
      {error ? (
        <p id={errorId} className="mt-1.5 text-sm font-medium text-skip-700 dark:text-skip-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export const submitClass =
  "rounded-xl bg-stone-900 px-5 py-2.5 text-sm font-semibold text-white hover:bg-stone-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-stone-500 disabled:cursor-wait disabled:opacity-60 dark:bg-white dark:text-stone-900 dark:hover:bg-stone-200";
