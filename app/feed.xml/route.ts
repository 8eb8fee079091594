import { handle } from "@/lib/http/errors";
import { renderComparisonFeed } from "@/lib/sharing/feed";
import { listFeedComparisons } from "@/lib/sharing/queries";

/** Read per request: the feed follows publishing at once. */
export const dynamic = "force-dynamic";

/** GET /feed.xml: Atom feed of the newest published comparisons. */
export const GET = handle(async () => {
  const body = renderComparisonFeed(await listFeedComparisons());
  return new Response(body, {
    headers: {
      "Content-Type": "application/atom+xml; charset=utf-8",
      "Cache-Control": "public, max-age=300, stale-while-revalidate=600",
    },
  });
});
