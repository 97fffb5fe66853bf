import { diagnostic } from '../messages/index.js';
import type { Diagnostic } from '../model.js';
import type { UnwantedKind } from '../messages/phrases.js';

/**
 * Turning a topic's bytes into the text the parser reads: UTF-8 checked with the position of the
 * first bad byte, one form of every letter (NFC), and characters that would print as nothing or
 * as an empty box taken out, each reported once at its first place. Pure.
 */

export type Decoded = { text: string } | { line: number; col: number };

/** Decodes UTF-8, or says where the first byte that is not UTF-8 is (1-based line and column). */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const bad = firstInvalidByte(bytes);
    const lineStart = bytes.lastIndexOf(0x0a, bad - 1) + 1;
    let line = 1;
    for (let i = 0; i < lineStart; i++) if (bytes[i] === 0x0a) line++;
    const before = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, bad));
    return { line, col: [...before].length + 1 };
  }
}

/** A character the cleaner removes or replaces, and what the author is told about it. */
interface Unwanted {
  name: UnwantedKind;
  replacement: string;
}

/**
 * Control characters other than tab and newline (Word's Shift+Enter gives a vertical tab) would
 * break the PDFs' XML metadata and can rewrite a terminal; the invisible ones print as an empty
 * box. A line or paragraph separator becomes a space, so the words on each side stay apart.
 */
function unwanted(char: string): Unwanted | undefined {
  const code = char.codePointAt(0)!;
  if (code === 0x2028) return { name: 'line-separator', replacement: ' ' };
  if (code === 0x2029) return { name: 'paragraph-separator', replacement: ' ' };
  if (code === 0xfeff) return { name: 'byte-order-mark', replacement: '' };
  if (code === 0x200b) return { name: 'zero-width-space', replacement: '' };
  if (code === 0x200c) return { name: 'zero-width-non-joiner', replacement: '' };
  if (code === 0x200d) return { name: 'zero-width-joiner', replacement: '' };
  if (code === 0x2060) return { name: 'word-joiner', replacement: '' };
  if (code >= 0x202a && code <= 0x202e) return { name: 'direction', replacement: '' };
  if (code >= 0x2066 && code <= 0x2069) return { name: 'direction', replacement: '' };
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return { name: 'control', replacement: '' };
  return undefined;
}

const SUSPECT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200d\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]/gu;

/**
 * `text` in NFC, with a leading byte-order mark dropped, Windows line endings made `\n`, and every
 * unwanted character taken out; one warning per distinct character, at its first line and column.
 */
export function cleanText(file: string, raw: string): { text: string; diagnostics: Diagnostic[] } {
  const text = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .normalize('NFC');
  const diagnostics: Diagnostic[] = [];
  const reported = new Set<string>();
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  for (const match of text.matchAll(SUSPECT)) {
    const char = match[0];
    if (reported.has(char)) continue;
    reported.add(char);
    const index = match.index;
    let line = lineStarts.length;
    while (lineStarts[line - 1]! > index) line--;
    const col = [...text.slice(lineStarts[line - 1], index)].length + 1;
    diagnostics.push(diagnostic('DK0007', unwantedParams(char), file, line, col));
  }
  if (reported.size === 0) return { text, diagnostics };
  return { text: text.replace(SUSPECT, (char) => unwanted(char)!.replacement), diagnostics };
}

/**
 * A value as YAML read it, with the same characters taken out as `cleanText` takes from the
 * source: a YAML escape (`"\u0007"`, `"\e"`, `"\x1b"`) writes a control character the source does
 * not hold. Returns the clean value and the characters taken out, each once.
 */
export function cleanValue(value: string): { text: string; unwanted: string[] } {
  const found = [...new Set(value.match(SUSPECT) ?? [])];
  if (found.length === 0) return { text: value, unwanted: [] };
  return { text: value.normalize('NFC').replace(SUSPECT, (char) => unwanted(char)!.replacement), unwanted: found };
}

/** The parameters of the warning for an unwanted character: what it is, and what is done with it. */
export function unwantedParams(char: string): { kind: UnwantedKind; codePoint: string; spaced: boolean } {
  const what = unwanted(char)!;
  return { kind: what.name, codePoint: codePoint(char), spaced: what.replacement !== '' };
}

/** `U+00A0` for a character. */
export function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

// --- internal ---

/** Offset of the first byte that breaks UTF-8 (overlong forms, surrogates and values past U+10FFFF included). */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      const low = k === 1 && b === 0xe0 ? 0xa0 : k === 1 && b === 0xf0 ? 0x90 : 0x80;
      const high = k === 1 && b === 0xed ? 0x9f : k === 1 && b === 0xf4 ? 0x8f : 0xbf;
      if (next === undefined || next < low || next > high) return i;
    }
    i += length;
  }
  return i;
}
