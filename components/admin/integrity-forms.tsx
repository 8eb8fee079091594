"use client";

import { InlineMessage as Message, inlineButton as button, inlineDanger as danger, inlineField as field } from "./inline-form";
import { useActionState, useId } from "react";
import { restoreVoidAction, voidVotesAction } from "@/lib/integrity/actions";
import { VOID_WINDOW_LABELS, VOID_WINDOWS, type IntegrityFormState } from "@/lib/integrity/schema";


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
