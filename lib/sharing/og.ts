import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";

/** Open Graph / Twitter large card size. */
export const OG_SIZE = { width: 1200, height: 630 } as const;

type OgFont = { name: string; data: Buffer; weight: 400 | 500 | 600 | 700; style: "normal" };

/**
 * Inter from @fontsource/inter (.woff: satori reads ttf/otf/woff, not woff2),
 * read from disk once per process: nothing is downloaded at build or run time.
 * The Latin Extended files are a second family satori falls back to per glyph.
 */
const weights = [400, 500, 600, 700] as const;
const fontDir = path.join(process.cwd(), "node_modules/@fontsource/inter/files");
let fonts: Promise<OgFont[]> | undefined;

export function ogFonts(): Promise<OgFont[]> {
  fonts ??= Promise.all(
    (["latin", "latin-ext"] as const).flatMap((subset) =>
      weights.map(async (weight) => ({
        name: subset === "latin" ? "Inter" : "Inter Ext",
        data: await readFile(path.join(fontDir, `inter-${subset}-${weight}-normal.woff`)),
        weight,
        style: "normal" as const,
      })),
    ),
  );
  return fonts;
}

/** Options for every ImageResponse of the site: size, fonts, and a short cache (figures change with votes). */
export async function ogImageOptions() {
  return {
    ...OG_SIZE,
    fonts: await ogFonts(),
    headers: { "Cache-Control": "public, max-age=300, stale-while-revalidate=600" },
  };
}

/** A 404 without a body worth caching: an OG URL for a page that does not exist is not an image. */
export function ogNotFound(): Response {
  return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
