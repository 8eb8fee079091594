"use client";

import { useActionState } from "react";
import { restoreVerdictAction, type VerdictFormState } from "@/lib/verdicts/actions";

export function RestoreButton({ verdictId, currentVersion, version }: { verdictId: string; currentVersion: number; version: number }) {
  const [state, action, pending] = useActionState<VerdictFormState, FormData>(restoreVerdictAction, {});
  return (
    <form action={action} className="flex items-center gap-3">
      <input type="hidden" name="verdictId" value={verdictId} />
      <input type="hidden" name="expectedVersion" value={currentVersion} />
      <input type="hidden" name="version" value={version} />
      <button type="submit" disabled={pending} className="rounded-lg px-3 py-1.5 text-xs font-medium ring-1 ring-stone-300 hover:bg-stone-100 disabled:opacity-60 dark:ring-stone-700 dark:hover:bg-stone-800">
        {pending ? "Restoring…" : `Restore version ${version}`}
      </button>
      {state.error ? <span role="alert" className="text-xs text-skip-700 dark:text-skip-400">{state.error}</span> : null}
      {state.ok ? <span role="status" className="text-xs text-ship-700 dark:text-ship-400">{state.ok}</span> : null}
    </form>
  );
}
