import { LOGO_CONTENT_TYPES, LOGO_EXTENSIONS, type LogoContentType } from "./limits";

/**
 * A logo's address: `/logos/<first 20 hex of the SHA-256 of its bytes>.<png|webp|svg>`.
 * New bytes get a new address, so an answer may be cached for a year and never
 * revalidated (docs/decisions/033-logos.md). 20 hex digits are 80 bits: a clash
 * between two logos is out of reach, and the lookup checks the extension too.
 */
export const LOGO_HASH_PREFIX = 20;

const isContentType = (value: string): value is LogoContentType => (LOGO_CONTENT_TYPES as readonly string[]).includes(value);

export function logoUrl(hash: string, contentType: string): string | null {
  if (!isContentType(contentType) || !/^[0-9a-f]{64}$/.test(hash)) return null;
  return `/logos/${hash.slice(0, LOGO_HASH_PREFIX)}.${LOGO_EXTENSIONS[contentType]}`;
}

/** A card's logo address from its selected relation (null without a logo). */
export const logoUrlOf = (logo: { hash: string; contentType: string } | null | undefined): string | null => (logo ? logoUrl(logo.hash, logo.contentType) : null);

/** `<prefix>.<ext>` → what to look up, or null for a name no logo can have. */
export function parseLogoFileName(file: string): { prefix: string; contentType: LogoContentType } | null {
  const match = /^([0-9a-f]{20})\.(png|webp|svg)$/.exec(file);
  if (!match) return null;
  const contentType = LOGO_CONTENT_TYPES.find((type) => LOGO_EXTENSIONS[type] === match[2])!;
  return { prefix: match[1]!, contentType };
}
