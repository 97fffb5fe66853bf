/**
 * Logos made in code, good and hostile, so no binary fixture is needed: each is the smallest
 * file that shows one way a logo can hurt (fan-out SVG, a second PNG header, a PNG hidden in an
 * SVG, damaged PNG data, a cut-off JPEG).
 */
import { deflateSync } from 'node:zlib';

/** A PNG from its IHDR fields and raw (unfiltered-with-filter-bytes) rows, or IDAT bytes as given. */
export function pngFile(
  header: { width: number; height: number; depth?: number; colour?: number; interlace?: number },
  idat: Uint8Array,
  extra: Uint8Array[] = [],
): Uint8Array {
  return concat([SIGNATURE, ihdr(header), ...extra, chunk('IDAT', idat), chunk('IEND', new Uint8Array(0))]);
}

export function ihdr({
  width,
  height,
  depth = 8,
  colour = 6,
  interlace = 0,
}: {
  width: number;
  height: number;
  depth?: number;
  colour?: number;
  interlace?: number;
}): Uint8Array {
  const data = new Uint8Array(13);
  const view = new DataView(data.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  data.set([depth, colour, 0, 0, interlace], 8);
  return chunk('IHDR', data);
}

/**
 * An RGBA logo: a transparent field with an opaque teal disc in the middle, each row filtered
 * with "None". `pixel` may change the colour at (x, y).
 */
export function discPng(width: number, height: number): Uint8Array {
  const raw = new Uint8Array((width * 4 + 1) * height);
  const r = Math.min(width, height) / 2.2;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inside = (x - width / 2) ** 2 + (y - height / 2) ** 2 < r * r;
      raw.set(inside ? [0x1f, 0x5c, 0x73, 255] : [0, 0, 0, 0], y * (width * 4 + 1) + 1 + x * 4);
    }
  }
  return pngFile({ width, height }, deflateSync(raw));
}

/** Passes the old size sniff as 16 × 16; a second IHDR says 20000 × 20000, which a decoder reading the last one believes. */
export function doubleHeaderPng(): Uint8Array {
  const small = discPng(16, 16);
  const second = ihdr({ width: 20_000, height: 20_000 });
  // Signature (8) + first IHDR (25), then the second header, then the rest.
  return concat([small.subarray(0, 33), second, small.subarray(33)]);
}

/** A 64 × 64 PNG whose compressed data has bytes in its middle overwritten. */
export function corruptPng(): Uint8Array {
  const good = discPng(64, 64);
  const idat = good.subarray(8 + 25 + 8, good.length - 12 - 4);
  const bad = idat.slice();
  for (let i = 10; i < Math.min(bad.length - 6, 40); i++) bad[i] = 0xff;
  return pngFile({ width: 64, height: 64 }, bad);
}

/** 2.6 KB: ten levels of groups, each using the level below ten times; drawn, ten billion elements. */
export function fanOutSvg(levels = 10, fan = 10): Uint8Array {
  const defs = [`<g id="l0"><rect width="1" height="1"/></g>`];
  for (let level = 1; level <= levels; level++) {
    defs.push(`<g id="l${level}">${Array.from({ length: fan }, () => `<use href="#l${level - 1}"/>`).join('')}</g>`);
  }
  return svg(`<defs>${defs.join('\n')}</defs><use href="#l${levels}"/>`);
}

/** An SVG logo that shows `picture` (PNG or JPEG bytes) as an embedded data address. */
export function pictureInSvg(picture: Uint8Array, type: 'png' | 'jpeg' = 'png'): Uint8Array {
  return svg(`<image width="300" height="100" href="data:image/${type};base64,${Buffer.from(picture).toString('base64')}"/>`);
}

export function svg(body: string, viewBox = '0 0 300 100'): Uint8Array {
  return new TextEncoder().encode(`<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="${viewBox}">${body}</svg>`);
}

/**
 * A real baseline JPEG, mid-grey, `width` × `height`: one grey component whose every 8 × 8 block
 * is DC 0 with no AC, coded with one-symbol Huffman tables (a "0" bit each), so the scan is zeros.
 */
export function greyJpeg(width: number, height: number): Uint8Array {
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  const scan = new Uint8Array(Math.ceil((blocks * 2) / 8));
  if ((blocks * 2) % 8 !== 0) scan[scan.length - 1] = 0xff >> ((blocks * 2) % 8); // pad with 1 bits
  const segment = (marker: number, body: number[]) => [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 255, ...body];
  return new Uint8Array([
    0xff,
    0xd8,
    ...segment(0xdb, [0, ...Array<number>(64).fill(1)]),
    ...segment(0xc0, [8, height >> 8, height & 255, width >> 8, width & 255, 1, 1, 0x11, 0]),
    ...segment(0xc4, [0x00, 1, ...Array<number>(15).fill(0), 0]), // DC table 0: category 0 is "0"
    ...segment(0xc4, [0x10, 1, ...Array<number>(15).fill(0), 0]), // AC table 0: end of block is "0"
    ...segment(0xda, [1, 1, 0x00, 0, 63, 0]),
    ...scan,
    0xff,
    0xd9,
  ]);
}

/** The same JPEG with its last bytes, end marker included, cut off, as an interrupted download leaves it. */
export function truncatedJpeg(): Uint8Array {
  const whole = greyJpeg(64, 64);
  return whole.subarray(0, whole.length - 4);
}

// --- internal ---

const SIGNATURE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function concat(parts: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}

/** A sample value per channel of pixel (x, y), as the PNG stores it (palette index, grey, RGB, with alpha). */
export type SampleAt = (x: number, y: number) => number[];

/**
 * Any PNG a program may write: colour type, bit depth, Adam7 interlacing, and rows filtered with
 * each of the five filters in turn, so a decoder's every path is met.
 */
export function anyPng(
  width: number,
  height: number,
  kind: { colour: number; depth: number; interlace?: boolean },
  samples: SampleAt,
  extra: Uint8Array[] = [],
): Uint8Array {
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[kind.colour]!;
  const bits = channels * kind.depth;
  const passes = kind.interlace
    ? [
        [0, 0, 8, 8],
        [4, 0, 8, 8],
        [0, 4, 4, 8],
        [2, 0, 4, 4],
        [0, 2, 2, 4],
        [1, 0, 2, 2],
        [0, 1, 1, 2],
      ]
    : [[0, 0, 1, 1]];
  const out: number[] = [];
  let filter = 0;
  for (const [x0, y0, dx, dy] of passes as [number, number, number, number][]) {
    const w = Math.ceil((width - x0) / dx);
    const h = Math.ceil((height - y0) / dy);
    if (w <= 0 || h <= 0) continue;
    const bytes = Math.ceil((w * bits) / 8);
    const bpp = Math.max(1, bits >> 3);
    let previous = new Uint8Array(bytes);
    for (let r = 0; r < h; r++) {
      const row = new Uint8Array(bytes);
      let bit = 0;
      for (let i = 0; i < w; i++) {
        for (const value of samples(x0 + i * dx, y0 + r * dy)) {
          if (kind.depth === 16) {
            row[bit >> 3] = value >> 8;
            row[(bit >> 3) + 1] = value & 255;
          } else row[bit >> 3]! |= value << (8 - kind.depth - (bit & 7));
          bit += kind.depth;
        }
      }
      const type = filter++ % 5;
      out.push(type);
      for (let i = 0; i < bytes; i++) {
        const a = i >= bpp ? row[i - bpp]! : 0;
        const b = r > 0 ? previous[i]! : 0;
        const c = r > 0 && i >= bpp ? previous[i - bpp]! : 0;
        const p = a + b - c;
        const paeth =
          Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
        const predicted = [0, a, b, (a + b) >> 1, paeth][type]!;
        out.push((row[i]! - predicted) & 255);
      }
      previous = row;
    }
  }
  return pngFile(
    { width, height, depth: kind.depth, colour: kind.colour, interlace: kind.interlace ? 1 : 0 },
    deflateSync(new Uint8Array(out)),
    extra,
  );
}

/** A chunk of any type, for PLTE and tRNS. */
export function pngChunk(type: string, data: number[]): Uint8Array {
  return chunk(type, new Uint8Array(data));
}
