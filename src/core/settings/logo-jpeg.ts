/**
 * A JPEG's structure walked from start to end marker: its one frame header (size, colours), at
 * least one scan, and nothing cut off. pdfkit embeds a JPEG as it is (a PDF viewer decodes it),
 * so this walk is what stands between a truncated or odd file and a page that prints grey
 * garbage. No pixel is decoded: the file's size limit (2 MB) bounds what it can cost.
 */

export interface JpegFrame {
  width: number;
  height: number;
}

export function readJpeg(b: Uint8Array): JpegFrame | { problem: string } {
  let frame: (JpegFrame & { kind: number; components: number }) | undefined;
  let frames = 0;
  let scans = 0;
  let at = 2;
  for (;;) {
    // Fill bytes (0xFF runs) may stand before a marker.
    while (at < b.length && b[at] === 0xff && b[at + 1] === 0xff) at++;
    if (at + 1 >= b.length) return { problem: CUT_OFF };
    if (b[at] !== 0xff) return { problem: 'the JPEG is damaged: a segment is not where it should be' };
    const marker = b[at + 1]!;
    at += 2;
    if (marker === 0xd9) break; // end of image
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) continue; // no length
    if (at + 2 > b.length) return { problem: CUT_OFF };
    const length = (b[at]! << 8) | b[at + 1]!;
    if (length < 2 || at + length > b.length) return { problem: CUT_OFF };
    if (isFrame(marker)) {
      frames++;
      if (length < 8) return { problem: 'the JPEG frame header is damaged' };
      frame = { kind: marker, height: (b[at + 3]! << 8) | b[at + 4]!, width: (b[at + 5]! << 8) | b[at + 6]!, components: b[at + 7]! };
    }
    at += length;
    if (marker === 0xda) {
      if (!frame) return { problem: 'the JPEG is damaged: its image data comes before its frame header' };
      scans++;
      at = skipScan(b, at);
    }
  }
  if (!frame || scans === 0) return { problem: 'the JPEG has no image data' };
  if (frames > 1) return { problem: 'the JPEG has more than one frame header; save or export it again as an ordinary JPEG' };
  // PDF viewers show baseline, extended and progressive JPEGs (Huffman-coded); lossless and arithmetic-coded ones not.
  if (frame.kind > 0xc2)
    return { problem: 'the JPEG is of a kind PDF files cannot show (lossless or arithmetic-coded); save it as an ordinary JPEG or a PNG' };
  if (![1, 3, 4].includes(frame.components))
    return { problem: `the JPEG has ${frame.components} colour components; save it as an ordinary RGB, greyscale or CMYK JPEG` };
  return { width: frame.width, height: frame.height };
}

// --- internal ---

const CUT_OFF = 'the JPEG is cut off (it has no end marker); save or export it again';

/** SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range. */
function isFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/** The offset of the marker after a scan's entropy-coded data (a stuffed 0xFF00 and restart markers are data). */
function skipScan(b: Uint8Array, at: number): number {
  for (let i = at; i + 1 < b.length; i++) {
    if (b[i] !== 0xff) continue;
    const next = b[i + 1]!;
    if (next !== 0x00 && next !== 0xff && !(next >= 0xd0 && next <= 0xd7)) return i;
  }
  return b.length;
}
