import { diagnostic } from '../messages/index.js';
import type { Diagnostic } from '../model.js';

/**
 * Warnings for characters the fonts have no glyph for: they print as empty boxes, and a file
 * that shows one cannot be PDF/UA or PDF/A, so it is written tagged but without that claim.
 * Each points at the character's first use in the topic (or its first line, when the character
 * came from a label instead).
 *
 * A character the topic does not hold but an option does (`--organisation`) is named at that option
 * instead (`--organisation:1:col`), so the warning points where it can be changed.
 *
 * @param missing character → the files that lack it
 * @param typed option name → the value given for it, if any
 */
export function missingGlyphDiagnostics(
  file: string,
  source: string,
  missing: ReadonlyMap<string, readonly string[]>,
  typed: Readonly<Record<string, string | undefined>> = {},
): Diagnostic[] {
  const lines = source.split(/\r?\n/);
  return [...missing].map(([char, files]): Diagnostic => {
    const line = lines.findIndex((l) => l.includes(char));
    const option = line < 0 ? Object.entries(typed).find(([, value]) => value?.includes(char)) : undefined;
    if (option) {
      const [name, value] = option as [string, string];
      const col = [...value.slice(0, value.indexOf(char))].length + 1;
      return diagnostic('DK0325', { char, codePoint: codePointOf(char), option: name, files }, name, 1, col);
    }
    const codePoint = codePointOf(char);
    // An invisible character (a separator, a joiner, a byte-order mark) is named by its code point only.
    const invisible = /[\p{C}\p{Z}]/u.test(char);
    const col = line >= 0 ? [...lines[line]!.slice(0, lines[line]!.indexOf(char))].length + 1 : 1;
    return diagnostic('DK0308', { char, codePoint, invisible, files }, file, line + 1 || 1, col);
  });
}

function codePointOf(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
