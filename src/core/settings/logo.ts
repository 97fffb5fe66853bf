/**
 * The municipality's logo (`--logo FILE`, or the file chosen in the page's form): its type
 * sniffed from the bytes, never from a file name, then decoded within a budget and made ready
 * for print, so a wrong, damaged or hostile file is one clear message rather than a broken PDF,
 * a hang or an exhausted memory. Pure: the bytes arrive from the CLI or the browser, and both
 * get the same bytes back (docs/logo.md says what is accepted).
 */
import { decodePng } from './logo-png.js';
import { encodePng } from './logo-png-write.js';
import { MAX_SIDE, sniffLogo, type Logo } from './logo-sniff.js';
import { MAX_SVG_WORK, parseSvg, svgPictures, svgWork } from './logo-svg.js';

export { MAX_LOGO_BYTES, sniffLogo, type Logo, type LogoType } from './logo-sniff.js';

/** A logo ready for pdfmake: a data URL for PNG and JPEG, the markup for SVG; sized as the file is. */
export interface PrintableLogo extends Logo {
  source: string;
}

/** The box a logo is printed in, in points: this high, or narrower and lower when very wide. */
export const LOGO_BOX = { width: 150, height: 34 };
/** Pixels per inch a printed logo gets at most: more is scaled down, as no printer shows it. */
export const PRINT_DPI = 300;
/** The pixels decoded for one logo (an SVG's embedded pictures together): one picture of the largest size. */
const MAX_PIXELS = MAX_SIDE * MAX_SIDE;

/**
 * The logo decoded, checked and made ready for print, or why not (one `--logo` line with a
 * hint). A PNG is decoded and written anew at no more than `PRINT_DPI` at its printed size; a
 * JPEG is walked to its end and kept as it is; an SVG's work is counted and its embedded
 * pictures are treated as a PNG or JPEG logo would be. The last result is kept, so the options
 * check and every topic's build decode a logo once.
 */
export function prepareLogo(bytes: Uint8Array): { logo: PrintableLogo } | { problem: string } {
  if (last && sameBytes(last.bytes, bytes)) return last.result;
  const result = prepare(bytes);
  last = { bytes: bytes.slice(), result };
  return result;
}

/** The pixels a picture of `width` × `height` needs to print sharp in `LOGO_BOX`: never more than it has. */
export function printPixels(width: number, height: number): { width: number; height: number } {
  const points = Math.min(LOGO_BOX.height / height, LOGO_BOX.width / width);
  // Less a hair before rounding up: 425.0000001 pixels is 425.
  const need = (side: number) => Math.min(side, Math.max(1, Math.ceil((side * points * PRINT_DPI) / 72 - 1e-6)));
  return { width: need(width), height: need(height) };
}

// --- internal ---

let last: { bytes: Uint8Array; result: ReturnType<typeof prepare> } | undefined;

function prepare(bytes: Uint8Array): { logo: PrintableLogo } | { problem: string } {
  const sniffed = sniffLogo(bytes);
  if ('problem' in sniffed) return sniffed;
  const { logo } = sniffed;
  const ready =
    logo.type === 'png' ? pngSource(bytes, printPixels) : logo.type === 'jpeg' ? { source: dataUrl(bytes, 'jpeg') } : svgSource(bytes);
  return 'problem' in ready ? { problem: `--logo: ${ready.problem}` } : { logo: { ...logo, source: ready.source } };
}

function pngSource(
  bytes: Uint8Array,
  target: (w: number, h: number) => { width: number; height: number },
): { source: string } | { problem: string } {
  const pixels = decodePng(bytes, target);
  return 'problem' in pixels ? pixels : { source: dataUrl(encodePng(pixels), 'png') };
}

/**
 * An embedded picture is printed no larger than the whole logo's widest side, so it gets the
 * pixels that side needs at `PRINT_DPI`.
 */
const EMBEDDED_SIDE = Math.ceil((Math.max(LOGO_BOX.width, LOGO_BOX.height) * PRINT_DPI) / 72);

function svgSource(bytes: Uint8Array): { source: string } | { problem: string } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { problem: 'the SVG is not UTF-8 text; save it again as UTF-8' };
  }
  const parsed = parseSvg(text.replace(/^\uFEFF/, ''));
  if ('problem' in parsed) return parsed;
  const work = svgWork(parsed.root);
  if ('problem' in work) return work;
  if (work.work > MAX_SVG_WORK) {
    return { problem: 'the SVG repeats its parts (<use>) too many times to be drawn; flatten it in a drawing program, or use a PNG' };
  }
  // Each embedded picture is checked as a logo file is, and a PNG is replaced by one of the size print needs.
  let pixels = 0;
  const replacements: { start: number; end: number; href: string }[] = [];
  const base = text.length - text.replace(/^\uFEFF/, '').length;
  for (const picture of svgPictures(parsed.root)) {
    const data = /^data:image\/(png|jpeg|jpg);base64,(.*)$/is.exec(picture.href.replace(/\s+/g, ''));
    if (!data) return { problem: 'the SVG shows a picture that is not inside the file as PNG or JPEG data; embed it, or use a PNG' };
    let inner: Uint8Array;
    try {
      inner = Uint8Array.from(atob(data[2]!), (c) => c.charCodeAt(0));
    } catch {
      return { problem: 'a picture inside the SVG is damaged (its data is not base64)' };
    }
    const sniffed = sniffLogo(inner);
    if ('problem' in sniffed || sniffed.logo.type === 'svg') {
      const why = 'problem' in sniffed ? sniffed.problem.replace(/^--logo: /, '') : 'it is an SVG itself';
      return { problem: `a picture inside the SVG cannot be used: ${why}` };
    }
    pixels += sniffed.logo.width * sniffed.logo.height;
    if (pixels > MAX_PIXELS)
      return { problem: `the pictures inside the SVG have more than ${MAX_PIXELS / 1e6} million pixels together; use smaller ones` };
    if (sniffed.logo.type === 'png') {
      const smaller = pngSource(inner, (w, h) => fitWithin(w, h, EMBEDDED_SIDE));
      if ('problem' in smaller) return { problem: `a picture inside the SVG cannot be used: ${smaller.problem}` };
      replacements.push({ start: picture.start + base, end: picture.end + base, href: smaller.source });
    }
  }
  let source = text;
  for (const r of replacements.reverse()) source = source.slice(0, r.start) + r.href + source.slice(r.end);
  return { source };
}

function fitWithin(width: number, height: number, side: number): { width: number; height: number } {
  const scale = Math.min(1, side / Math.max(width, height));
  return { width: Math.max(1, Math.ceil(width * scale)), height: Math.max(1, Math.ceil(height * scale)) };
}

function dataUrl(bytes: Uint8Array, type: 'png' | 'jpeg'): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:image/${type};base64,${btoa(binary)}`;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
