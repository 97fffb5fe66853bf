/**
 * What a logo file is (PNG, JPEG or SVG, from its bytes, never its name) and its size, from its
 * headers only: cheap for any file, so the download page can look at a chosen logo at once.
 * `logo.ts` decodes it.
 */
import { readJpeg } from './logo-jpeg.js';
import { pngHeader } from './logo-png-chunks.js';

export type LogoType = 'png' | 'jpeg' | 'svg';

export interface Logo {
  type: LogoType;
  /** Intrinsic size: pixels for PNG and JPEG, user units for SVG. */
  width: number;
  height: number;
}

/** The largest logo file accepted. */
export const MAX_LOGO_BYTES = 2 * 1024 * 1024;
/** Pixel dimensions a logo may have: small enough to decode, large enough to print. */
const MIN_SIDE = 16;
export const MAX_SIDE = 8000;

/** What the bytes are, or why they cannot be a logo (a message for `--logo`). Cheap: headers only. */
export function sniffLogo(bytes: Uint8Array): { logo: Logo } | { problem: string } {
  if (bytes.length === 0) return { problem: '--logo: the file is empty' };
  if (bytes.length > MAX_LOGO_BYTES)
    return { problem: `--logo: the file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; a logo may be at most 2 MB` };
  const found = isPng(bytes) ? sized('png', pngHeader(bytes)) : isJpeg(bytes) ? sized('jpeg', readJpeg(bytes)) : svgSize(bytes);
  if (!found) return { problem: '--logo: the file is not a PNG, JPEG or SVG image' };
  if ('problem' in found) return { problem: `--logo: ${found.problem}` };
  if (found.width <= 0 || found.height <= 0) return { problem: `--logo: the ${found.type.toUpperCase()} has no size` };
  const side = sideProblem(found);
  return side ? { problem: `--logo: ${side}` } : { logo: found };
}

// --- internal ---

function sideProblem(logo: Logo): string | undefined {
  if (logo.type === 'svg' || (Math.min(logo.width, logo.height) >= MIN_SIDE && Math.max(logo.width, logo.height) <= MAX_SIDE))
    return undefined;
  return `the image is ${logo.width} × ${logo.height} pixels; use one from ${MIN_SIDE} to ${MAX_SIDE} pixels on each side`;
}

function sized(type: 'png' | 'jpeg', read: { width: number; height: number } | { problem: string }): Logo | { problem: string } {
  return 'problem' in read ? read : { type, width: read.width, height: read.height };
}

function isPng(b: Uint8Array): boolean {
  return b.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v);
}

function isJpeg(b: Uint8Array): boolean {
  return b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
}

/** An SVG's size from its `<svg>` tag (width and height, else the view box), read from the file's start. */
function svgSize(b: Uint8Array): Logo | undefined {
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
