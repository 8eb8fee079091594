/** What the admin's small inline forms (moderation, integrity) share: their controls' classes and their one-line answer. */
export const inlineButton =
  "rounded-lg px-3 py-1.5 text-xs font-medium ring-1 ring-stone-300 hover:bg-stone-100 disabled:cursor-wait disabled:opacity-60 dark:ring-stone-700 dark:hover:bg-stone-800";
export const inlineDanger = "rounded-lg bg-skip-600 px-3 py-1.5 text-xs font-semibold text-white hover:bg-skip-700 disabled:cursor-wait disabled:opacity-60";
export const inlineField = "rounded-lg border border-stone-300 bg-white px-2.5 py-1.5 text-xs dark:border-stone-700 dark:bg-stone-950";

/** A form action's answer: the refusal as an alert, the success as a status, nothing before either. */
export function InlineMessage({ state }: { state: { ok?: string; error?: string } }) {
  if (state.error) return <span role="alert" className="text-xs font-medium text-skip-700 dark:text-skip-400">{state.error}</span>;
  if (state.ok) return <span role="status" className="text-xs font-medium text-ship-700 dark:text-ship-400">{state.ok}</span>;
  return null;
}
