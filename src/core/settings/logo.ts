/**
 * The municipality's logo (`--logo FILE`, or the file chosen in the page's form): its type
 * sniffed from the bytes, never from a file name, and its size checked, so a wrong file is one
 * clear message rather than a broken PDF. Pure: the bytes arrive from the CLI or the browser.
 */

export type LogoType = 'png' | 'jpeg' | 'svg';

export interface Logo {
  type: LogoType;
  /** Intrinsic size: pixels for PNG and JPEG, user units for SVG. */
  width: number;
  height: number;
}

/** The largest logo file accepted. */
export const MAX_LOGO_BYTES = 2 * 1024 * 1024;
/** Pixel dimensions a logo may have: small enough to embed, large enough to print. */
const MIN_SIDE = 16;
const MAX_SIDE = 8000;

/** What the bytes are, or why they cannot be a logo (a message for `--logo`). */
export function sniffLogo(bytes: Uint8Array): { logo: Logo } | { problem: string } {
  if (bytes.length === 0) return { problem: '--logo: the file is empty' };
  if (bytes.length > MAX_LOGO_BYTES)
    return { problem: `--logo: the file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; a logo may be at most 2 MB` };
  const found = png(bytes) ?? jpeg(bytes) ?? svg(bytes);
  if (!found) return { problem: '--logo: the file is not a PNG, JPEG or SVG image' };
  if (found.width <= 0 || found.height <= 0) return { problem: `--logo: the ${found.type.toUpperCase()} has no size` };
  if (found.type !== 'svg' && (Math.min(found.width, found.height) < MIN_SIDE || Math.max(found.width, found.height) > MAX_SIDE)) {
    return {
      problem: `--logo: the image is ${found.width} × ${found.height} pixels; use one from ${MIN_SIDE} to ${MAX_SIDE} pixels on each side`,
    };
  }
  return { logo: found };
}

/** The logo as pdfmake takes it: a data URL for PNG and JPEG, the markup for SVG. */
export function logoSource(bytes: Uint8Array, type: LogoType): string {
  if (type === 'svg') return new TextDecoder().decode(bytes);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:image/${type};base64,${btoa(binary)}`;
}

// --- internal ---

function png(b: Uint8Array): Logo | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (b.length < 24 || !signature.every((v, i) => b[i] === v)) return undefined;
  // The first chunk is IHDR: width and height, big-endian, at bytes 16 and 20.
  return { type: 'png', width: uint32(b, 16), height: uint32(b, 20) };
}

function jpeg(b: Uint8Array): Logo | undefined {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8 || b[2] !== 0xff) return undefined;
  // Walk the segments to the frame header (SOF0–SOF15, not DHT, JPG or DAC), which holds the size.
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return { type: 'jpeg', width: 0, height: 0 };
    const marker = b[at + 1]!;
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01 || marker === 0xff) {
      at += marker === 0xff ? 1 : 2;
      continue;
    }
    const length = (b[at + 2]! << 8) | b[at + 3]!;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { type: 'jpeg', height: (b[at + 5]! << 8) | b[at + 6]!, width: (b[at + 7]! << 8) | b[at + 8]! };
    }
    at += 2 + length;
  }
  return { type: 'jpeg', width: 0, height: 0 };
}

function svg(b: Uint8Array): Logo | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(0, 4096));
  } catch {
    return undefined;
  }
  const open = /<svg\b[^>]*>/i.exec(text.replace(/^\uFEFF/, ''));
  if (!open || !/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg\b/i.test(text.replace(/^\uFEFF/, ''))) return undefined;
  const attr = (name: string) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(open[0])?.[1];
  const box = attr('viewBox')
    ?.trim()
    .split(/[\s,]+/)
    .map(Number);
  const size = (value: string | undefined) => (value && /^\s*[\d.]+\s*(px|pt)?\s*$/.test(value) ? Number.parseFloat(value) : undefined);
  const width = size(attr('width')) ?? (box?.length === 4 ? box[2] : undefined) ?? 0;
  const height = size(attr('height')) ?? (box?.length === 4 ? box[3] : undefined) ?? 0;
  return { type: 'svg', width, height };
}

function uint32(b: Uint8Array, at: number): number {
  return ((b[at]! << 24) >>> 0) + (b[at + 1]! << 16) + (b[at + 2]! << 8) + b[at + 3]!;
}
