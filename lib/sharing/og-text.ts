/**
 * Text for the Open Graph images. next/og fetches emoji images from a CDN and
 * fonts for scripts it has no glyphs for; this server has no such network, so
 * emoji are dropped before rendering, and text is fitted to its box here.
 */
const EMOJI = /[\p{Extended_Pictographic}\p{Regional_Indicator}\u{1F3FB}-\u{1F3FF}\u200D\uFE0E\uFE0F\u20E3]/gu;

export function ogText(text: string): string {
  return text.replace(EMOJI, "").replace(/\s{2,}/g, " ").trim();
}

/**
 * The largest font size (px) at which `text` should fit `lines` lines of
 * `width` px, assuming an average glyph of `em` × size (≈0.56 for Inter bold),
 * between `min` and `max`. Longer text still wraps and is clamped with an ellipsis.
 */
export function fitFontSize(text: string, { width, lines, max, min, em = 0.56 }: { width: number; lines: number; max: number; min: number; em?: number }): number {
  const length = Math.max(1, [...text].length);
  // The longest word must fit on one line; the whole text on `lines` lines.
  const longestWord = Math.max(...text.split(/\s+/).map((word) => [...word].length), 1);
  const byText = (width * lines * 0.9) / (length * em);
  const byWord = width / (longestWord * em);
  return Math.round(Math.max(min, Math.min(max, byText, byWord)));
}

/** "https://shiporskip.example" → "shiporskip.example" (what a reader recognises). */
export function displayHost(url: string): string {
  return new URL(url).host.replace(/^www\./, "");
}
