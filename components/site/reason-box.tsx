"use client";

import { useId, useState, useTransition, type FormEvent } from "react";
import { reasonAction, type VoteActionResult } from "@/lib/votes/actions";
import { HiddenNote } from "./account-reason-form";

type Decision = "ship" | "skip";
/** The reader's reason as far as the widget knows: undefined until asked for (the page is the same for everyone). */
export type KnownReason = { text: string | null; hidden?: boolean; hiddenReason?: string | null } | undefined;

type Props = {
  tool: { slug: string; name: string };
  decision: Decision;
  reason: KnownReason;
  /** Open the text box now (right after a vote without a reason). */
  editing: boolean;
  onEditing: (editing: boolean) => void;
  onSaved: (result: Extract<VoteActionResult, { ok: true }>) => void;
  /** The saved reason, fetched when the reader first opens the box. */
  onLoaded: (reason: { text: string | null; hidden: boolean; hiddenReason: string | null }) => void;
  /** Reserve the line's space without showing it (signed in, no vote yet), so nothing moves when a vote arrives. */
  hidden: boolean;
};

const MAX = 500;

/**
 * The reason with a vote (docs/decisions/029): one line under the vote
 * buttons ("Add a reason" / "Edit your reason"), opening a text box. The
 * reader's saved reason is fetched only when they open it, so the cached page
 * costs no extra personal request. Without JavaScript, reasons are written on
 * /account.
 */
export function ReasonBox({ tool, decision, reason, editing, onEditing, onSaved, onLoaded, hidden }: Props) {
  const [draft, setDraft] = useState(reason?.text ?? "");
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [loading, setLoading] = useState(false);
  const [pending, startTransition] = useTransition();
  const fieldId = useId();
  const hintId = useId();

  const open = async () => {
    setError(null);
    if (reason === undefined) {
      setLoading(true);
      try {
        const response = await fetch(`/api/tools/${tool.slug}/vote`, { headers: { accept: "application/json" }, cache: "no-store" });
        if (!response.ok) throw new Error(String(response.status));
        const { data } = (await response.json()) as { data: { vote: Decision | null; reason: { text: string; hidden: boolean; hiddenReason: string | null } | null } };
        setDraft(data.reason?.text ?? "");
        onLoaded({ text: data.reason?.text ?? null, hidden: data.reason?.hidden ?? false, hiddenReason: data.reason?.hiddenReason ?? null });
      } catch {
        setError("Your reason could not be loaded. Try again.");
        return;
      } finally {
        setLoading(false);
      }
    } else {
      setDraft(reason.text ?? "");
    }
    onEditing(true);
  };

  const save = (text: string | null) => {
    setError(null);
    startTransition(async () => {
      const result = await reasonAction(tool.slug, decision, text);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      onSaved(result);
      onEditing(false);
      setStatus(result.reason ? `Your reason for ${decision === "ship" ? "shipping" : "skipping"} ${tool.name} is saved.` : "Your reason is removed.");
    });
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save(draft.trim() ? draft : null);
  };

  const linkClass =
    "text-xs font-medium text-stone-600 underline decoration-stone-300 underline-offset-2 hover:text-stone-900 disabled:cursor-wait dark:text-stone-300 dark:hover:text-white";

  if (!editing) {
    return (
      <div className={`hidden member:block ${hidden ? "invisible" : ""}`} data-testid={`reason-line-${tool.slug}`}>
        {reason?.text ? (
          <p className="line-clamp-2 whitespace-pre-line break-words text-xs text-stone-600 dark:text-stone-400">
            <span className="font-medium text-stone-700 dark:text-stone-300">Your reason: </span>
            {reason.text}
          </p>
        ) : null}
        {reason?.hidden ? <HiddenNote note={reason.hiddenReason ?? null} /> : null}
        <button type="button" onClick={open} disabled={loading || hidden} className={linkClass}>
          {loading ? "Loading your reason…" : reason === undefined ? "Add or edit your reason" : reason.text ? "Edit your reason" : `Add a reason to ${decision}`}
          <span className="sr-only"> for {tool.name}</span>
        </button>
        {error ? (
          <p role="alert" className="mt-1 text-xs font-medium text-skip-700 dark:text-skip-300">
            {error}
          </p>
        ) : null}
        <p aria-live="polite" className="sr-only">
          {status}
        </p>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} className="space-y-2" data-testid={`reason-form-${tool.slug}`}>
      <label htmlFor={fieldId} className="block text-xs font-medium">
        Why do you {decision} {tool.name}? <span className="font-normal text-stone-500 dark:text-stone-400">(optional)</span>
      </label>
      <textarea
        id={fieldId}
        name="reason"
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        maxLength={MAX}
        rows={3}
        // Opened by the reader's own click or vote: the caret goes where they will type.
        autoFocus
        aria-describedby={hintId}
        aria-invalid={error ? true : undefined}
        className="block w-full resize-y rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm text-stone-900 placeholder:text-stone-400 focus:border-stone-500 focus:outline-none focus:ring-2 focus:ring-stone-300 dark:border-stone-700 dark:bg-stone-950 dark:text-stone-100 dark:focus:ring-stone-700"
        placeholder={decision === "ship" ? "What made it worth shipping?" : "What made you pass on it?"}
      />
      <p id={hintId} className="flex justify-between gap-2 text-xs text-stone-500 dark:text-stone-400">
        <span>Shown in public with your display name, as plain text.</span>
        <span className="tabular-nums">
          {draft.length}/{MAX}
        </span>
      </p>
      {error ? (
        <p role="alert" className="text-xs font-medium text-skip-700 dark:text-skip-300">
          {error}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded-lg bg-stone-900 px-3 py-1.5 text-xs font-semibold text-white hover:bg-stone-700 disabled:cursor-wait disabled:opacity-60 dark:bg-white dark:text-stone-900 dark:hover:bg-stone-200"
        >
          {pending ? "Saving…" : "Save reason"}
        </button>
        {reason?.text ? (
          <button type="button" onClick={() => save(null)} disabled={pending} className={linkClass}>
            Remove it
          </button>
        ) : null}
        <button type="button" onClick={() => onEditing(false)} disabled={pending} className={linkClass}>
          {reason?.text ? "Cancel" : "Not now"}
        </button>
      </div>
    </form>
  );
}
