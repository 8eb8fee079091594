import { describe, expect, it } from "vitest";
import { monogram, monogramColor, MONOGRAM_COLORS } from "./monogram";

/** WCAG 2 relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

describe("monogram", () => {
  it("takes the initials of the first two words, or the first letter of one", () => {
    expect(monogram("Stable Diffusion 3")).toBe("SD");
    expect(monogram("Cursor")).toBe("C");
    expect(monogram("claude-4-sonnet")).toBe("C4");
    expect(monogram("  ärger tool ")).toBe("ÄT");
    expect(monogram("(!)")).toBe("?");
  });

  it("gives the same tool the same colour every time, and different tools different colours", () => {
    expect(monogramColor("Cursor")).toBe(monogramColor("cursor "));
    const names = ["Cursor", "Claude", "GitHub Copilot", "Midjourney", "Stable Diffusion", "Perplexity", "Gemini", "Windsurf"];
    expect(new Set(names.map(monogramColor)).size).toBeGreaterThan(3);
  });

  it("every colour holds its white letters at WCAG AA (4.5:1)", () => {
    for (const color of MONOGRAM_COLORS) expect(contrast(color, "#ffffff"), color).toBeGreaterThanOrEqual(4.5);
  });
});
