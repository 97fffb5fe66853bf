/**
 * The print font cut down for the screen edition (src/core/fonts/): read back by fontkit, pdfkit's
 * font engine, as a browser would use it: every kept character has the original's outline and
 * advance, composite glyphs bring their parts, and WOFF holds the very tables of the font.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { unzlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sfnt, tablesOf, woff } from '../../../src/core/fonts/sfnt.js';
import { subsetTrueType } from '../../../src/core/fonts/subset.js';
import { fontFaceCss } from '../../../src/core/fonts/web-font.js';

const require = createRequire(import.meta.url);
const face = (name: string) =>
  new Uint8Array(readFileSync(require.resolve(`@expo-google-fonts/atkinson-hyperlegible/${name}/AtkinsonHyperlegible_${name}.ttf`)));
const REGULAR = face('400Regular');
const BOLD = face('700Bold');

interface Glyph {
  id: number;
  advanceWidth: number;
  path: { toSVG(): string };
}
interface Font {
  numGlyphs: number;
  familyName: string;
  glyphForCodePoint(codePoint: number): Glyph;
  hasGlyphForCodePoint(codePoint: number): boolean;
}
const fontkit = require('fontkit') as { create: (bytes: Uint8Array) => Font };
const open = (bytes: Uint8Array) => fontkit.create(Buffer.from(bytes));
const codePoints = (text: string) => [...text].map((c) => c.codePointAt(0)!);

describe('subsetTrueType', () => {
  // å, Å, é, ø are built of parts in this font (composite glyphs): the parts must come along.
  const TEXT = 'Tiden er gået for trin 1. Åbn Ørsted, café – +0:30 «»';

  it('keeps each character with the outline and advance it has in the whole font', () => {
    const original = open(REGULAR);
    for (const bytes of [subsetTrueType(REGULAR, codePoints(TEXT)), woff(subsetTrueType(REGULAR, codePoints(TEXT)))]) {
      const subset = open(bytes);
      expect(subset.familyName).toBe('Atkinson Hyperlegible');
      for (const char of new Set(TEXT)) {
        const kept = subset.glyphForCodePoint(char.codePointAt(0)!);
        const whole = original.glyphForCodePoint(char.codePointAt(0)!);
        expect(kept.id, char).toBeGreaterThan(0);
        expect(kept.advanceWidth, char).toBe(whole.advanceWidth);
        expect(kept.path.toSVG(), char).toBe(whole.path.toSVG());
      }
    }
  });

  it('leaves out what was not asked for, and what the font lacks', () => {
    const whole = open(REGULAR);
    const subset = open(subsetTrueType(REGULAR, codePoints('ab☕中')));
    expect(subset.hasGlyphForCodePoint('a'.codePointAt(0)!)).toBe(true);
    expect(subset.hasGlyphForCodePoint('c'.codePointAt(0)!)).toBe(false);
    expect(subset.hasGlyphForCodePoint('中'.codePointAt(0)!)).toBe(false);
    // .notdef, a, b (and nothing else: neither has parts).
    expect(subset.numGlyphs).toBe(3);
    expect(whole.numGlyphs).toBeGreaterThan(300);
  });

  it('is a fraction of the whole font', () => {
    const text = TEXT + 'abcdefghijklmnopqrstuvwxyzæøåABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ0123456789';
    expect(woff(subsetTrueType(REGULAR, codePoints(text))).length).toBeLessThan(REGULAR.length * 0.35);
  });
});

describe('woff', () => {
  it('holds every table of the font, compressed, and is the same bytes each time', () => {
    const font = subsetTrueType(BOLD, codePoints('Hent referat'));
    const packed = woff(font);
    const data = new DataView(packed.buffer);
    expect(data.getUint32(0)).toBe(0x774f4646);
    expect(data.getUint32(8)).toBe(packed.length);
    const tables = tablesOf(font);
    expect(data.getUint16(12)).toBe(tables.size);
    for (let i = 0; i < tables.size; i++) {
      const at = 44 + 20 * i;
      const tag = String.fromCharCode(...packed.subarray(at, at + 4));
      const [offset, compressed, original] = [data.getUint32(at + 4), data.getUint32(at + 8), data.getUint32(at + 12)];
      const stored = packed.subarray(offset, offset + compressed);
      expect(compressed < original ? unzlibSync(stored) : stored, tag).toEqual(tables.get(tag));
    }
    expect(woff(subsetTrueType(BOLD, codePoints('Hent referat')))).toEqual(packed);
  });

  it('writes a font whose checksums add up (head checksum adjustment)', () => {
    const font = sfnt(tablesOf(subsetTrueType(REGULAR, codePoints('abc'))));
    let sum = 0;
    for (let i = 0; i < font.length; i += 4) sum = (sum + new DataView(font.buffer).getUint32(i)) >>> 0;
    expect(sum).toBe(0xb1b0afba);
  });
});

describe('fontFaceCss', () => {
  const faces = { normal: REGULAR, bold: BOLD, italics: REGULAR, bolditalics: BOLD };

  it('embeds regular and bold, italics only when asked', () => {
    expect(fontFaceCss('Atkinson Hyperlegible', faces, 'x', false).match(/@font-face/g)).toHaveLength(2);
    expect(fontFaceCss('Atkinson Hyperlegible', faces, 'x', true).match(/font-style: italic/g)).toHaveLength(2);
  });

  it("holds the page's own characters and what may be typed into the results, and no more", () => {
    const css = fontFaceCss('Atkinson Hyperlegible', faces, 'Łódź Ω', false);
    const embedded = open(new Uint8Array(Buffer.from(/base64,([^)]+)\)/.exec(css)![1]!, 'base64')));
    for (const char of 'ŁΩÆøå€…@') expect(embedded.hasGlyphForCodePoint(char.codePointAt(0)!), char).toBe(true);
    // In the whole font, but neither on the page nor in the typing set.
    expect(open(REGULAR).hasGlyphForCodePoint('ő'.codePointAt(0)!)).toBe(true);
    expect(embedded.hasGlyphForCodePoint('ő'.codePointAt(0)!)).toBe(false);
  });
});
