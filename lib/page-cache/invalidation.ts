import { CHANNELS, type ContentChange } from "@/lib/db-events/channels";
import { keepWhileHeard, type DatabaseEvents } from "@/lib/db-events/listener";
import type { PageCache } from "./store";

/**
 * Keeps a page cache in step with the database events:
 * - a tool's figures changed (every vote), or its readers' reasons: the pages
 *   showing that tool are stale, re-rendered at most once a second
 *   (PageCache.figuresChanged);
 * - a staff edit: exactly what its announced change touches (below);
 * - a resync (a re-LISTEN, an unreadable notification): everything, since a
 *   write may have gone unheard;
 * - the cache answers only while the events' self-ping is heard.
 */
export function keepInStep(cache: PageCache, events: DatabaseEvents): void {
  events.subscribe(CHANNELS.toolStats, (change) => cache.figuresChanged([change.slug]));
  events.subscribe(CHANNELS.reasons, (change) => cache.figuresChanged([change.slug]));
  events.subscribe(CHANNELS.content, (change) => invalidateContent(cache, change));
  keepWhileHeard(cache, events);
}

/** The pages a staff edit touches. Pages that list many tools (home, directory, reviewers) carry every tool's tag. */
export function invalidateContent(cache: PageCache, change: ContentChange): void {
  switch (change.kind) {
    case "tool":
      return cache.invalidateTools(change.slugs);
    case "verdict":
    case "reasons":
      return cache.invalidateTools([change.tool]);
    case "comparison":
      return cache.invalidateTools(change.tools);
    case "reviewer":
    case "site":
      // A reviewer appears beside every verdict; site-wide copy on every page.
      return cache.clear();
  }
}
