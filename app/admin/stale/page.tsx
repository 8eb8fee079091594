import type { Route } from "next";
import Link from "next/link";
import { requireStaff } from "@/lib/auth/guards";
import { env } from "@/lib/env";
import { formatDate } from "@/lib/format";
import { decisionLabel } from "@/lib/scores/decision";
import { ageLabel } from "@/lib/site/staleness";
import { listSpecsDue } from "@/lib/specs/queries";
import { listPricingDue } from "@/lib/tools/queries";
import { listReviewsDue } from "@/lib/verdicts/queries";

export const metadata = { title: "Re-review queue" };

/** What the public pages mark as due: verdicts past REVIEW_DUE_DAYS, pricing checks past PRICING_DUE_DAYS, oldest first. */
export default async function StaleQueue() {
  await requireStaff("/admin/stale");
  const now = new Date();
  const [reviews, pricing, specs] = await Promise.all([
    listReviewsDue(env.REVIEW_DUE_DAYS),
    listPricingDue(env.PRICING_DUE_DAYS),
    listSpecsDue(env.PRICING_DUE_DAYS),
  ]);
  const cell = "px-4 py-3 text-sm";
  return (
    <div>
      <h1 className="text-3xl font-semibold tracking-tight">Re-review queue</h1>
      <p className="mt-2 max-w-3xl text-stone-600 dark:text-stone-400">
        Verdicts last revised more than {env.REVIEW_DUE_DAYS} days ago, and pricing and spec facts last checked more than {env.PRICING_DUE_DAYS} days ago,
        oldest first. The public pages mark each of them as due until it is revised or re-checked.
      </p>

      <h2 className="mt-8 text-lg font-semibold">Verdicts · {reviews.length}</h2>
      {reviews.length === 0 ? (
        <p className="mt-3 text-sm text-stone-500 dark:text-stone-400">Every published verdict was revised within {env.REVIEW_DUE_DAYS} days.</p>
      ) : (
        <div className="mt-3 overflow-x-auto rounded-2xl border border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900">
          <table className="w-full text-left">
            <thead className="text-xs uppercase tracking-wide text-stone-500 dark:text-stone-400">
              <tr>
                <th scope="col" className={cell}>Tool</th>
                <th scope="col" className={cell}>Reviewer</th>
                <th scope="col" className={cell}>Call</th>
                <th scope="col" className={cell}>Last revised</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100 dark:divide-stone-800" data-testid="reviews-due">
              {reviews.map((verdict) => (
                <tr key={verdict.id}>
                  <td className={cell}>
                    <Link href={`/admin/verdicts/${verdict.id}` as Route} className="font-medium underline-offset-2 hover:underline">
                      {verdict.tool.name}
                    </Link>
                  </td>
                  <td className={cell}>{verdict.reviewer.name}</td>
                  <td className={cell}>{decisionLabel(verdict.decision)}</td>
                  <td className={cell}>
                    {formatDate(verdict.updatedAt)} <span className="text-stone-500 dark:text-stone-400">({ageLabel(verdict.updatedAt, now)})</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2 className="mt-10 text-lg font-semibold">Pricing · {pricing.length}</h2>
      {pricing.length === 0 ? (
        <p className="mt-3 text-sm text-stone-500 dark:text-stone-400">Every listed tool&apos;s pricing was checked within {env.PRICING_DUE_DAYS} days.</p>
      ) : (
        <div className="mt-3 overflow-x-auto rounded-2xl border border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900">
          <table className="w-full text-left">
            <thead className="text-xs uppercase tracking-wide text-stone-500 dark:text-stone-400">
              <tr>
                <th scope="col" className={cell}>Tool</th>
                <th scope="col" className={cell}>Last checked</th>
                <th scope="col" className={cell}>Source</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100 dark:divide-stone-800" data-testid="pricing-due">
              {pricing.map((tool) => (
                <tr key={tool.id}>
                  <td className={cell}>
                    <Link href={`/admin/tools/${tool.id}` as Route} className="font-medium underline-offset-2 hover:underline">
                      {tool.name}
                    </Link>
                  </td>
                  <td className={cell}>
                    {tool.pricingVerifiedAt ? (
                      <>
                        {formatDate(tool.pricingVerifiedAt)} <span className="text-stone-500 dark:text-stone-400">({ageLabel(tool.pricingVerifiedAt, now)})</span>
                      </>
                    ) : (
                      "never"
                    )}
                  </td>
                  <td className={cell}>
                    {tool.pricingSourceUrl ? (
                      <a href={tool.pricingSourceUrl} rel="noopener noreferrer" target="_blank" className="underline underline-offset-2">
                        vendor&apos;s page
                      </a>
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2 className="mt-10 text-lg font-semibold">Specs · {specs.length}</h2>
      {specs.length === 0 ? (
        <p className="mt-3 text-sm text-stone-500 dark:text-stone-400">Every dated spec fact was checked within {env.PRICING_DUE_DAYS} days.</p>
      ) : (
        <div className="mt-3 overflow-x-auto rounded-2xl border border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900">
          <table className="w-full text-left">
            <thead className="text-xs uppercase tracking-wide text-stone-500 dark:text-stone-400">
              <tr>
                <th scope="col" className={cell}>Tool</th>
                <th scope="col" className={cell}>Fact</th>
                <th scope="col" className={cell}>Last checked</th>
                <th scope="col" className={cell}>Source</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100 dark:divide-stone-800" data-testid="specs-due">
              {specs.map((fact) => (
                <tr key={`${fact.toolId}:${fact.key}`}>
                  <td className={cell}>
                    <Link href={`/admin/tools/${fact.toolId}` as Route} className="font-medium underline-offset-2 hover:underline">
                      {fact.toolName}
                    </Link>
                  </td>
                  <td className={cell}>{fact.label}</td>
                  <td className={cell}>
                    {formatDate(fact.checkedOn)} <span className="text-stone-500 dark:text-stone-400">({ageLabel(fact.checkedOn, now)})</span>
                  </td>
                  <td className={cell}>
                    {fact.sourceUrl ? (
                      <a href={fact.sourceUrl} rel="noopener noreferrer" target="_blank" className="underline underline-offset-2">
                        source
                      </a>
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
