"use client";

import { InlineMessage as Message, inlineButton as button, inlineDanger as danger, inlineField as field } from "./inline-form";
import { useActionState, useId } from "react";
import {
  dismissReportsAction,
  hideReasonAction,
  muteReaderAction,
  reopenReportsAction,
  restoreReasonAction,
} from "@/lib/moderation/actions";
import type { ModerationFormState } from "@/lib/moderation/schema";


/** Hide (with a note the author sees), or restore when hidden. */
export function HideForm({ reasonId, hidden }: { reasonId: string; hidden: boolean }) {
  const [hideState, hide, hiding] = useActionState<ModerationFormState, FormData>(hideReasonAction, {});
  const [restoreState, restore, restoring] = useActionState<ModerationFormState, FormData>(restoreReasonAction, {});
  const noteId = useId();
  if (hidden) {
    return (
      <form action={restore} className="flex flex-wrap items-center gap-2">
        <input type="hidden" name="reason" value={reasonId} />
        <button type="submit" disabled={restoring} className={button}>
          Restore
        </button>
        {/* After a hide the page re-renders with this form: the hide's message stays. */}
        <Message state={restoreState.ok || restoreState.error ? restoreState : hideState} />
      </form>
    );
  }
  return (
    <form action={hide} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="reason" value={reasonId} />
      <label htmlFor={noteId} className="sr-only">
        Why it is hidden (the author sees this)
      </label>
      <input id={noteId} name="note" required minLength={3} maxLength={500} placeholder="Why (the author sees this)" className={`${field} w-56`} />
      <button type="submit" disabled={hiding} className={danger}>
        Hide
      </button>
      <Message state={hideState.ok || hideState.error ? hideState : restoreState} />
    </form>
  );
}

/** Dismiss the open reports, or count dismissed ones again. */
export function ReportsForm({ reasonId, open, dismissed, flagged = false }: { reasonId: string; open: number; dismissed: number; flagged?: boolean }) {
  const [dismissState, dismiss, dismissing] = useActionState<ModerationFormState, FormData>(dismissReportsAction, {});
  const [reopenState, reopen, reopening] = useActionState<ModerationFormState, FormData>(reopenReportsAction, {});
  return (
    <div className="flex flex-wrap items-center gap-2">
      {open > 0 || flagged ? (
        <form action={dismiss} className="flex items-center gap-2">
          <input type="hidden" name="reason" value={reasonId} />
          <button type="submit" disabled={dismissing} className={button}>
            {open > 0 ? `Dismiss ${open} report${open === 1 ? "" : "s"}${flagged ? " and the flag" : ""}` : "Clear the flag"}
          </button>
          <Message state={dismissState} />
        </form>
      ) : null}
      {dismissed > 0 ? (
        <form action={reopen} className="flex items-center gap-2">
          <input type="hidden" name="reason" value={reasonId} />
          <button type="submit" disabled={reopening} className={button}>
            Reopen {dismissed} dismissed
          </button>
          <Message state={reopenState} />
        </form>
      ) : null}
    </div>
  );
}

/** Mute the author from writing reasons for a while, or lift the mute. */
export function MuteForm({ userId, name, muted }: { userId: string; name: string; muted: boolean }) {
  const [state, action, pending] = useActionState<ModerationFormState, FormData>(muteReaderAction, {});
  const daysId = useId();
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="user" value={userId} />
      <label htmlFor={daysId} className="text-xs text-stone-600 dark:text-stone-400">
        Reasons from {name}:
      </label>
      <select id={daysId} name="days" defaultValue={muted ? "0" : "7"} className={field}>
        <option value="1">mute 1 day</option>
        <option value="7">mute 7 days</option>
        <option value="30">mute 30 days</option>
        <option value="365">mute a year</option>
        <option value="0">lift the mute</option>
      </select>
      <input name="note" maxLength={500} placeholder="Note (optional)" aria-label="Note for the audit log (optional)" className={`${field} w-40`} />
      <button type="submit" disabled={pending} className={button}>
        Apply
      </button>
      <Message state={state} />
    </form>
  );
}
