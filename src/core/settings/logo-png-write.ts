import { zlibSync } from 'fflate';
import type { Pixels } from './logo-pixels.js';

/**
 * A picture as a plain PNG (8-bit RGB or RGBA, not interlaced), the only kind of PNG pdfkit is
 * given. fflate is pure JavaScript, so the CLI and the browser kit write the same bytes.
 */
export function encodePng(picture: Pixels): Uint8Array {
  const channels = picture.alpha ? 4 : 3;
  const stride = picture.width * channels;
  // Each row filtered with "Sub": a logo's flat areas then compress to almost nothing.
  const raw = new Uint8Array((stride + 1) * picture.height);
  for (let y = 0; y < picture.height; y++) {
    const from = y * stride;
    const to = y * (stride + 1);
    raw[to] = 1;
    for (let i = 0; i < stride; i++) {
      const left = i >= channels ? picture.data[from + i - channels]! : 0;
      raw[to + 1 + i] = (picture.data[from + i]! - left) & 255;
    }
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, picture.width);
  view.setUint32(4, picture.height);
  header.set([8, picture.alpha ? 6 : 2, 0, 0, 0], 8);
  return concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', zlibSync(raw, { level: 9 })), chunk('IEND', new Uint8Array(0))]);
}

// --- internal ---

const SIGNATURE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 255]! ^ (crc >>> 8);
  return ~crc >>> 0;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
