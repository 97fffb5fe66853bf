import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A fresh temporary folder. Under vitest `os.tmpdir()` is the run's one temporary root
 * (test/setup/temp-root.ts), removed when the run ends, so tests need not remove what they make.
 */
export function tempDir(prefix = 'dialogkit-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}
