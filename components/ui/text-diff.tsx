import { diffWords } from "diff";

/** Word-level difference between two texts: removed words struck through, added ones highlighted. */
export function TextDiff({ before, after }: { before: string; after: string }) {
  const parts = diffWords(before, after);
  return (
    <p className="whitespace-pre-wrap text-sm leading-6 text-stone-700 dark:text-stone-300">
      {parts.map((part, index) =>
        part.added ? (
          <ins key={index} className="rounded bg-ship-100 px-0.5 text-ship-900 no-underline dark:bg-ship-950 dark:text-ship-300">
            {part.value}
          </ins>
        ) : part.removed ? (
          <del key={index} className="rounded bg-skip-100 px-0.5 text-skip-900 dark:bg-skip-950 dark:text-skip-300">
            {part.value}
          </del>
        ) : (
          <span key={index}>{part.value}</span>
        ),
      )}
    </p>
  );
}
