import { describe, expect, it } from "vitest";
import { displayHost, fitFontSize, ogText } from "./og-text";

describe("ogText", () => {
  it("drops emoji (next/og would fetch them from a CDN) and keeps other text", () => {
    expect(ogText("Rocket 🚀 Coder")).toBe("Rocket Coder");
    expect(ogText("👩🏽‍💻 Dev Helper ❤️")).toBe("Dev Helper");
    expect(ogText("Flags 🇫🇷 too")).toBe("Flags too");
  });

  it("keeps Latin text, and never leaves a glyph the bundled fonts lack (next/og would fetch a font)", () => {
    expect(ogText("Crème brûlée Ĳssel Łódź")).toBe("Crème brûlée Ĳssel Łódź");
    expect(ogText("ｆｕｌｌ ｗｉｄｔｈ")).toBe("full width");
    expect(ogText("通义千问 Qwen")).toBe("· Qwen");
    expect(ogText("Ωmega λ")).toBe("·mega ·");
    expect(ogText("Inés · Ünïcödé — ok #1 *")).toBe("Inés · Ünïcödé — ok #1 *");
  });
});

describe("fitFontSize", () => {
  const box = { width: 460, lines: 2, max: 52, min: 28 };
  it("keeps short names at the largest size", () => {
    expect(fitFontSize("Cursor", box)).toBe(52);
  });
  it("shrinks long names, never below the minimum", () => {
    const medium = fitFontSize("Claude 4 Sonnet Extended Thinking", box);
    expect(medium).toBeLessThan(52);
    expect(medium).toBeGreaterThanOrEqual(28);
    expect(fitFontSize("A".repeat(80), box)).toBe(28);
  });
  it("fits the longest word on one line", () => {
    // One 20-character word: 41 px fits it in 460 px, though three lines would allow a larger size.
    expect(fitFontSize("Superlongmodelname20", { ...box, lines: 3 })).toBe(Math.round(460 / (20 * 0.56)));
  });
});

describe("displayHost", () => {
  it("shows the host without scheme or www", () => {
    expect(displayHost("https://www.example.com/x")).toBe("example.com");
    expect(displayHost("http://localhost:3000")).toBe("localhost:3000");
  });
});
