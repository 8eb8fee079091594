import { ImageResponse } from "next/og";
import { ToolImage } from "@/components/og/tool-image";
import { ogImageOptions, ogNotFound, OG_SIZE } from "@/lib/sharing/og";
import { cachedShareImage, shareImageKey } from "@/lib/sharing/og-cache";
import { displayHost } from "@/lib/sharing/og-text";
import { site } from "@/lib/site/config";
import { absoluteUrl } from "@/lib/site/urls";
import { getShareLogoSrc } from "@/lib/logos/queries";
import { getTool } from "@/lib/tools/queries";
import { toolSlugSchema } from "@/lib/tools/schema";

/** Dynamic: the figures change with every vote (each content is drawn once, then kept). */
export const dynamic = "force-dynamic";

export const alt = `${site.name}: the tool's panel ship figure, each reviewer's call and the community vote`;
export const size = OG_SIZE;
export const contentType = "image/png";

/** The tool's share image (archived tools keep theirs, marked archived, as their page does); 404 for an unknown slug. */
export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const parsed = toolSlugSchema.safeParse((await params).slug);
  const tool = parsed.success ? await getTool(parsed.data) : null;
  if (!tool) return ogNotFound();
  const url = displayHost(absoluteUrl("/"));
  // Drawn once per content (the tool, its figures, calls), whatever the query string (lib/sharing/og-cache.ts).
  return cachedShareImage(shareImageKey("tool", [tool, url]), async () =>
    new ImageResponse(<ToolImage tool={tool} siteName={site.name} url={url} logoSrc={await getShareLogoSrc(tool.logoUrl)} />, await ogImageOptions()),
  );
}
