/**
 * The fallback for a tool without a logo: one or two letters of its name on a
 * colour chosen from the name (the same tool always gets the same tile). Every
 * colour holds white text at WCAG AA (≥ 4.5:1; monogram.test.ts proves it), and
 * the tile carries its own background, so it reads in light and dark mode alike.
 */

/** Deep tones (Tailwind's 700–800 steps) that hold white text at AA and differ from each other at a glance. */
export const MONOGRAM_COLORS = [
  "#065f46", // emerald-800
  "#075985", // sky-800
  "#4338ca", // indigo-700
  "#6d28d9", // violet-700
  "#86198f", // fuchsia-800
  "#be123c", // rose-700
  "#92400e", // amber-800
  "#115e59", // teal-800
  "#334155", // slate-700
  "#155e75", // cyan-800
  "#9a3412", // orange-800
  "#1d4ed8", // blue-700
] as const;

export const MONOGRAM_TEXT = "#ffffff";

/** One or two letters: the initials of the first two words ("Stable Diffusion" → "SD"), else the first letter ("Cursor" → "C"). */
export function monogram(name: string): string {
  const words = name.normalize("NFC").split(/[\s\-_./:]+/).map((word) => Array.from(word).filter((char) => /[\p{L}\p{N}]/u.test(char)).join("")).filter(Boolean);
  const initials = words.slice(0, 2).map((word) => Array.from(word)[0]!.toLocaleUpperCase("en"));
  return initials.join("") || "?";
}

/** FNV-1a of the lower-cased name: stable across runs, nodes and releases. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (const char of text.toLowerCase()) {
    value ^= char.codePointAt(0)!;
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value;
}

export function monogramColor(name: string): string {
  return MONOGRAM_COLORS[hash(name.trim()) % MONOGRAM_COLORS.length]!;
}
