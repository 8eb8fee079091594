import type { MetadataRoute } from "next";
import { absoluteUrl, sitePaths } from "@/lib/site/urls";

/** Per request, so the sitemap URL follows SITE_URL of the running server, not of the build. */
export const dynamic = "force-dynamic";

/**
 * /robots.txt: crawl everything public; keep out of the staff area, the
 * account and sign-in pages and the JSON API. Badges are images other sites
 * embed, so they stay fetchable (crawlers that read wildcards take the longest
 * matching rule, so the Allow wins over `Disallow: /api/`).
 */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: {
      userAgent: "*",
      allow: ["/", "/api/tools/*/badge.svg"],
      disallow: ["/admin", "/api/", "/account", "/signin", "/bench"],
    },
    sitemap: absoluteUrl(sitePaths.sitemap),
  };
}
