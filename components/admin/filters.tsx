/** The filter bar above admin tables: a GET form, so every filter lives in the URL. */
export const filterControl =
  "rounded-lg border border-stone-300 bg-white px-2.5 py-1.5 text-sm dark:border-stone-700 dark:bg-stone-900";

export function FilterForm({ children, submitLabel = "Apply" }: { children: React.ReactNode; submitLabel?: string }) {
  return (
    <form role="search" className="mt-6 flex flex-wrap items-end gap-3">
      {children}
      <button type="submit" className="rounded-lg bg-stone-900 px-3 py-1.5 text-sm font-medium text-white dark:bg-white dark:text-stone-900">
        {submitLabel}
      </button>
    </form>
  );
}

export function FilterField({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <label className="text-sm">
      <span className="block text-xs text-stone-500 dark:text-stone-400">{label}</span>
      {children}
    </label>
  );
}
