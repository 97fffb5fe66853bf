/**
 * Whether an address fits the printed QR code. `qr-box.ts` asks pdfmake for a code that fits
 * 74 pt; pdfmake draws whole-point modules, so a code of more than 74 modules (version 15 and up)
 * gets modules 0 pt wide and vanishes from the page, and one past version 40 is an exception
 * from inside pdfmake. Measured with pdfmake 0.3.11's encoder at error correction M: up to 362
 * bytes of UTF-8 (528 characters when all are capitals, digits or ` $%*+-./:`) still draw.
 */

import { qrPhrase } from '../messages/phrases.js';

/** The printed QR code's size in points (qr-box.ts). */
export const QR_FIT = 74;
const MAX_BYTES = 362;
const MAX_ALPHANUMERIC = 528;

/** Why `text` cannot be printed as the QR code, or undefined when it can. */
export function qrProblem(text: string): string | undefined {
  const over = qrOverflow(text);
  return over && qrPhrase(over.length, over.unit, over.max, 'en');
}

/** How far `text` is over what the printed QR code holds, as data, or undefined when it fits. */
export function qrOverflow(text: string): { length: number; unit: 'characters' | 'bytes'; max: number } | undefined {
  // pdfmake's own choice of mode: its denser alphanumeric mode only for capitals, digits and a few marks.
  if (/^[A-Z0-9 $%*+\-./:]*$/.test(text)) {
    return text.length <= MAX_ALPHANUMERIC ? undefined : { length: text.length, unit: 'characters', max: MAX_ALPHANUMERIC };
  }
  const bytes = new TextEncoder().encode(text).length;
  return bytes <= MAX_BYTES ? undefined : { length: bytes, unit: 'bytes', max: MAX_BYTES };
}

/** The room a topic's folder takes after `--base-url` in the phone edition's address: a slug and `/`. */
export const SLUG_ROOM = 81;
