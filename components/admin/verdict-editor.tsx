"use client";

import { useActionState, useState } from "react";
import { saveVerdictAction, type VerdictFormState } from "@/lib/verdicts/actions";
import { Toast } from "@/components/ui/toast";
import { ErrorSummary } from "./error-summary";
import { decisionLabel, DECISIONS, type Decision } from "@/lib/scores/decision";
import { VERDICT_LIMITS } from "@/lib/verdicts/schema";

type Props =
  | { verdict: { id: string; version: number; decision: Decision; body: string; published: boolean }; target?: never }
  /** A reviewer's first verdict on a tool. */
  | { verdict?: never; target: { toolId: string; reviewerId: string } };

const field = "mt-1.5 block w-full rounded-xl border border-stone-300 bg-white px-3.5 py-2.5 text-[15px] shadow-sm focus:border-ship-600 focus:outline-none focus:ring-2 focus:ring-ship-600/20 aria-invalid:border-skip-500 dark:border-stone-700 dark:bg-stone-900";

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} className="mt-1.5 text-sm text-skip-700 dark:text-skip-400">
      {message}
    </p>
  ) : null;
}

/** Edit one verdict: call, Markdown case, published flag and the reason for the change. */
export function VerdictEditor({ verdict: existing, target }: Props) {
  const verdict = existing ?? { id: "", version: 0, decision: "SHIP" as const, body: "", published: true };
  const [state, action, pending] = useActionState<VerdictFormState, FormData>(saveVerdictAction, {});
  // Typed values are kept only when the save was refused.
  const values = state.error ? state.values : undefined;
  // A ticked checkbox is sent as "on"; an unticked one is not sent at all.
  const published = values ? values.published === "on" : verdict.published;
  // After a conflict the editor works against the version now saved.
  const version = state.conflict?.current.version ?? verdict.version;
  // The call flipped but the case is the one written for the old call: say so before it is saved.
  const [call, setCall] = useState<Decision>(values?.decision === "SKIP" || values?.decision === "SHIP" ? values.decision : verdict.decision);
  const [body, setBody] = useState(values?.body ?? verdict.body);
  const caseUnchanged = Boolean(existing) && call !== verdict.decision && body.trim() === verdict.body.trim();
  return (
    // Re-mounted whenever the saved version changes (a save, a restore), so the fields show what is saved.
    <form action={action} className="space-y-5" key={verdict.version}>
      {target ? (
        <>
          <input type="hidden" name="toolId" value={target.toolId} />
          <input type="hidden" name="reviewerId" value={target.reviewerId} />
        </>
      ) : (
        <>
          <input type="hidden" name="verdictId" value={verdict.id} />
          <input type="hidden" name="expectedVersion" value={version} />
        </>
      )}
      <Toast message={state.ok && state.version === verdict.version ? state.ok : undefined} />
      {/* After a refused save, the reader is taken to what went wrong. */}
      <ErrorSummary state={state}>
        {state.conflict ? (
          <div className="mt-3 grid gap-3 md:grid-cols-2">
            <div>
              <p className="text-xs font-semibold uppercase tracking-wide">Saved now (version {state.conflict.current.version})</p>
              <p className="mt-1 text-xs">
                {decisionLabel(state.conflict.current.decision)} · {state.conflict.current.published ? "published" : "draft"}
              </p>
              <p className="mt-1 whitespace-pre-wrap rounded-lg bg-white/70 p-2 text-xs text-stone-800 dark:bg-stone-900 dark:text-stone-200">{state.conflict.current.body}</p>
            </div>
            <div>
              <p className="text-xs font-semibold uppercase tracking-wide">Yours (not saved)</p>
              <p className="mt-1 text-xs">{values?.decision === "SHIP" ? "Ship" : "Skip"} · {published ? "published" : "draft"}</p>
              <p className="mt-1 whitespace-pre-wrap rounded-lg bg-white/70 p-2 text-xs text-stone-800 dark:bg-stone-900 dark:text-stone-200">{values?.body}</p>
            </div>
          </div>
        ) : null}
      </ErrorSummary>

      <fieldset>
        <legend className="text-sm font-medium">Call</legend>
        <div className="mt-2 flex gap-3">
          {DECISIONS.map((decision) => (
            <label key={decision} className="flex items-center gap-2 rounded-xl px-3 py-2 text-sm ring-1 ring-stone-300 has-checked:ring-2 has-checked:ring-stone-900 dark:ring-stone-700 dark:has-checked:ring-white">
              <input
                type="radio"
                name="decision"
                value={decision}
                defaultChecked={(values?.decision ?? verdict.decision) === decision}
                onChange={(event) => event.target.checked && setCall(decision)}
              />
              {decisionLabel(decision)}
            </label>
          ))}
        </div>
        <FieldError id="decision-error" message={state.fieldErrors?.decision} />
        {caseUnchanged ? (
          <p role="status" data-testid="call-changed-warning" className="mt-2 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
            The call is now {decisionLabel(call)}, but the case below is still the one written for {decisionLabel(verdict.decision)}: revise it so it
            argues {decisionLabel(call).toLowerCase()}.
          </p>
        ) : null}
      </fieldset>

      <div>
        <label htmlFor="body" className="text-sm font-medium">
          Case <span className="font-normal text-stone-500 dark:text-stone-400">(Markdown)</span>
        </label>
        <textarea
          id="body"
          name="body"
          rows={10}
          defaultValue={values?.body ?? verdict.body}
          onChange={(event) => setBody(event.target.value)}
          maxLength={VERDICT_LIMITS.body}
          aria-invalid={state.fieldErrors?.body ? true : undefined}
          aria-describedby={state.fieldErrors?.body ? "body-error" : undefined}
          className={field}
        />
        <FieldError id="body-error" message={state.fieldErrors?.body} />
      </div>

      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="published" defaultChecked={published} />
        Published
      </label>

      <div>
        <label htmlFor="reason" className="text-sm font-medium">
          Reason for the change <span className="font-normal text-stone-500 dark:text-stone-400">(shown in the public history)</span>
        </label>
        <input
          id="reason"
          name="reason"
          defaultValue={values?.reason ?? ""}
          maxLength={VERDICT_LIMITS.reason}
          aria-invalid={state.fieldErrors?.reason ? true : undefined}
          aria-describedby={state.fieldErrors?.reason ? "reason-error" : undefined}
          className={field}
        />
        <FieldError id="reason-error" message={state.fieldErrors?.reason} />
      </div>

      <button
        type="submit"
        disabled={pending}
        className="rounded-xl bg-stone-900 px-4 py-2.5 text-sm font-semibold text-white hover:bg-stone-700 disabled:opacity-60 dark:bg-white dark:text-stone-900"
      >
        {pending ? "Saving…" : target ? "Write verdict" : "Save verdict"}
      </button>
    </form>
  );
}
