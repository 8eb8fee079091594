import { describe, expect, it } from "vitest";
import { pngBytes, SIMPLE_SVG, webpBytes } from "../helpers/images";
import { validateLogo } from "@/lib/logos/validate";
import { LOGO_MAX_BYTES } from "@/lib/logos/limits";

const text = (value: string) => new TextEncoder().encode(value);
const svg = (inner: string, attributes = "") => text(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"${attributes}>${inner}<rect width="10" height="10"/></svg>`);

async function refusal(bytes: Uint8Array) {
  const result = await validateLogo(bytes);
  if (result.ok) throw new Error(`accepted as ${result.contentType}: ${result.bytes.toString("utf8").slice(0, 200)}`);
  return result;
}

describe("validateLogo: raster images by their bytes", () => {
  it("takes a PNG and reads its dimensions from the header", async () => {
    const result = await validateLogo(pngBytes(64, 32));
    expect(result).toMatchObject({ ok: true, contentType: "image/png", width: 64, height: 32 });
  });

  it("takes a WebP (RIFF…WEBP) and reads its dimensions", async () => {
    expect(await validateLogo(webpBytes(120, 80))).toMatchObject({ ok: true, contentType: "image/webp", width: 120, height: 80 });
  });

  it("judges by the bytes, not the name or type the browser sent: a PNG renamed .svg is stored as a PNG", async () => {
    const file = new File([new Uint8Array(pngBytes(8, 8))], "logo.svg", { type: "image/svg+xml" });
    const result = await validateLogo(new Uint8Array(await file.arrayBuffer()));
    expect(result).toMatchObject({ ok: true, contentType: "image/png" });
  });

  it("refuses absurd dimensions (a decompression bomb's header) before anything decodes it", async () => {
    expect(await refusal(pngBytes(1, 1).fill(0xff, 16, 20))).toMatchObject({ code: "too_large_dimensions" });
    expect(await refusal(webpBytes(16000, 10))).toMatchObject({ code: "too_large_dimensions" });
  });

  it("refuses a damaged PNG, a JPEG, a GIF, random bytes and an empty file, naming why", async () => {
    expect(await refusal(pngBytes(4, 4).subarray(0, 12))).toMatchObject({ code: "bad_image" });
    expect(await refusal(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toMatchObject({ code: "wrong_format", message: expect.stringContaining("JPEG") });
    expect(await refusal(text("GIF89a\u0001\u0000"))).toMatchObject({ code: "wrong_format", message: expect.stringContaining("GIF") });
    expect(await refusal(Uint8Array.from([1, 2, 3, 0, 5]))).toMatchObject({ code: "wrong_format" });
    expect(await refusal(text("just some text"))).toMatchObject({ code: "wrong_format" });
    expect(await refusal(new Uint8Array())).toMatchObject({ code: "empty" });
  });

  it("refuses a file over 200 KB whatever it is", async () => {
    expect(LOGO_MAX_BYTES).toBe(204_800);
    expect(await refusal(pngBytes(8, 8, { padding: LOGO_MAX_BYTES }))).toMatchObject({ code: "too_big", message: expect.stringContaining("200 KB") });
    const justUnder = pngBytes(8, 8, { padding: LOGO_MAX_BYTES - 200 });
    expect(justUnder.byteLength).toBeLessThanOrEqual(LOGO_MAX_BYTES);
    expect(await validateLogo(justUnder)).toMatchObject({ ok: true });
  });
});

describe("validateLogo: SVG, sanitised or refused", () => {
  it("keeps a plain drawing and stores well-formed SVG", async () => {
    const result = await validateLogo(text(`<?xml version="1.0" encoding="UTF-8"?>\n<!-- made by hand -->\n${SIMPLE_SVG}`));
    expect(result).toMatchObject({ ok: true, contentType: "image/svg+xml" });
    if (!result.ok) return;
    const stored = result.bytes.toString("utf8");
    expect(stored).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(stored).toContain('<path d="M8 16h16"');
  });

  it("drops a drawing program's leftovers quietly and keeps the drawing", async () => {
    const editor = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" viewBox="0 0 4 4"><sodipodi:namedview pagecolor="#fff"/><rect width="4" height="4"/></svg>';
    const result = await validateLogo(text(editor));
    expect(result).toMatchObject({ ok: true, contentType: "image/svg+xml" });
    if (result.ok) expect(result.bytes.toString("utf8")).toBe('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4" height="4"/></svg>');
  });

  it("keeps internal references (a gradient by url(#id), <use href=\"#id\">)", async () => {
    const result = await validateLogo(
      svg('<defs><linearGradient id="g"><stop offset="0" stop-color="#000"/></linearGradient></defs><circle r="4" fill="url(#g)"/>'),
    );
    expect(result).toMatchObject({ ok: true });
  });

  it.each([
    ["a <script>", svg("<script>alert(1)</script>")],
    ["an onload= handler", svg("", ' onload="alert(1)"')],
    ["an onclick= handler on a child", svg('<circle r="2" onclick="alert(1)"/>')],
    ["a javascript: link", svg('<a href="javascript:alert(1)"><circle r="2"/></a>')],
    ["an xlink:href javascript: link", text('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="javascript:alert(1)"><circle r="2"/></a></svg>')],
    ["an external <image href=\"https://…\">", svg('<image href="https://tracker.example/pixel.png" width="10" height="10"/>')],
    ["a <foreignObject>", svg("<foreignObject><div>hi</div></foreignObject>")],
    ["a style that loads a URL", svg('<style>rect { fill: url(https://tracker.example/x) }</style>')],
    ["an @import", svg("<style>@import url(https://tracker.example/x.css);</style>")],
  ])("refuses an SVG with %s", async (_what, bytes) => {
    expect(await refusal(bytes)).toMatchObject({ code: "unsafe_svg" });
  });

  it("refuses an XML bomb (entity declarations) without expanding it", async () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><svg xmlns="http://www.w3.org/2000/svg"><text>&c;</text></svg>`;
    expect(await refusal(text(bomb))).toMatchObject({ code: "unsafe_svg", message: expect.stringContaining("DOCTYPE") });
  });

  it("refuses a document whose root is not <svg>, or that holds more than the drawing", async () => {
    expect(await refusal(text('<html><body><svg xmlns="http://www.w3.org/2000/svg"></svg></body></html>'))).toMatchObject({ ok: false });
    expect(await refusal(text('hello <svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toMatchObject({ code: "not_svg" });
    expect(await refusal(text('<svg xmlns="http://www.w3.org/2000/svg"></svg><svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toMatchObject({ code: "not_svg" });
  });

  it("refuses an SVG over 200 KB", async () => {
    const big = svg(`<desc>${"x".repeat(LOGO_MAX_BYTES)}</desc>`);
    expect(await refusal(big)).toMatchObject({ code: "too_big" });
  });
});
