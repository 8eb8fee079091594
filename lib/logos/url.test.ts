import { describe, expect, it } from "vitest";
import { logoUrl, parseLogoFileName } from "./url";

const hash = "ab12".repeat(16);

describe("logo addresses", () => {
  it("name the content by its hash and type", () => {
    expect(logoUrl(hash, "image/png")).toBe(`/logos/${hash.slice(0, 20)}.png`);
    expect(logoUrl(hash, "image/svg+xml")).toBe(`/logos/${hash.slice(0, 20)}.svg`);
    expect(logoUrl(hash, "image/webp")).toBe(`/logos/${hash.slice(0, 20)}.webp`);
    expect(logoUrl(hash, "text/html")).toBeNull();
    expect(logoUrl("nothex", "image/png")).toBeNull();
  });

  it("parse back only names a logo can have", () => {
    expect(parseLogoFileName(`${hash.slice(0, 20)}.svg`)).toEqual({ prefix: hash.slice(0, 20), contentType: "image/svg+xml" });
    for (const bad of [`${hash.slice(0, 19)}.png`, `${hash.slice(0, 20)}.gif`, `${hash.slice(0, 20).toUpperCase()}.png`, `${hash.slice(0, 20)}.png.exe`, "x.png", ""]) {
      expect(parseLogoFileName(bad), bad).toBeNull();
    }
  });
});
