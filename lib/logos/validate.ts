import { imageSize } from "image-size";
import { LOGO_MAX_BYTES, LOGO_MAX_SIDE, TOO_BIG_MESSAGE, type LogoContentType } from "./limits";

/**
 * What a logo upload is, judged from its bytes alone (never the browser's type
 * or the file's name): PNG and WebP by their signature, with their dimensions
 * read from the header and bounded; anything else must be an SVG document,
 * which is parsed and sanitised by DOMPurify (on a jsdom window) and refused
 * when it tried anything active or external. See docs/decisions/033-logos.md.
 */

export type LogoRefusalCode = "empty" | "too_big" | "wrong_format" | "bad_image" | "too_large_dimensions" | "unsafe_svg" | "not_svg";

export type ValidLogo = { contentType: LogoContentType; bytes: Buffer; width: number | null; height: number | null };
export type LogoCheck = ({ ok: true } & ValidLogo) | { ok: false; code: LogoRefusalCode; message: string };

const refuse = (code: LogoRefusalCode, message: string): LogoCheck => ({ ok: false, code, message });

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) => signature.every((byte, index) => bytes[at + index] === byte);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/** The raster formats we take, by signature; the ones we name when refusing. */
function sniffRaster(bytes: Uint8Array): "png" | "webp" | "jpeg" | "gif" | "other-binary" | null {
  if (startsWith(bytes, PNG_SIGNATURE)) return "png";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "webp";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, ascii("GIF8"))) return "gif";
  // A NUL byte in the first KB: binary, so not an SVG document.
  if (bytes.subarray(0, 1024).includes(0)) return "other-binary";
  return null;
}

function checkRaster(bytes: Buffer, kind: "png" | "webp"): LogoCheck {
  const contentType: LogoContentType = kind === "png" ? "image/png" : "image/webp";
  // A PNG's first chunk must be its header (IHDR), as the format requires.
  if (kind === "png" && !startsWith(bytes, ascii("IHDR"), 12)) return refuse("bad_image", "This PNG is damaged: its header is missing.");
  let size: { width?: number; height?: number; type?: string };
  try {
    size = imageSize(bytes);
  } catch {
    return refuse("bad_image", `This ${kind.toUpperCase()} is damaged: its size cannot be read.`);
  }
  const { width, height } = size;
  if (size.type !== kind || !width || !height) return refuse("bad_image", `This ${kind.toUpperCase()} is damaged: its size cannot be read.`);
  if (width > LOGO_MAX_SIDE || height > LOGO_MAX_SIDE) {
    return refuse("too_large_dimensions", `This image is ${width}×${height} pixels; logos may be at most ${LOGO_MAX_SIDE}×${LOGO_MAX_SIDE}.`);
  }
  return { ok: true, contentType, bytes, width, height };
}

/** Checks an upload and returns the bytes to store (an SVG's sanitised text), or why it is refused. */
export async function validateLogo(input: Uint8Array): Promise<LogoCheck> {
  if (input.byteLength === 0) return refuse("empty", "Choose a logo file: this one is empty.");
  if (input.byteLength > LOGO_MAX_BYTES) return refuse("too_big", TOO_BIG_MESSAGE);
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const kind = sniffRaster(bytes);
  if (kind === "png" || kind === "webp") return checkRaster(bytes, kind);
  if (kind === "jpeg" || kind === "gif") return refuse("wrong_format", `This file is a ${kind.toUpperCase()}: logos must be PNG, WebP or SVG.`);
  if (kind === "other-binary") return refuse("wrong_format", "This file is not a PNG, WebP or SVG image.");
  const { sanitizeSvg } = await import("./svg");
  return sanitizeSvg(bytes);
}
