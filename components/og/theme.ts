/** The site's palette (app/globals.css) as hex, for satori, which has no Tailwind or oklch. */
export const og = {
  stone50: "#fafaf9",
  stone100: "#f5f5f4",
  stone200: "#e7e5e4",
  stone300: "#d6d3d1",
  stone400: "#a8a29e",
  stone500: "#78716c",
  stone600: "#57534e",
  stone700: "#44403c",
  stone800: "#292524",
  stone900: "#1c1917",
  ship50: "#ecfdf5",
  ship200: "#a7f3d0",
  ship400: "#34d399",
  ship600: "#059669",
  ship700: "#047857",
  skip50: "#fff1f2",
  skip200: "#fecdd3",
  skip600: "#e11d48",
  skip700: "#be123c",
  font: "Inter, 'Inter Ext'",
} as const;

export type CallTone = "ship" | "skip" | "split" | null;

/** Colour of a panel figure: emerald for a ship majority, rose for skip, stone otherwise. */
export function toneColor(call: CallTone): string {
  if (call === "ship") return og.ship600;
  if (call === "skip") return og.skip600;
  return og.stone400;
}
