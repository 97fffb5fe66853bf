import { Unzlib } from 'fflate';
import { damaged, readChunks, readUint32, type Header } from './logo-png-chunks.js';
import { Box, type Pixels } from './logo-pixels.js';

/**
 * Reading a PNG within a budget: every chunk walked (one IHDR, nothing cut off), the image data
 * inflated in small steps and checked (zlib header, filters, length, Adler-32), and the pixels
 * averaged straight into a picture of the size print needs, so memory stays that picture's size
 * however large the PNG is. pdfkit never sees the file itself: it gets the picture, encoded anew
 * (`logo-png-write.ts`), so a damaged or tricky file cannot reach its decoder.
 */

/**
 * Decodes the PNG into a picture no larger than `target(width, height)` asks for (never larger
 * than the PNG), or says why it cannot: one line for `--logo`.
 */
export function decodePng(
  bytes: Uint8Array,
  target: (width: number, height: number) => { width: number; height: number },
): Pixels | { problem: string } {
  const chunks = readChunks(bytes);
  if ('problem' in chunks) return chunks;
  const { header, palette, transparency, data } = chunks;
  const size = target(header.width, header.height);
  const box = new Box(header.width, header.height, Math.min(size.width, header.width), Math.min(size.height, header.height));
  const colour = colourReader(header, palette, transparency);
  if ('problem' in colour) return colour;
  const rows = new RowReader(header, colour.read, box, transparency !== undefined);
  const adler = new Adler32();
  let failure: string | undefined;
  const inflate = new Unzlib((chunk) => {
    if (failure) return;
    adler.add(chunk);
    failure = rows.push(chunk);
  });
  try {
    // Small steps: one 2 MB chunk of zeros would otherwise inflate to 2 GB in a single call.
    for (let i = 0; i < data.length && !failure; i++) {
      const part = data[i]!;
      for (let at = 0; at < part.length && !failure; at += STEP) inflate.push(part.subarray(at, Math.min(part.length, at + STEP)));
    }
    if (!failure) inflate.push(new Uint8Array(0), true);
  } catch {
    return { problem: damaged() };
  }
  if (failure) return { problem: failure };
  if (!rows.done()) return { problem: damaged('it ends before the last row of pixels') };
  if (trailer(data) !== adler.value()) return { problem: damaged('its checksum is wrong') };
  return box.pixels();
}

// --- internal ---

const STEP = 64 * 1024;

/** Reads pixel `i` of an unfiltered row into RGBA, 8 bits each. */
type ColourRead = (row: Uint8Array, i: number, out: Uint8Array) => boolean;

function colourReader(
  h: Header,
  palette: Uint8Array | undefined,
  trns: Uint8Array | undefined,
): { read: ColourRead } | { problem: string } {
  const { depth, colourType } = h;
  const sample = (row: Uint8Array, index: number): number => {
    if (depth === 8) return row[index]!;
    if (depth === 16) return row[index * 2]!;
    const bits = row[(index * depth) >> 3]! >> (8 - depth - ((index * depth) & 7));
    return Math.round(((bits & ((1 << depth) - 1)) * 255) / ((1 << depth) - 1));
  };
  const raw = (row: Uint8Array, index: number): number =>
    depth === 16
      ? (row[index * 2]! << 8) | row[index * 2 + 1]!
      : depth === 8
        ? row[index]!
        : (row[(index * depth) >> 3]! >> (8 - depth - ((index * depth) & 7))) & ((1 << depth) - 1);
  if (colourType === 3) {
    if (!palette || palette.length % 3 !== 0 || palette.length === 0) return { problem: 'the PNG has no valid palette (PLTE)' };
    const entries = palette.length / 3;
    return {
      read: (row, i, out) => {
        const index = raw(row, i);
        if (index >= entries) return false;
        out[0] = palette[index * 3]!;
        out[1] = palette[index * 3 + 1]!;
        out[2] = palette[index * 3 + 2]!;
        out[3] = trns && index < trns.length ? trns[index]! : 255;
        return true;
      },
    };
  }
  const key =
    trns && colourType === 0 && trns.length >= 2
      ? [(trns[0]! << 8) | trns[1]!]
      : trns && colourType === 2 && trns.length >= 6
        ? [0, 2, 4].map((k) => (trns[k]! << 8) | trns[k + 1]!)
        : undefined;
  const channels = h.channels;
  return {
    read: (row, i, out) => {
      const base = i * channels;
      if (colourType === 0 || colourType === 4) {
        out[0] = out[1] = out[2] = sample(row, base);
        out[3] = colourType === 4 ? sample(row, base + 1) : key && raw(row, base) === key[0] ? 0 : 255;
      } else {
        out[0] = sample(row, base);
        out[1] = sample(row, base + 1);
        out[2] = sample(row, base + 2);
        out[3] =
          colourType === 6
            ? sample(row, base + 3)
            : key && raw(row, base) === key[0] && raw(row, base + 1) === key[1] && raw(row, base + 2) === key[2]
              ? 0
              : 255;
      }
      return true;
    },
  };
}

/** Adam7's passes: start column, start row, column step, row step. One pass for a plain PNG. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

/** Takes the inflated stream in pieces, unfilters each row and hands its pixels to the box. */
class RowReader {
  private readonly passes: { x0: number; y0: number; dx: number; dy: number; width: number; rows: number; bytes: number }[];
  private pass = 0;
  private row = 0;
  private filled = 0;
  private current: Uint8Array;
  private previous: Uint8Array;
  private readonly bpp: number;
  private readonly rgba = new Uint8Array(4);
  /** The colour type when it is 8-bit RGB(A) with no transparent colour: read inline, the common case made quick. */
  private readonly fast: number | undefined;

  constructor(
    h: Header,
    private readonly read: ColourRead,
    private readonly box: Box,
    keyed: boolean,
  ) {
    const bits = h.depth * h.channels;
    this.fast = h.depth === 8 && (h.colourType === 6 || (h.colourType === 2 && !keyed)) ? h.colourType : undefined;
    this.bpp = Math.max(1, bits >> 3);
    const layout = h.interlaced ? ADAM7 : ([[0, 0, 1, 1]] as const);
    this.passes = layout
      .map(([x0, y0, dx, dy]) => {
        const width = Math.ceil((h.width - x0) / dx);
        const rows = Math.ceil((h.height - y0) / dy);
        return { x0, y0, dx, dy, width, rows, bytes: 1 + Math.ceil((width * bits) / 8) };
      })
      .filter((p) => p.width > 0 && p.rows > 0);
    const longest = Math.max(...this.passes.map((p) => p.bytes));
    this.current = new Uint8Array(longest);
    this.previous = new Uint8Array(longest);
  }

  /** Takes more of the stream; a message when it is wrong. */
  push(chunk: Uint8Array): string | undefined {
    let at = 0;
    while (at < chunk.length) {
      const pass = this.passes[this.pass];
      if (!pass) return damaged('it holds more data than its size');
      const take = Math.min(pass.bytes - this.filled, chunk.length - at);
      this.current.set(chunk.subarray(at, at + take), this.filled);
      this.filled += take;
      at += take;
      if (this.filled < pass.bytes) break;
      const problem = this.finishRow(pass);
      if (problem) return problem;
    }
    return undefined;
  }

  done(): boolean {
    return this.pass >= this.passes.length;
  }

  private finishRow(pass: (typeof this.passes)[number]): string | undefined {
    const { bytes } = pass;
    const line = this.current.subarray(1, bytes);
    const above = this.previous.subarray(1, bytes);
    if (!unfilter(this.current[0]!, line, this.row === 0 ? undefined : above, this.bpp)) return damaged('a row has an unknown filter');
    const row = this.box.rowStart(pass.y0 + this.row * pass.dy);
    const { box, rgba } = this;
    if (this.fast === 6 && pass.dx === 1) {
      for (let i = 0, o = 0; i < pass.width; i++, o += 4) box.add(row, i, line[o]!, line[o + 1]!, line[o + 2]!, line[o + 3]!);
    } else if (this.fast === 2 && pass.dx === 1) {
      for (let i = 0, o = 0; i < pass.width; i++, o += 3) box.add(row, i, line[o]!, line[o + 1]!, line[o + 2]!, 255);
    } else {
      for (let i = 0; i < pass.width; i++) {
        if (!this.read(line, i, rgba)) return damaged('a pixel names a colour its palette lacks');
        box.add(row, pass.x0 + i * pass.dx, rgba[0]!, rgba[1]!, rgba[2]!, rgba[3]!);
      }
    }
    [this.previous, this.current] = [this.current, this.previous];
    this.filled = 0;
    if (++this.row === pass.rows) {
      this.row = 0;
      this.pass++;
    }
    return undefined;
  }
}

/** PNG's five row filters, undone in place; false for an unknown one. */
function unfilter(type: number, line: Uint8Array, above: Uint8Array | undefined, bpp: number): boolean {
  const n = line.length;
  if (type === 0) return true;
  if (type === 1) {
    for (let i = bpp; i < n; i++) line[i] = (line[i]! + line[i - bpp]!) & 255;
  } else if (type === 2) {
    if (above) for (let i = 0; i < n; i++) line[i] = (line[i]! + above[i]!) & 255;
  } else if (type === 3) {
    for (let i = 0; i < n; i++) line[i] = (line[i]! + (((i >= bpp ? line[i - bpp]! : 0) + (above ? above[i]! : 0)) >> 1)) & 255;
  } else if (type === 4) {
    for (let i = 0; i < n; i++) {
      const a = i >= bpp ? line[i - bpp]! : 0;
      const b = above ? above[i]! : 0;
      const c = above && i >= bpp ? above[i - bpp]! : 0;
      const p = a + b - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - b);
      const pc = Math.abs(p - c);
      line[i] = (line[i]! + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)) & 255;
    }
  } else return false;
  return true;
}

class Adler32 {
  private a = 1;
  private b = 0;
  add(chunk: Uint8Array): void {
    let { a, b } = this;
    for (let i = 0; i < chunk.length;) {
      const end = Math.min(chunk.length, i + 5552);
      for (; i < end; i++) {
        a += chunk[i]!;
        b += a;
      }
      a %= 65521;
      b %= 65521;
    }
    this.a = a;
    this.b = b;
  }
  value(): number {
    return ((this.b << 16) | this.a) >>> 0;
  }
}

/** The zlib stream's last four bytes, its Adler-32, which may be split over IDAT chunks. */
function trailer(data: Uint8Array[]): number {
  const tail: number[] = [];
  for (let i = data.length - 1; i >= 0 && tail.length < 4; i--) {
    for (let k = data[i]!.length - 1; k >= 0 && tail.length < 4; k--) tail.unshift(data[i]![k]!);
  }
  return tail.length < 4 ? -1 : readUint32(new Uint8Array(tail), 0);
}
