/**
 * A TrueType font cut down to the characters a page uses, so the screen edition can carry the
 * print font inside its one file. Pure: font bytes in, font bytes out, the same in Node and in
 * the browser kit, so both write the same page.
 *
 * Why our own and not fontkit's `createSubset` (which pdfkit uses): fontkit writes a font for
 * PDF embedding only, without `cmap`, `OS/2`, `name` and `post`, which a browser needs to use it
 * as a web font. What is left to do is small: follow composite glyphs, renumber, write a `cmap`.
 * Kerning (`GPOS`) and ligatures (`GSUB`) are left out; hinting tables are kept as they are.
 */
import { sfnt, tablesOf } from './sfnt.js';

/** The tables a browser needs of a TrueType font, copied as they are. */
const COPIED = ['OS/2', 'name', 'cvt ', 'fpgm', 'prep', 'gasp'];

/**
 * The font with only `.notdef` and the glyphs for `codePoints` (and the parts they are built
 * of). Code points the font lacks are left to the browser's fallback font.
 */
export function subsetTrueType(font: Uint8Array, codePoints: Iterable<number>): Uint8Array {
  const tables = tablesOf(font);
  const table = (tag: string) => {
    const found = tables.get(tag);
    if (!found) throw new Error(`the font has no ${tag} table`);
    return found;
  };
  const head = table('head');
  const longLoca = view(head).getInt16(50) === 1;
  const numGlyphs = view(table('maxp')).getUint16(4);
  const loca = readLoca(table('loca'), numGlyphs, longLoca);
  const glyf = table('glyf');
  const glyphOf = (gid: number) => glyf.subarray(loca[gid], loca[gid + 1]);

  const lookup = cmapLookup(table('cmap'));
  const mapped = new Map<number, number>();
  for (const codePoint of new Set(codePoints)) {
    const gid = codePoint <= 0xffff ? lookup(codePoint) : 0;
    if (gid > 0 && gid < numGlyphs) mapped.set(codePoint, gid);
  }
  // The glyphs kept: .notdef, the mapped ones, and every component of a composite, in the font's order.
  const kept = new Set<number>([0, ...mapped.values()]);
  const pending = [...kept];
  while (pending.length > 0) {
    for (const component of components(glyphOf(pending.pop()!))) {
      if (!kept.has(component.gid) && component.gid < numGlyphs) {
        kept.add(component.gid);
        pending.push(component.gid);
      }
    }
  }
  const order = [...kept].sort((a, b) => a - b);
  const newId = new Map(order.map((gid, index) => [gid, index]));

  const glyphs = order.map((gid) => renumbered(glyphOf(gid), newId));
  const newLoca = new Uint8Array(4 * (glyphs.length + 1));
  const locaView = view(newLoca);
  let offset = 0;
  glyphs.forEach((glyph, index) => {
    locaView.setUint32(4 * index, offset);
    offset += padded(glyph.length);
  });
  locaView.setUint32(4 * glyphs.length, offset);
  const newGlyf = new Uint8Array(offset);
  glyphs.forEach((glyph, index) => newGlyf.set(glyph, locaView.getUint32(4 * index)));

  const out = new Map<string, Uint8Array>();
  for (const tag of COPIED) if (tables.has(tag)) out.set(tag, tables.get(tag)!.slice());
  out.set('head', withShort(head.slice(), 50, 1)); // loca in 32-bit offsets
  out.set('maxp', withShort(table('maxp').slice(), 4, order.length));
  out.set('hhea', withShort(table('hhea').slice(), 34, order.length));
  out.set('hmtx', metrics(table('hmtx'), view(table('hhea')).getUint16(34), order));
  out.set('loca', newLoca);
  out.set('glyf', newGlyf);
  out.set('cmap', cmapFormat4([...mapped].map(([codePoint, gid]) => [codePoint, newId.get(gid)!])));
  out.set('post', postVersion3(table('post')));
  return sfnt(out);
}

// --- internal ---

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function padded(length: number): number {
  return (length + 3) & ~3;
}

function withShort(bytes: Uint8Array, at: number, value: number): Uint8Array {
  view(bytes).setUint16(at, value);
  return bytes;
}

function readLoca(bytes: Uint8Array, numGlyphs: number, long: boolean): number[] {
  const data = view(bytes);
  return Array.from({ length: numGlyphs + 1 }, (_, i) => (long ? data.getUint32(4 * i) : 2 * data.getUint16(2 * i)));
}

/** The glyph ids used by a cmap subtable (format 4 or 12, the two Unicode ones a TrueType font has). */
function cmapLookup(cmap: Uint8Array): (codePoint: number) => number {
  const data = view(cmap);
  const count = data.getUint16(2);
  const subtables = Array.from({ length: count }, (_, i) => ({
    platform: data.getUint16(4 + 8 * i),
    encoding: data.getUint16(6 + 8 * i),
    offset: data.getUint32(8 + 8 * i),
  }));
  const format = (s: { offset: number }) => data.getUint16(s.offset);
  const full = subtables.find((s) => format(s) === 12 && (s.platform === 0 || (s.platform === 3 && s.encoding === 10)));
  if (full) {
    const groups = data.getUint32(full.offset + 12);
    return (codePoint) => {
      for (let g = 0; g < groups; g++) {
        const at = full.offset + 16 + 12 * g;
        const start = data.getUint32(at);
        if (codePoint >= start && codePoint <= data.getUint32(at + 4)) return data.getUint32(at + 8) + codePoint - start;
      }
      return 0;
    };
  }
  const bmp = subtables.find((s) => format(s) === 4 && (s.platform === 0 || (s.platform === 3 && s.encoding === 1)));
  if (!bmp) throw new Error('the font has no Unicode cmap');
  const at = bmp.offset;
  const segments = data.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const ranges = deltas + 2 * segments;
  return (codePoint) => {
    for (let s = 0; s < segments; s++) {
      if (codePoint > data.getUint16(ends + 2 * s)) continue;
      const start = data.getUint16(starts + 2 * s);
      if (codePoint < start) return 0;
      const delta = data.getInt16(deltas + 2 * s);
      const rangeOffset = data.getUint16(ranges + 2 * s);
      if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
      const gid = data.getUint16(ranges + 2 * s + rangeOffset + 2 * (codePoint - start));
      return gid === 0 ? 0 : (gid + delta) & 0xffff;
    }
    return 0;
  };
}

const ARGS_ARE_WORDS = 0x0001;
const HAS_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const HAS_XY_SCALE = 0x0040;
const HAS_TWO_BY_TWO = 0x0080;

/** The component glyphs of a composite glyph, with where each one's id is written. */
function components(glyph: Uint8Array): { gid: number; at: number }[] {
  if (glyph.length < 10 || view(glyph).getInt16(0) >= 0) return [];
  const data = view(glyph);
  const found: { gid: number; at: number }[] = [];
  let at = 10;
  for (;;) {
    const flags = data.getUint16(at);
    found.push({ gid: data.getUint16(at + 2), at: at + 2 });
    at += 4 + (flags & ARGS_ARE_WORDS ? 4 : 2);
    if (flags & HAS_SCALE) at += 2;
    else if (flags & HAS_XY_SCALE) at += 4;
    else if (flags & HAS_TWO_BY_TWO) at += 8;
    if (!(flags & MORE_COMPONENTS)) return found;
  }
}

/** A copy of the glyph with its components' ids in the new numbering. */
function renumbered(glyph: Uint8Array, newId: ReadonlyMap<number, number>): Uint8Array {
  const copy = glyph.slice();
  for (const component of components(glyph)) view(copy).setUint16(component.at, newId.get(component.gid)!);
  return copy;
}

/** `hmtx` for the kept glyphs, every one with its own advance (so `numberOfHMetrics` is the glyph count). */
function metrics(hmtx: Uint8Array, longMetrics: number, order: readonly number[]): Uint8Array {
  const data = view(hmtx);
  const out = new Uint8Array(4 * order.length);
  const write = view(out);
  order.forEach((gid, index) => {
    const advance = data.getUint16(4 * Math.min(gid, longMetrics - 1));
    const bearing = gid < longMetrics ? data.getInt16(4 * gid + 2) : data.getInt16(4 * longMetrics + 2 * (gid - longMetrics));
    write.setUint16(4 * index, advance);
    write.setInt16(4 * index + 2, bearing);
  });
  return out;
}

/** A Windows Unicode BMP cmap (format 4), one segment per run of consecutive characters and glyphs. */
function cmapFormat4(pairs: [number, number][]): Uint8Array {
  pairs.sort((a, b) => a[0] - b[0]);
  const segments: { start: number; end: number; delta: number }[] = [];
  for (const [codePoint, gid] of pairs) {
    const last = segments.at(-1);
    if (last && codePoint === last.end + 1 && gid - codePoint === last.delta) last.end = codePoint;
    else segments.push({ start: codePoint, end: codePoint, delta: gid - codePoint });
  }
  segments.push({ start: 0xffff, end: 0xffff, delta: 1 });
  const n = segments.length;
  const length = 16 + 8 * n;
  const out = new Uint8Array(12 + length);
  const data = view(out);
  data.setUint16(2, 1); // one subtable
  data.setUint16(4, 3); // Windows
  data.setUint16(6, 1); // Unicode BMP
  data.setUint32(8, 12);
  const at = 12;
  const searchRange = 2 * 2 ** Math.floor(Math.log2(n));
  data.setUint16(at, 4);
  data.setUint16(at + 2, length);
  data.setUint16(at + 6, 2 * n);
  data.setUint16(at + 8, searchRange);
  data.setUint16(at + 10, Math.log2(searchRange / 2));
  data.setUint16(at + 12, 2 * n - searchRange);
  segments.forEach((segment, s) => {
    data.setUint16(at + 14 + 2 * s, segment.end);
    data.setUint16(at + 16 + 2 * n + 2 * s, segment.start);
    data.setUint16(at + 16 + 4 * n + 2 * s, segment.delta & 0xffff);
    // idRangeOffset stays 0: every segment maps by its delta.
  });
  return out;
}

/** `post` without glyph names (version 3): the names belong to the old numbering. */
function postVersion3(post: Uint8Array): Uint8Array {
  const out = post.slice(0, 32);
  view(out).setUint32(0, 0x00030000);
  return out;
}
