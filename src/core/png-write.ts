import { zlibSync } from 'fflate';

/** PNG colour types Dialogkit writes: 8-bit grey (QR codes), RGB and RGBA (logos). */
export const PNG_GREY = 0;
export const PNG_RGB = 2;
export const PNG_RGBA = 6;

/**
 * A plain PNG file (8 bits a sample, not interlaced) from rows already filtered by the caller:
 * each row is one filter-type byte and its samples, as the PNG format stores them. No time or
 * other varying chunk, and fflate (pure JavaScript) compresses, so the CLI and the browser kit
 * write the same bytes for the same picture.
 */
export function writePng(width: number, height: number, colourType: number, filteredRows: Uint8Array): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, colourType, 0, 0, 0], 8); // 8 bits, deflate, adaptive filters, no interlace
  return concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', zlibSync(filteredRows, { level: 9 })), chunk('IEND', new Uint8Array(0))]);
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

let crcTable: Uint32Array | undefined;

function crc32(bytes: Uint8Array): number {
  crcTable ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
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
