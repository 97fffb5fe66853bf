import { zlibSync } from 'fflate';
import * as qrModule from 'pdfmake/js/qrEnc.js';

/**
 * A QR code as a PNG, for the Word copies (Word has no vector QR code as a PDF does). The code is
 * pdfmake's own encoder, so the Word copy's code is the printed code: the same modules, ECC level
 * M. The PNG is 8-bit grey, `scale` pixels a module, with the four-module quiet zone the standard
 * asks for, and no time or other varying chunk: the same address gives the same bytes.
 */
export function qrPng(url: string, scale = 8): { png: Uint8Array; size: number } {
  const modules = qrModules(url);
  const n = modules.length;
  const quiet = 4;
  const size = (n + 2 * quiet) * scale;
  // One filter byte (0: none) before each row.
  const raw = new Uint8Array(size * (size + 1)).fill(255);
  for (let y = 0; y < size; y++) {
    raw[y * (size + 1)] = 0;
    const row = Math.floor(y / scale) - quiet;
    for (let x = 0; x < size; x++) {
      const col = Math.floor(x / scale) - quiet;
      if (row >= 0 && row < n && col >= 0 && col < n && modules[row]![col]) raw[y * (size + 1) + 1 + x] = 0;
    }
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, size);
  view.setUint32(4, size);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, deflate, adaptive filters, no interlace
  const png = concat([
    new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', zlibSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
  return { png, size };
}

// --- internal ---

interface QrEncoder {
  measure(node: { qr: string; eccLevel: string }): { _canvas: { x: number; y: number; w: number }[]; _width: number };
}

/** pdfmake's encoder, however the module system hands over its CommonJS default export. */
function encoder(): QrEncoder {
  const first = (qrModule as unknown as { default?: unknown }).default as { measure?: unknown; default?: QrEncoder } | undefined;
  if (first && typeof first.measure === 'function') return first as QrEncoder;
  return first!.default!;
}

/** The code's dark modules, read back from pdfmake's drawing of it (5 units a module, a background rectangle first). */
function qrModules(url: string): boolean[][] {
  const node = encoder().measure({ qr: url, eccLevel: 'M' });
  const [background, ...dark] = node._canvas;
  const unit = dark[0]?.w ?? 5;
  const n = Math.round(node._width / unit);
  const modules = Array.from({ length: n }, () => Array<boolean>(n).fill(false));
  void background;
  for (const rect of dark) modules[Math.round(rect.y / unit)]![Math.round(rect.x / unit)] = true;
  return modules;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

let table: Uint32Array | undefined;

function crc32(bytes: Uint8Array): number {
  table ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let crc = 0xffffffff;
  for (const byte of bytes) crc = table[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
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
