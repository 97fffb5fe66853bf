/**
 * A topic file's bytes as the editor holds them, and back, with nothing normalised: the byte
 * order mark is kept aside and written again, and the line break the file uses is the one the
 * editor joins lines with (CodeMirror would otherwise split on any break and join with "\n").
 * NFC/NFD, tabs and trailing spaces are left as they are. Saving a text the editor did not
 * change gives the file's own bytes back. Pure.
 */
export interface OpenedText {
  /** The text without its byte order mark. */
  text: string;
  bom: boolean;
  /** What the editor splits and joins lines on: the file's own break. */
  lineBreak: '\n' | '\r\n';
}

const BOM = '\ufeff';

/** `undefined` for bytes that are not UTF-8: the editor would change them. */
export function openBytes(bytes: Uint8Array): OpenedText | undefined {
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
  const bom = decoded.startsWith(BOM);
  const text = bom ? decoded.slice(1) : decoded;
  // "\r\n" only when every break is one; a file that mixes them keeps each "\r" as a character.
  const lineBreak = /\r\n/.test(text) && !/(?<!\r)\n/.test(text) ? '\r\n' : '\n';
  return { text, bom, lineBreak };
}

export function textBytes(text: string, bom: boolean): Uint8Array {
  return new TextEncoder().encode(bom ? BOM + text : text);
}
