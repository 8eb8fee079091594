/**
 * Page numbers in a list's address (?page=) that run past its end are
 * clamped: the list pages answer a redirect (307) to the last page, keeping
 * the view's other parameters, so nobody reads "Page 99 of 2" or an empty page.
 */

/** The page to send a reader to when `page` is past the last one (1 for a list that fits on one page or is empty); null when it is in range. */
export function pageBeyondLast(page: number, totalPages: number): number | null {
  const last = Math.max(1, totalPages);
  return page > last ? last : null;
}

/** A list's address at `page`: its parameters in the order given (empty ones left out), then `page` from page 2 on, so page 1 has one address. */
export function listPageHref(base: string, params: Record<string, string | undefined>, page: number): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  if (page > 1) search.set("page", String(page));
  const query = search.toString();
  return query ? `${base}?${query}` : base;
}
