import { zipSync } from 'fflate';

/** The instants a zip's MS-DOS timestamp can hold: 1980-01-01 to 2107-12-31, to the second. */
const ZIP_EARLIEST = Date.UTC(1980, 0, 1);
const ZIP_LATEST = Date.UTC(2107, 11, 31, 23, 59, 58);

/**
 * One zip of a topic's files, byte-identical for the same files: entries in the given order,
 * every timestamp pinned to `date` (its UTC wall clock, clamped to what a zip can hold), stored
 * without compression (PDF streams are already deflated, so deflating again saves about nothing
 * and costs time). `level: 6` deflates: a Word file's XML shrinks to a fifth.
 */
export function zipFiles(files: readonly { name: string; bytes: Uint8Array }[], date: Date, level: 0 | 6 = 0): Uint8Array {
  // fflate reads the time with local-time getters, and no local time exists inside a DST gap,
  // so no Date could make every time zone write the same fields; and it refuses years past 2099.
  // Zip with a fixed placeholder, then write the timestamp fields ourselves.
  const placeholder = new Date(1980, 0, 1);
  const zip = zipSync(Object.fromEntries(files.map((f) => [f.name, [f.bytes, { level, mtime: placeholder }]])), {
    level,
    mtime: placeholder,
  });
  stampEntries(zip, dosDateTime(date));
  return zip;
}

/** The 32-bit MS-DOS date and time (date in the high half) of `date`'s UTC wall clock, clamped to the zip range. */
export function dosDateTime(date: Date): number {
  const clamped = new Date(Math.min(Math.max(date.getTime(), ZIP_EARLIEST), ZIP_LATEST));
  const day = ((clamped.getUTCFullYear() - 1980) << 9) | ((clamped.getUTCMonth() + 1) << 5) | clamped.getUTCDate();
  const time = (clamped.getUTCHours() << 11) | (clamped.getUTCMinutes() << 5) | (clamped.getUTCSeconds() >> 1);
  return ((day << 16) | time) >>> 0;
}

// --- internal ---

/** Writes `stamp` into every entry's local header and central-directory record (APPNOTE 4.3.7, 4.3.12). */
function stampEntries(zip: Uint8Array, stamp: number): void {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.byteLength - 22; // fflate writes no zip comment, so the end record is the last 22 bytes
  const count = view.getUint16(end + 10, true);
  let record = view.getUint32(end + 16, true);
  for (let i = 0; i < count; i++) {
    view.setUint32(record + 12, stamp, true);
    view.setUint32(view.getUint32(record + 42, true) + 10, stamp, true);
    record += 46 + view.getUint16(record + 28, true) + view.getUint16(record + 30, true) + view.getUint16(record + 32, true);
  }
}
