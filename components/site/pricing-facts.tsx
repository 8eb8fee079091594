"use client";

/** A tool's pricing as its card lists it; the checked date comes formatted by the server. */
export type PricingFactsData = {
  model: string;
  entry: string | null;
  license: string | null;
  detail: string | null;
  sourceUrl: string | null;
  checked: string | null;
  /** The check is older than PRICING_DUE_DAYS: the price may have changed since. */
  checkDue?: boolean;
};

/**
 * The pricing list's markup. A client component only so the RSC payload carries these fields instead of the
 * list's elements (each costs Flight, its decoding for SSR and Fizz); the markup is the server's as it was.
 */
export function PricingFacts({ pricing }: { pricing: PricingFactsData }) {
  return (
    <dl className="space-y-3 text-sm">
      <div className="flex items-baseline justify-between gap-4">
        <dt className="text-stone-500 dark:text-stone-400">Model</dt>
        <dd className="font-medium">{pricing.model}</dd>
      </div>
      <div className="flex items-baseline justify-between gap-4">
        <dt className="text-stone-500 dark:text-stone-400">Entry</dt>
        <dd className="font-medium">{pricing.entry ?? "—"}</dd>
      </div>
      {pricing.license ? (
        <div className="flex items-baseline justify-between gap-4">
          <dt className="text-stone-500 dark:text-stone-400">License</dt>
          <dd className="font-medium">{pricing.license}</dd>
        </div>
      ) : null}
      {pricing.detail ? (
        <div>
          <dt className="sr-only">Detail</dt>
          <dd className="leading-6 text-stone-600 dark:text-stone-300">{pricing.detail}</dd>
        </div>
      ) : null}
      {pricing.sourceUrl ? (
        <div>
          <dt className="sr-only">Source</dt>
          <dd className="text-xs text-stone-500 dark:text-stone-400">
            <a href={pricing.sourceUrl} rel="noopener noreferrer" target="_blank" className="underline decoration-stone-300 underline-offset-2 hover:text-stone-800 dark:decoration-stone-600 dark:hover:text-stone-200">
              Source
            </a>
            {pricing.checked ? <> · checked {pricing.checked}</> : null}
            {pricing.checkDue ? (
              <span className="ml-2 inline-block rounded-full bg-amber-100 px-2 py-0.5 font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-200" data-testid="pricing-due">
                Re-check due
              </span>
            ) : null}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
