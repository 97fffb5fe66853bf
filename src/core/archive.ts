import { zipSync } from 'fflate';

/**
 * One zip of a topic's files, byte-identical for the same files: entries in the given order,
 * every timestamp pinned to `date`, stored without compression (PDF streams are already
 * deflated, so deflating again saves about nothing and costs time).
 */
export function zipFiles(files: readonly { name: string; bytes: Uint8Array }[], date: Date): Uint8Array {
  // Zip timestamps start in 1980, and fflate reads them with local-time getters: shift by the
  // zone offset so every machine writes the same UTC wall-clock time, whatever its TZ.
  const utc = date.getTime() < Date.UTC(1980, 0, 2) ? new Date(Date.UTC(1980, 0, 2)) : date;
  const mtime = new Date(utc.getTime() + utc.getTimezoneOffset() * 60_000);
  return zipSync(Object.fromEntries(files.map((f) => [f.name, [f.bytes, { level: 0, mtime }]])), { level: 0, mtime });
}
