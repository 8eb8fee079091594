/**
 * How old a verdict or a pricing check is, and whether it is due for another
 * look (REVIEW_DUE_DAYS, PRICING_DUE_DAYS): shown beside each verdict and each
 * pricing block, and listed for staff on /admin/stale. Pure: the caller gives "now".
 */

const DAY_MS = 86_400_000;

/** True once `since` is more than `days` days before `now`. */
export function isDue(since: Date, days: number, now: Date): boolean {
  return now.getTime() - since.getTime() > days * DAY_MS;
}

/** "today", "3 days ago", "5 weeks ago", "7 months ago", "2 years ago". */
export function ageLabel(since: Date, now: Date): string {
  const days = Math.max(0, Math.floor((now.getTime() - since.getTime()) / DAY_MS));
  if (days === 0) return "today";
  if (days < 14) return days === 1 ? "yesterday" : `${days} days ago`;
  if (days < 61) return `${Math.floor(days / 7)} weeks ago`;
  if (days < 730) return `${Math.floor(days / 30.44)} months ago`;
  return `${Math.floor(days / 365.25)} years ago`;
}
