import type { Metadata } from "next";
import { site } from "./config";
import { sitePaths } from "./urls";

/** The Atom feed, announced on every page (`<link rel="alternate">`). */
export const feedAlternate = {
  "application/atom+xml": [{ url: sitePaths.feed, title: `${site.name}: new comparisons` }],
};

type PageMetadataInput = {
  /** The page's own title; the root layout's template adds the site name unless `absoluteTitle`. */
  title: string;
  absoluteTitle?: boolean;
  description: string;
  /** Path of the page's canonical URL, resolved against `metadataBase` (SITE_URL). */
  path: string;
  type?: "website" | "article";
  /**
   * "segment" when the page's folder has its own `opengraph-image` (tools,
   * comparisons); "site" for the site-wide card of app/opengraph-image.tsx.
   */
  image?: "site" | "segment";
};

/** app/opengraph-image.tsx, the card of pages without their own. */
const siteImage = { url: "/opengraph-image", width: 1200, height: 630, type: "image/png", alt: `${site.name}: ${site.tagline}` };

/**
 * Title, description, canonical URL, Open Graph and Twitter card of one page.
 *
 * Next merges metadata shallowly: a page that sets `openGraph` or `alternates`
 * replaces the layout's whole object, so every page builds both here, in full.
 * A file-based `opengraph-image` applies only where the same level's metadata
 * sets no `images`, and a parent's images are lost with the parent's object, so
 * pages with their own image file leave `images` out and the others name the
 * site card explicitly.
 */
export function pageMetadata({ title, absoluteTitle = false, description, path, type = "website", image = "site" }: PageMetadataInput): Metadata {
  const images = image === "site" ? { images: [siteImage] } : {};
  return {
    title: absoluteTitle ? { absolute: title } : title,
    description,
    alternates: { canonical: path, types: feedAlternate },
    openGraph: { type, siteName: site.name, locale: "en_US", title, description, url: path, ...images },
    twitter: { card: "summary_large_image", title, description, ...images },
  };
}
