"use client";

import { useActionState } from "react";
import { discardJobAction, retryJobAction } from "@/lib/jobs/actions";
import type { JobFormState } from "@/lib/jobs/schema";
import { InlineMessage as Message, inlineButton as button, inlineDanger as danger } from "./inline-form";

/** Retry (attempts reset, run now) and Discard (deleted, payload and all) for one failed job; both audited. */
export function FailedJobForms({ jobId, label }: { jobId: string; label: string }) {
  const [retried, retry, retrying] = useActionState<JobFormState, FormData>(retryJobAction, {});
  const [discarded, discard, discarding] = useActionState<JobFormState, FormData>(discardJobAction, {});
  return (
    <div className="flex flex-wrap items-center gap-2">
      <form action={retry}>
        <input type="hidden" name="job" value={jobId} />
        <button type="submit" disabled={retrying || discarding} className={button}>
          Retry<span className="sr-only"> {label}</span>
        </button>
      </form>
      <form action={discard}>
        <input type="hidden" name="job" value={jobId} />
        <button type="submit" disabled={retrying || discarding} className={danger}>
          Discard<span className="sr-only"> {label}</span>
        </button>
      </form>
      <Message state={retried.error || retried.ok ? retried : discarded} />
    </div>
  );
}
