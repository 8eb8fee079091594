import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { absoluteUrl, sitePaths } from "@/lib/site/urls";

/**
 * /robots.txt: crawl everything public; keep out of the staff area, the
 * account and sign-in pages and the JSON API. Badges are images other sites
 * embed, so they stay fetchable (crawlers that read wildcards take the longest
 * matching rule, so the Allow wins over `Disallow: /api/`).
 * Request-time, so the sitemap URL follows SITE_URL of the running server.
 */
export default async function robots(): Promise<MetadataRoute.Robots> {
  await connection();
  return {
    rules: {
      userAgent: "*",
      allow: ["/", "/api/tools/*/badge.svg"],
      disallow: ["/admin", "/api/", "/account", "/signin"],
    },
    sitemap: absoluteUrl(sitePaths.sitemap),
  };
}
