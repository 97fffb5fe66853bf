/**
 * One temporary root for the whole run: every test's temporary folders, and whatever the code
 * under test and Chromium put in the system temp folder, land under it, and it is removed at the
 * end, so a run leaves nothing in /tmp. Pointing TMPDIR at it before the workers start makes
 * `os.tmpdir()` return it in every worker and child process.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Several projects run this file; the first creates the root, the last to finish removes it. */
const shared = globalThis as { dialogkitTempRoot?: { path: string; users: number } };

export function setup(): void {
  if (!shared.dialogkitTempRoot) {
    const path = join(tmpdir(), `dialogkit-test-${process.pid}`);
    mkdirSync(path, { recursive: true });
    process.env['TMPDIR'] = path;
    shared.dialogkitTempRoot = { path, users: 0 };
  }
  shared.dialogkitTempRoot.users++;
}

export function teardown(): void {
  const root = shared.dialogkitTempRoot;
  if (!root || --root.users > 0) return;
  rmSync(root.path, { recursive: true, force: true });
  shared.dialogkitTempRoot = undefined;
}
