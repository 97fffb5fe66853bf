import { PNG_GREY, writePng } from '../png-write.js';
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
  const png = writePng(size, size, PNG_GREY, raw);
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
