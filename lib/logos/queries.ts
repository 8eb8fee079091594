import "server-only";
import { db } from "@/lib/db";
import { logoUrlOf, parseLogoFileName } from "./url";

/**
 * The logo a `/logos/<prefix>.<ext>` address names: looked up by the hash's
 * prefix (a range on the hash index) and the content type of the extension.
 */
export async function getLogoByFileName(file: string): Promise<{ hash: string; contentType: string; bytes: Uint8Array } | null> {
  const name = parseLogoFileName(file);
  if (!name) return null;
  return db.toolLogo.findFirst({
    // Hex digits sort before "g" in every collation: [prefix, prefix + "g") is every hash starting with it.
    where: { hash: { gte: name.prefix, lt: `${name.prefix}g` }, contentType: name.contentType },
    select: { hash: true, contentType: true, bytes: true },
  });
}

/** The admin's view of a tool's logo: its address and size, or null. */
export async function getToolLogoSummary(toolId: string): Promise<{ url: string | null; contentType: string; size: number; createdAt: Date } | null> {
  const [logo] = await db.$queryRaw<{ hash: string; contentType: string; size: number; createdAt: Date }[]>`
    SELECT "hash", "contentType", octet_length("bytes")::int AS "size", "createdAt" FROM "ToolLogo" WHERE "toolId" = ${toolId}`;
  return logo ? { url: logoUrlOf(logo), contentType: logo.contentType, size: logo.size, createdAt: logo.createdAt } : null;
}

/**
 * A logo for the share images (satori through next/og), as a data URL: PNG and
 * SVG only — satori does not draw WebP — so a WebP logo, or none, gives null
 * and the image draws the monogram.
 */
export async function getShareLogoSrc(logoUrl: string | null): Promise<string | null> {
  const file = logoUrl?.split("/").pop();
  if (!file || file.endsWith(".webp")) return null;
  const logo = await getLogoByFileName(file);
  return logo ? `data:${logo.contentType};base64,${Buffer.from(logo.bytes).toString("base64")}` : null;
}
