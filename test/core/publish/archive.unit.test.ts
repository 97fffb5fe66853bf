import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { zipFiles } from '../../../src/core/publish/archive.js';

const FILES = [
  { name: 'drejebog.pdf', bytes: new TextEncoder().encode('%PDF-1.7 guide') },
  { name: 'handout.pdf', bytes: new TextEncoder().encode('%PDF-1.7 handout') },
  { name: 'prikkort.pdf', bytes: new Uint8Array([0, 1, 2, 255]) },
];
const DATE = new Date('2027-01-15T13:45:30Z');

interface Entry {
  name: string;
  method: number;
  /** The DOS timestamp, read as the UTC wall-clock time it stands for. */
  time: string;
}

/** The local file headers of a zip, in order (APPNOTE 4.3.7). */
function entries(zip: Uint8Array): Entry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const out: Entry[] = [];
  let at = 0;
  while (view.getUint32(at, true) === 0x04034b50) {
    const method = view.getUint16(at + 8, true);
    const time = view.getUint16(at + 10, true);
    const date = view.getUint16(at + 12, true);
    const size = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const extraLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(zip.subarray(at + 30, at + 30 + nameLength));
    const pad = (n: number) => String(n).padStart(2, '0');
    const stamp = `${1980 + (date >> 9)}-${pad((date >> 5) & 15)}-${pad(date & 31)}T${pad(time >> 11)}:${pad((time >> 5) & 63)}:${pad((time & 31) * 2)}`;
    out.push({ name, method, time: stamp });
    at += 30 + nameLength + extraLength + size;
  }
  return out;
}

describe('zipFiles', () => {
  const zone = process.env['TZ'];
  afterEach(() => {
    if (zone === undefined) delete process.env['TZ'];
    else process.env['TZ'] = zone;
  });

  it('stores the files uncompressed, in the given order, stamped with the pinned UTC time', () => {
    const zip = zipFiles(FILES, DATE);
    // DOS timestamps count in two-second steps: :30 stays :30.
    expect(entries(zip)).toEqual(FILES.map((f) => ({ name: f.name, method: 0, time: '2027-01-15T13:45:30' })));
    const unzipped = unzipSync(zip);
    expect(Object.keys(unzipped)).toEqual(FILES.map((f) => f.name));
    for (const file of FILES) expect(unzipped[file.name]).toEqual(file.bytes);
  });

  it('gives the same bytes for the same files, whatever the machine’s time zone', () => {
    process.env['TZ'] = 'UTC';
    const utc = zipFiles(FILES, DATE);
    process.env['TZ'] = 'Pacific/Auckland';
    const auckland = zipFiles(FILES, DATE);
    process.env['TZ'] = 'America/Los_Angeles';
    const losAngeles = zipFiles(FILES, DATE);
    expect(auckland).toEqual(utc);
    expect(losAngeles).toEqual(utc);
    expect(entries(losAngeles)[0]!.time).toBe('2027-01-15T13:45:30');
  });

  it('differs when a file or the date differs', () => {
    const zip = zipFiles(FILES, DATE);
    expect(zipFiles(FILES, new Date('2027-01-15T13:45:32Z'))).not.toEqual(zip);
    expect(zipFiles([...FILES.slice(0, 2), { name: 'prikkort.pdf', bytes: new Uint8Array([0, 1, 2, 254]) }], DATE)).not.toEqual(zip);
  });

  it('clamps dates to what a zip can hold: 1980 to 2107', () => {
    expect(entries(zipFiles(FILES, new Date(0)))[0]!.time).toBe('1980-01-01T00:00:00');
    expect(entries(zipFiles(FILES, new Date('2200-06-01T12:00:00Z')))[0]!.time).toBe('2107-12-31T23:59:58');
  });
});
