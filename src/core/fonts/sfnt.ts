/**
 * The font file's container: an sfnt (TrueType) table directory, and WOFF 1.0, the same tables
 * each compressed with zlib for the web. Pure and deterministic (fflate, as the zips use), so the
 * CLI and the browser kit write the same bytes.
 *
 * Why WOFF and not WOFF2: WOFF2 needs a Brotli encoder, which browsers do not offer to scripts
 * (CompressionStream has gzip and deflate only); the kit would have to carry one (0.6 MB as
 * JavaScript, more than the whole saving), and it would have to be the very same encoder as the
 * CLI's for the bytes to match. Every browser that runs the screen edition reads WOFF.
 */
import { zlibSync } from 'fflate';

/** The tables of an sfnt font by tag, as views into `font`. */
export function tablesOf(font: Uint8Array): Map<string, Uint8Array> {
  const data = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const count = data.getUint16(4);
  const tables = new Map<string, Uint8Array>();
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    const offset = data.getUint32(at + 8);
    const length = data.getUint32(at + 12);
    if (offset + length > font.length) throw new Error('the font is cut short');
    tables.set(tagOf(font, at), font.subarray(offset, offset + length));
  }
  return tables;
}

/** A TrueType font file from its tables, with checksums and `head`'s checksum adjustment. */
export function sfnt(tables: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const tags = [...tables.keys()].sort();
  const n = tags.length;
  let size = 12 + 16 * n;
  const offsets = tags.map((tag) => {
    const at = size;
    size += padded(tables.get(tag)!.length);
    return at;
  });
  const out = new Uint8Array(size);
  const data = new DataView(out.buffer);
  const entrySelector = Math.floor(Math.log2(n));
  data.setUint32(0, 0x00010000);
  data.setUint16(4, n);
  data.setUint16(6, 16 * 2 ** entrySelector);
  data.setUint16(8, entrySelector);
  data.setUint16(10, 16 * n - 16 * 2 ** entrySelector);
  tags.forEach((tag, i) => {
    const bytes = tables.get(tag)!;
    if (tag === 'head') new DataView(bytes.buffer, bytes.byteOffset).setUint32(8, 0);
    const at = 12 + 16 * i;
    for (let c = 0; c < 4; c++) out[at + c] = tag.charCodeAt(c);
    data.setUint32(at + 4, checksum(bytes));
    data.setUint32(at + 8, offsets[i]!);
    data.setUint32(at + 12, bytes.length);
    out.set(bytes, offsets[i]);
  });
  const head = tags.indexOf('head');
  if (head >= 0) data.setUint32(offsets[head]! + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}

/** The font as WOFF 1.0: each table zlib-compressed where that makes it smaller. */
export function woff(font: Uint8Array): Uint8Array {
  const source = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const tables = [...tablesOf(font)].sort(([a], [b]) => (a < b ? -1 : 1));
  const n = tables.length;
  const entries = tables.map(([tag, bytes], i) => {
    const squeezed = zlibSync(bytes, { level: 9 });
    // The sfnt's own checksum of the table, as its directory has it.
    const directory = findEntry(font, tag);
    return { tag, bytes: squeezed.length < bytes.length ? squeezed : bytes, origLength: bytes.length, checksum: directory, i };
  });
  let size = 44 + 20 * n;
  const offsets = entries.map((entry) => {
    const at = size;
    size += padded(entry.bytes.length);
    return at;
  });
  const out = new Uint8Array(size);
  const data = new DataView(out.buffer);
  data.setUint32(0, 0x774f4646); // 'wOFF'
  data.setUint32(4, source.getUint32(0));
  data.setUint32(8, size);
  data.setUint16(12, n);
  data.setUint32(16, 12 + 16 * n + entries.reduce((sum, e) => sum + padded(e.origLength), 0));
  entries.forEach((entry, i) => {
    const at = 44 + 20 * i;
    for (let c = 0; c < 4; c++) out[at + c] = entry.tag.charCodeAt(c);
    data.setUint32(at + 4, offsets[i]!);
    data.setUint32(at + 8, entry.bytes.length);
    data.setUint32(at + 12, entry.origLength);
    data.setUint32(at + 16, entry.checksum);
    out.set(entry.bytes, offsets[i]);
  });
  return out;
}

// --- internal ---

function padded(length: number): number {
  return (length + 3) & ~3;
}

function tagOf(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
}

/** The checksum the font's directory records for `tag`. */
function findEntry(font: Uint8Array, tag: string): number {
  const data = new DataView(font.buffer, font.byteOffset, font.byteLength);
  for (let i = 0; i < data.getUint16(4); i++) if (tagOf(font, 12 + 16 * i) === tag) return data.getUint32(12 + 16 * i + 4);
  return 0;
}

/** The sum of a table's big-endian 32-bit words, the last one padded with zeros. */
function checksum(bytes: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < bytes.length; i += 4) {
    const word = ((bytes[i] ?? 0) << 24) | ((bytes[i + 1] ?? 0) << 16) | ((bytes[i + 2] ?? 0) << 8) | (bytes[i + 3] ?? 0);
    sum = (sum + (word >>> 0)) >>> 0;
  }
  return sum;
}
