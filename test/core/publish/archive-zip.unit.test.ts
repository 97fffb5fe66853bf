import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { zipFiles } from '../../../src/core/publish/archive.js';

/** Every entry's MS-DOS timestamp (local header and central record), decoded as `YYYY-MM-DD HH:MM:SS`. */
function stamps(zip: Uint8Array): string[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const found: string[] = [];
  for (let at = 0; at + 4 <= zip.length; at++) {
    const signature = view.getUint32(at, true);
    const offset = signature === 0x04034b50 ? 10 : signature === 0x02014b50 ? 12 : -1;
    if (offset < 0) continue;
    const time = view.getUint16(at + offset, true);
    const day = view.getUint16(at + offset + 2, true);
    const pad = (n: number) => String(n).padStart(2, '0');
    found.push(
      `${1980 + (day >> 9)}-${pad((day >> 5) & 15)}-${pad(day & 31)} ${pad(time >> 11)}:${pad((time >> 5) & 63)}:${pad((time & 31) * 2)}`,
    );
  }
  return found;
}

const files = [
  { name: 'a.pdf', bytes: new TextEncoder().encode('%PDF-a') },
  { name: 'b.pdf', bytes: new TextEncoder().encode('%PDF-bb') },
];

describe('zip timestamps', () => {
  const zone = process.env['TZ'];
  afterEach(() => {
    if (zone === undefined) delete process.env['TZ'];
    else process.env['TZ'] = zone;
  });

  // Inside Copenhagen's spring-forward gap (02:30 local does not exist) and its autumn overlap.
  const instants = ['2024-03-31T02:30:00Z', '2024-10-27T02:30:00Z', '2024-03-31T00:59:58Z', '2024-06-15T12:00:00Z'];

  it.each(instants)('hold the UTC wall clock of %s in every time zone', (instant) => {
    const zips = ['UTC', 'Europe/Copenhagen', 'America/New_York', 'Pacific/Kiritimati'].map((tz) => {
      process.env['TZ'] = tz;
      return zipFiles(files, new Date(instant));
    });
    const wall = instant.replace('T', ' ').replace('Z', '');
    expect(stamps(zips[0]!)).toEqual([wall, wall, wall, wall]);
    for (const zip of zips) expect(Buffer.compare(Buffer.from(zip), Buffer.from(zips[0]!))).toBe(0);
  });

  it('are clamped to the years a zip can hold, 1980 to 2107', () => {
    process.env['TZ'] = 'Europe/Copenhagen';
    expect(stamps(zipFiles(files, new Date('1970-01-01T00:00:00Z')))[0]).toBe('1980-01-01 00:00:00');
    expect(stamps(zipFiles(files, new Date('2100-01-01T12:00:00Z')))[0]).toBe('2100-01-01 12:00:00');
    expect(stamps(zipFiles(files, new Date('2150-06-01T00:00:00Z')))[0]).toBe('2107-12-31 23:59:58');
  });

  it('leave the entries readable', () => {
    const entries = unzipSync(zipFiles(files, new Date('2024-03-31T02:30:00Z')));
    expect(Object.keys(entries)).toEqual(['a.pdf', 'b.pdf']);
    expect(new TextDecoder().decode(entries['b.pdf'])).toBe('%PDF-bb');
  });
});
