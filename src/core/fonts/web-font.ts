/**
 * The print font for a web page: `@font-face` rules whose fonts are cut down to the page's
 * characters and embedded as WOFF data addresses, so a page that is one file, opened from disk,
 * is set in the same type as the paper.
 */
import type { FontFaces } from '../pdf/typeset.js';
import { woff } from './sfnt.js';
import { subsetTrueType } from './subset.js';

/**
 * Always in the fonts besides the page's own text: what a facilitator may type into the results
 * form (Latin-1, as Danish and English need) and the signs the clock writes.
 */
const TYPING = [range(0x20, 0x7e), range(0xa0, 0xff), '–—‘’“”„…•·−→←€'].join('');

/**
 * `@font-face` rules for `family`: the regular and bold faces always, the italic ones when
 * `italic` is set; each face holds `text`'s characters and the typing set.
 */
export function fontFaceCss(family: string, faces: FontFaces, text: string, italic: boolean): string {
  const codePoints = [...new Set([...TYPING, ...text])].map((char) => char.codePointAt(0)!);
  const face = (bytes: Uint8Array, weight: number, style: 'normal' | 'italic') =>
    `@font-face { font-family: "${family}"; font-weight: ${weight}; font-style: ${style}; font-display: block; ` +
    `src: url(data:font/woff;base64,${webFont(bytes, codePoints)}) format("woff"); }`;
  return [
    face(faces.normal, 400, 'normal'),
    face(faces.bold, 700, 'normal'),
    ...(italic ? [face(faces.italics, 400, 'italic'), face(faces.bolditalics, 700, 'italic')] : []),
  ].join('\n');
}

// --- internal ---

/**
 * A face cut to `codePoints`, as WOFF in base64, remembered per font file (the bytes object a
 * process loaded once) and character list. Cutting and zlib-compressing a face took about a
 * tenth of a kit's "Hent" (issue 32); Danish and English topics rarely hold a character outside
 * the typing set, so their list, and so the face, is mostly the same from topic to topic.
 */
const cut = new WeakMap<Uint8Array, Map<string, string>>();
/** Faces remembered per font file: a handful of character lists covers a session's topics. */
const REMEMBERED = 8;

function webFont(bytes: Uint8Array, codePoints: readonly number[]): string {
  let faces = cut.get(bytes);
  if (!faces) cut.set(bytes, (faces = new Map<string, string>()));
  const key = codePoints.join(',');
  let data = faces.get(key);
  if (data === undefined) {
    data = base64(woff(subsetTrueType(bytes, codePoints)));
    if (faces.size >= REMEMBERED) faces.delete(faces.keys().next().value!);
    faces.set(key, data);
  }
  return data;
}

function range(from: number, to: number): string {
  return String.fromCodePoint(...Array.from({ length: to - from + 1 }, (_, i) => from + i));
}

const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 without `btoa` or `Buffer`: the same code in Node and the browser. */
function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    out += DIGITS[a >> 2]! + DIGITS[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    out += b === undefined ? '=' : DIGITS[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    out += c === undefined ? '=' : DIGITS[c & 63]!;
  }
  return out;
}
