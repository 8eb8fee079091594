import { crc32, deflateSync } from "node:zlib";

/**
 * Real image bytes for tests, built here rather than checked in: a PNG any
 * browser draws, and a WebP (lossless, VP8L) header with the dimensions given.
 */

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A valid RGB PNG of one colour; `padding` adds an ancillary text chunk to reach a size (for "too big" tests). */
export function pngBytes(width: number, height: number, options: { rgb?: [number, number, number]; padding?: number } = {}): Buffer {
  const [r, g, b] = options.rgb ?? [4, 120, 87];
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour, deflate, no filter, no interlace
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => [r, g, b]).flat())]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  const extra = options.padding ? [chunk("tEXt", Buffer.concat([Buffer.from("Comment\0"), Buffer.alloc(options.padding, 0x61)]))] : [];
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header), ...extra, chunk("IDAT", pixels), chunk("IEND", Buffer.alloc(0))]);
}

/** A lossless WebP's header (RIFF, WEBP, VP8L with its dimensions) and a few bytes of body. */
export function webpBytes(width: number, height: number): Buffer {
  const bits = (width - 1) | ((height - 1) << 14);
  const vp8l = Buffer.alloc(5 + 8);
  vp8l[0] = 0x2f;
  vp8l.writeUInt32LE(bits >>> 0, 1);
  const body = Buffer.concat([Buffer.from("VP8L", "ascii"), Buffer.from([vp8l.length, 0, 0, 0]), vp8l]);
  const size = Buffer.alloc(4);
  size.writeUInt32LE(4 + body.length);
  return Buffer.concat([Buffer.from("RIFF", "ascii"), size, Buffer.from("WEBP", "ascii"), body]);
}

export const SIMPLE_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#047857"/><path d="M8 16h16" stroke="#fff" stroke-width="4"/></svg>';
