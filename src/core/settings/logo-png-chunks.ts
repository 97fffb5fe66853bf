/**
 * A PNG's chunks walked, without decoding a pixel: one header (IHDR) and no second one, nothing
 * cut off, the image data in one run of IDAT chunks. Cheap for any file, so the download page
 * can look at a chosen logo at once; `logo-png.ts` decodes.
 */

/** The PNG's header, or why it is not one we print. */
export interface PngHeader {
  width: number;
  height: number;
}

/** Reads the chunks and the header only: what `sniffLogo` needs, cheap for any file. */
export function pngHeader(bytes: Uint8Array): PngHeader | { problem: string } {
  const chunks = readChunks(bytes);
  return 'problem' in chunks ? chunks : { width: chunks.header.width, height: chunks.header.height };
}

/** The one message for image data that cannot be read, with what was wrong when known. */
export function damaged(detail?: string): string {
  return `the PNG is damaged: its image data cannot be read${detail ? ` (${detail})` : ''}; save or export it again`;
}

export interface Header {
  width: number;
  height: number;
  depth: number;
  colourType: number;
  interlaced: boolean;
  /** Samples per pixel. */
  channels: number;
}

export interface Chunks {
  header: Header;
  palette: Uint8Array | undefined;
  transparency: Uint8Array | undefined;
  /** The IDAT chunks' data, in order, not copied. */
  data: Uint8Array[];
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

export function readChunks(b: Uint8Array): Chunks | { problem: string } {
  let header: Header | undefined;
  let palette: Uint8Array | undefined;
  let transparency: Uint8Array | undefined;
  const data: Uint8Array[] = [];
  let at = 8;
  let previous = '';
  for (;;) {
    if (at + 12 > b.length) return { problem: 'the PNG is cut off (it has no end chunk); save or export it again' };
    const length = readUint32(b, at);
    const type = String.fromCharCode(b[at + 4]!, b[at + 5]!, b[at + 6]!, b[at + 7]!);
    if (at + 12 + length > b.length) return { problem: `the PNG is cut off (in its ${printable(type)} chunk); save or export it again` };
    const body = b.subarray(at + 8, at + 8 + length);
    at += 12 + length;
    if (!header && type !== 'IHDR') return { problem: 'the PNG does not start with its header (IHDR)' };
    if (type === 'IHDR') {
      // A second header is how a file looks small to one reader and huge to another.
      if (header) return { problem: 'the PNG has two headers (IHDR) that may give two different sizes; save or export it again' };
      const read = readHeader(body);
      if ('problem' in read) return read;
      header = read;
    } else if (type === 'PLTE') palette = body;
    else if (type === 'tRNS') transparency = body;
    else if (type === 'IDAT') {
      if (data.length > 0 && previous !== 'IDAT') return { problem: damaged('its data chunks are split') };
      data.push(body);
    } else if (type === 'IEND') break;
    previous = type;
  }
  if (data.length === 0) return { problem: 'the PNG has no image data' };
  return { header: header!, palette, transparency, data };
}

function readHeader(body: Uint8Array): Header | { problem: string } {
  if (body.length !== 13) return { problem: 'the PNG header (IHDR) is damaged' };
  const [depth, colourType, compression, filter, interlace] = [body[8]!, body[9]!, body[10]!, body[11]!, body[12]!];
  const channels = CHANNELS[colourType];
  if (channels === undefined || !DEPTHS[colourType]!.includes(depth) || compression !== 0 || filter !== 0 || interlace > 1) {
    return { problem: 'the PNG header (IHDR) is damaged or of a kind no PNG program writes' };
  }
  return { width: readUint32(body, 0), height: readUint32(body, 4), depth, colourType, interlaced: interlace === 1, channels };
}

export function readUint32(b: Uint8Array, at: number): number {
  return ((b[at]! << 24) >>> 0) + (b[at + 1]! << 16) + (b[at + 2]! << 8) + b[at + 3]!;
}

/** A chunk type as it may be shown: four letters, or a question mark for anything else. */
function printable(type: string): string {
  return /^[A-Za-z]{4}$/.test(type) ? type : '?';
}
