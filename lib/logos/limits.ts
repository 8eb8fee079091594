/**
 * The bounds of a tool logo (docs/decisions/033-logos.md), shared by the
 * validator, the upload form and the database's own CHECK (1..204800 bytes).
 */

export const LOGO_CONTENT_TYPES = ["image/png", "image/webp", "image/svg+xml"] as const;
export type LogoContentType = (typeof LOGO_CONTENT_TYPES)[number];

/** The most a logo file may hold, as uploaded and as stored. */
export const LOGO_MAX_BYTES = 200 * 1024;
/** The widest or tallest a raster logo may be: far beyond any card, well short of a decompression bomb. */
export const LOGO_MAX_SIDE = 4096;
/** What the upload input accepts (the server sniffs the bytes whatever the browser says). */
export const LOGO_ACCEPT = LOGO_CONTENT_TYPES.join(",");

export const LOGO_EXTENSIONS: Record<LogoContentType, "png" | "webp" | "svg"> = {
  "image/png": "png",
  "image/webp": "webp",
  "image/svg+xml": "svg",
};

export const TOO_BIG_MESSAGE = `Logos may be at most ${LOGO_MAX_BYTES / 1024} KB: make this file smaller (or export an SVG).`;
