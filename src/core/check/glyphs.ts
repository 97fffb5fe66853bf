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
    const named = invisible ? `${codePoint}, an invisible character,` : `"${char}" (${codePoint})`;
    return {
      file,
      line: line + 1 || 1,
      col: line >= 0 ? [...lines[line]!.slice(0, lines[line]!.indexOf(char))].length + 1 : 1,
      severity: 'warning',
      message: `${named} is not in the font and prints as an empty box in ${files.join(', ')}, which are therefore not marked PDF/UA or PDF/A`,
      hint: invisible
        ? 'delete it (it is often pasted in with text from other programs)'
        : 'write it in words, or use a letter, digit or common punctuation mark instead',
    };
  });
}
