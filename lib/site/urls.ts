import { env } from "@/lib/env";

/** The site's own paths, in one place so links, sitemap, feed and metadata agree. */
export const sitePaths = {
  home: "/",
  tools: "/tools",
  compare: "/compare",
  reviewers: "/reviewers",
  feed: "/feed.xml",
  sitemap: "/sitemap.xml",
  tool: (slug: string) => `/tools/${slug}`,
  alternatives: (slug: string) => `/tools/${slug}/alternatives`,
  comparison: (slug: string) => `/compare/${slug}`,
  reviewer: (slug: string) => `/reviewers/${slug}`,
  badge: (slug: string) => `/api/tools/${slug}/badge.svg`,
} as const;

/** An absolute URL on this site, from SITE_URL (never from a request's Host header). */
export function absoluteUrl(path: string): string {
  return new URL(path, env.SITE_URL).toString();
}
