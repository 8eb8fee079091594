import { ImageResponse } from "next/og";
import { ComparisonImage } from "@/components/og/comparison-image";
import { getComparison } from "@/lib/comparisons/queries";
import { getShareLogoSrc } from "@/lib/logos/queries";
import { ogImageOptions, ogNotFound, OG_SIZE } from "@/lib/sharing/og";
import { cachedShareImage, shareImageKey } from "@/lib/sharing/og-cache";
import { displayHost } from "@/lib/sharing/og-text";
import { site } from "@/lib/site/config";
import { absoluteUrl } from "@/lib/site/urls";

/** Dynamic: the figures change with every vote (each content is drawn once, then kept). */
export const dynamic = "force-dynamic";

export const alt = `${site.name}: both tools' panel ship figures, each reviewer's call and the community vote`;
export const size = OG_SIZE;
export const contentType = "image/png";

/** The comparison's share image, at its canonical slug only (curated or generated); 404 otherwise. */
export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const result = await getComparison((await params).slug);
  if (result.kind !== "found") return ogNotFound();
  const url = displayHost(absoluteUrl("/"));
  // Drawn once per content (tools, figures, calls), whatever the query string (lib/sharing/og-cache.ts).
  const { toolA, toolB } = result.comparison;
  return cachedShareImage(shareImageKey("comparison", [result.comparison, url]), async () => {
    const [a, b] = await Promise.all([getShareLogoSrc(toolA.logoUrl), getShareLogoSrc(toolB.logoUrl)]);
    return new ImageResponse(<ComparisonImage comparison={result.comparison} siteName={site.name} url={url} logos={{ a, b }} />, await ogImageOptions());
  });
}
