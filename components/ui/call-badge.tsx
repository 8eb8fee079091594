type Props = { decision: "SHIP" | "SKIP" | null; size?: "sm" | "md" };

/** Ship / Skip pill. Colour is never the only signal: the word is always there. */
export function CallBadge({ decision, size = "sm" }: Props) {
  const sizing = size === "md" ? "px-2.5 py-1 text-xs" : "px-2 py-0.5 text-[11px]";
  if (decision === null) {
    return (
      <span className={`inline-flex items-center rounded-full bg-stone-100 font-semibold uppercase tracking-wide text-stone-500 dark:bg-stone-800 dark:text-stone-400 ${sizing}`}>
        No verdict
      </span>
    );
  }
  const ship = decision === "SHIP";
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full font-semibold uppercase tracking-wide ring-1 ring-inset ${sizing} ${
        ship
          ? "bg-ship-50 text-ship-700 ring-ship-600/20 dark:bg-ship-950 dark:text-ship-300 dark:ring-ship-400/25"
          : "bg-skip-50 text-skip-700 ring-skip-600/20 dark:bg-skip-950 dark:text-skip-300 dark:ring-skip-400/25"
      }`}
    >
      <span aria-hidden>{ship ? "↑" : "↓"}</span>
      {ship ? "Ship" : "Skip"}
    </span>
  );
}
