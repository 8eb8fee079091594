import { ImageResponse } from "next/og";
import { SiteImage } from "@/components/og/site-image";
import { ogImageOptions, OG_SIZE } from "@/lib/sharing/og";
import { site } from "@/lib/site/config";

export const alt = `${site.name}: ${site.tagline}`;
export const size = OG_SIZE;
export const contentType = "image/png";

/** The default share image of every page without its own (built once: it holds no data). */
export default async function Image() {
  return new ImageResponse(<SiteImage siteName={site.name} tagline={site.tagline} description={site.description} />, await ogImageOptions());
}
