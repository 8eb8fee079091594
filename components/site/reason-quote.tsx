import { formatDate } from "@/lib/format";
import type { PublicReason } from "@/lib/reasons/schema";

/**
 * One reader's reason, shown as typed: plain text (React escapes it; links
 * stay text), line breaks kept, long words wrapped. `children` is the place for
 * the reader's own controls (the reasons page's helpful and report buttons).
 */
export function ReasonQuote({ reason, children }: { reason: PublicReason; children?: React.ReactNode }) {
  const ship = reason.decision === "ship";
  return (
    <figure
      data-testid="reason"
      data-reason-id={reason.id}
      className={`rounded-xl border border-l-4 border-stone-200 bg-white px-4 py-3 dark:border-stone-800 dark:bg-stone-900 ${ship ? "border-l-ship-500" : "border-l-skip-500"}`}
    >
      <blockquote className="whitespace-pre-line break-words text-[15px] leading-6 text-stone-800 dark:text-stone-200">{reason.text}</blockquote>
      <figcaption className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-stone-500 dark:text-stone-400">
        <span className="font-medium text-stone-700 dark:text-stone-300">{reason.author.name}</span>
        <span aria-hidden>·</span>
        <span>
          voted <span className={ship ? "font-semibold text-ship-700 dark:text-ship-400" : "font-semibold text-skip-700 dark:text-skip-400"}>{reason.decision}</span>
        </span>
        <span aria-hidden>·</span>
        <time dateTime={reason.createdAt}>{formatDate(new Date(reason.createdAt))}</time>
        {children ?? (reason.helpful > 0 ? <span data-testid="reason-helpful">{helpfulLabel(reason.helpful)}</span> : null)}
      </figcaption>
    </figure>
  );
}

export const helpfulLabel = (count: number) => (count === 1 ? "1 reader found this helpful" : `${count} readers found this helpful`);
