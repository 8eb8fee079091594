"use client";

import { useActionState } from "react";
import { restoreVerdictAction, type VerdictFormState } from "@/lib/verdicts/actions";

/**
 * Restore an earlier version: asked first ("Restore version 2" opens the
 * question, "Yes, restore it" does it), as a <details> so it works without
 * JavaScript too. Nothing is lost either way: the current text stays in the history.
 */
export function RestoreButton({ verdictId, currentVersion, version }: { verdictId: string; currentVersion: number; version: number }) {
  const [state, action, pending] = useActionState<VerdictFormState, FormData>(restoreVerdictAction, {});
  const button = "rounded-lg px-3 py-1.5 text-xs font-medium ring-1 ring-stone-300 hover:bg-stone-100 disabled:opacity-60 dark:ring-stone-700 dark:hover:bg-stone-800";
  return (
    <div className="space-y-2">
      <details className="group">
        <summary className={`inline-block cursor-pointer list-none ${button} [&::-webkit-details-marker]:hidden`}>Restore version {version}</summary>
        <form action={action} className="mt-2 flex flex-wrap items-center gap-3 rounded-lg bg-amber-50 px-3 py-2 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-100">
          <input type="hidden" name="verdictId" value={verdictId} />
          <input type="hidden" name="expectedVersion" value={currentVersion} />
          <input type="hidden" name="version" value={version} />
          <span>
            Make version {version} the current verdict? Version {currentVersion} stays in the history.
          </span>
          <button type="submit" disabled={pending} className="rounded-lg bg-stone-900 px-3 py-1.5 font-semibold text-white hover:bg-stone-700 disabled:opacity-60 dark:bg-white dark:text-stone-900">
            {pending ? "Restoring…" : "Yes, restore it"}
          </button>
        </form>
      </details>
      {state.error ? <p role="alert" className="text-xs text-skip-700 dark:text-skip-400">{state.error}</p> : null}
      {state.ok ? <p role="status" className="text-xs text-ship-700 dark:text-ship-400">{state.ok}</p> : null}
    </div>
  );
}
