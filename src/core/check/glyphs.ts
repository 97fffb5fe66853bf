import { diagnostic } from '../messages/index.js';
import type { Diagnostic } from '../model.js';

/**
 * Warnings for characters the fonts have no glyph for: they print as empty boxes, and a file
 * that shows one cannot be PDF/UA or PDF/A, so it is written tagged but without that claim.
 * Each points at the character's first use in the topic (or its first line, when the character
 * came from a label instead).
 *
 * @param missing character → the files that lack it
 */
export function missingGlyphDiagnostics(file: string, source: string, missing: ReadonlyMap<string, readonly string[]>): Diagnostic[] {
  const lines = source.split(/\r?\n/);
  return [...missing].map(([char, files]) => {
    const line = lines.findIndex((l) => l.includes(char));
    const codePoint = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    // An invisible character (a separator, a joiner, a byte-order mark) is named by its code point only.
    const invisible = /[\p{C}\p{Z}]/u.test(char);
    const col = line >= 0 ? [...lines[line]!.slice(0, lines[line]!.indexOf(char))].length + 1 : 1;
    return diagnostic('DK0308', { char, codePoint, invisible, files }, file, line + 1 || 1, col);
  });
}
