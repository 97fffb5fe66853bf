import { PNG_RGB, PNG_RGBA, writePng } from '../png-write.js';
import type { Pixels } from './logo-pixels.js';

/**
 * A picture as a plain PNG (8-bit RGB or RGBA, not interlaced), the only kind of PNG pdfkit is
 * given, filtered so that a logo's flat areas compress well.
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
  return writePng(picture.width, picture.height, picture.alpha ? PNG_RGBA : PNG_RGB, raw);
}
