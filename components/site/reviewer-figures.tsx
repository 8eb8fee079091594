import type { ReviewerProfile } from "@/lib/reviewers/queries";

/** A reviewer's three numbers: ship rate, agreement with the panel, agreement with the community. */
export function ReviewerFigures({ reviewer, compact = false }: { reviewer: ReviewerProfile; compact?: boolean }) {
  const figures = [
    { label: "Ship rate", value: reviewer.shipRate.label, detail: reviewer.shipRate.splitLabel },
    { label: "Agrees with panel", value: reviewer.panelAgreement.label, detail: reviewer.panelAgreement.summary },
    { label: "Agrees with community", value: reviewer.communityAgreement.label, detail: reviewer.communityAgreement.summary },
  ];
  return (
    <dl className={`grid grid-cols-3 ${compact ? "gap-3" : "gap-4 sm:gap-6"}`}>
      {figures.map((figure) => (
        <div key={figure.label} className="min-w-0">
          <dt className="text-[11px] font-medium uppercase tracking-wide text-stone-500 dark:text-stone-400">{figure.label}</dt>
          <dd className={`font-semibold tabular-nums tracking-tight ${compact ? "text-xl" : "text-3xl"} ${figure.value === "—" ? "text-stone-500 dark:text-stone-400" : ""}`}>
            {figure.value}
          </dd>
          <dd className="text-xs text-stone-500 dark:text-stone-400">{figure.detail}</dd>
        </div>
      ))}
    </dl>
  );
}
