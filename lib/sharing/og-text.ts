/**
 * Text for the Open Graph images. next/og fetches emoji images from a CDN and
 * fonts for scripts it has no glyphs for; nothing may be downloaded at run
 * time, so emoji are dropped, accents outside the bundled Inter subsets are
 * decomposed, and any other character the fonts lack becomes "·" before
 * rendering. Text is also fitted to its box here.
 */
const EMOJI = /[\p{Extended_Pictographic}\p{Regional_Indicator}\u{1F3FB}-\u{1F3FF}\u200D\uFE0E\uFE0F\u20E3]/gu;
/** What the bundled Inter latin + latin-ext files cover (see lib/sharing/og.ts). */
const COVERED = /[\u0000-\u02FF\u1D00-\u1DBF\u1E00-\u1EFF\u2000-\u206F\u20A0-\u20C0\u2113\u2122\u2191\u2193\u2212\u2215\u2C60-\u2C7F\uA720-\uA7FF]/u;

export function ogText(text: string): string {
  const withoutEmoji = text.replace(EMOJI, "");
  const covered = [...withoutEmoji]
    .map((char) => (COVERED.test(char) ? char : char.normalize("NFKD").replace(/\p{M}/gu, "")))
    .map((char) => [...char].map((part) => (COVERED.test(part) ? part : "·")).join(""))
    .join("");
  return covered.replace(/·{2,}/g, "·").replace(/\s{2,}/g, " ").trim();
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
