"use client";

import { useActionState, useId } from "react";
import { restoreVoidAction, voidVotesAction } from "@/lib/integrity/actions";
import { VOID_WINDOW_LABELS, VOID_WINDOWS, type IntegrityFormState } from "@/lib/integrity/schema";

const button =
  "rounded-lg px-3 py-1.5 text-xs font-medium ring-1 ring-stone-300 hover:bg-stone-100 disabled:cursor-wait disabled:opacity-60 dark:ring-stone-700 dark:hover:bg-stone-800";
const danger = "rounded-lg bg-skip-600 px-3 py-1.5 text-xs font-semibold text-white hover:bg-skip-700 disabled:cursor-wait disabled:opacity-60";
const field = "rounded-lg border border-stone-300 bg-white px-2.5 py-1.5 text-xs dark:border-stone-700 dark:bg-stone-950";

function Message({ state }: { state: IntegrityFormState }) {
  if (state.error) return <span role="alert" className="text-xs font-medium text-skip-700 dark:text-skip-400">{state.error}</span>;
  if (state.ok) return <span role="status" className="text-xs font-medium text-ship-700 dark:text-ship-400">{state.ok}</span>;
  return null;
}

/** Void a tool's recent votes: how far back, whose, and why (kept in the audit log). */
export function VoidForm({ tool, name }: { tool: string; name: string }) {
  const [state, action, pending] = useActionState<IntegrityFormState, FormData>(voidVotesAction, {});
  const ids = { window: useId(), scope: useId(), reason: useId() };
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="tool" value={tool} />
      <label htmlFor={ids.window} className="sr-only">
        How far back
      </label>
      <select id={ids.window} name="window" defaultValue="60" className={field}>
        {VOID_WINDOWS.map((value) => (
          <option key={value} value={value}>
            Cast in {VOID_WINDOW_LABELS[value]}
          </option>
        ))}
      </select>
      <label htmlFor={ids.scope} className="sr-only">
        Whose votes
      </label>
      <select id={ids.scope} name="scope" defaultValue="new" className={field}>
        <option value="new">from new accounts</option>
        <option value="all">from every account</option>
      </select>
      <label htmlFor={ids.reason} className="sr-only">
        Why (kept in the audit log)
      </label>
      <input id={ids.reason} name="reason" required minLength={3} maxLength={500} placeholder="Why (kept in the audit log)" className={`${field} w-56`} />
      <button type="submit" disabled={pending} className={danger}>
        Void<span className="sr-only"> votes on {name}</span>
      </button>
      <Message state={state} />
    </form>
  );
}

/** Put a void's votes back. */
export function RestoreVoidForm({ voidId }: { voidId: string }) {
  const [state, action, pending] = useActionState<IntegrityFormState, FormData>(restoreVoidAction, {});
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="void" value={voidId} />
      <button type="submit" disabled={pending} className={button}>
        Restore these votes
      </button>
      <Message state={state} />
    </form>
  );
}
