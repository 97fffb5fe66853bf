import { readFile } from 'node:fs/promises';
import { DialogkitError, ExitCode } from '../core/diagnostics.js';
import { toolIdentity } from '../core/build/fingerprint.js';

/**
 * dist/code-hash.txt, written by `npm run compile` (scripts/code-hash.ts): the hash of the built
 * code. The same path from the bundled CLI (dist/node/) as from the sources (src/node/, in tests).
 */
const CODE_HASH = new URL('../../dist/code-hash.txt', import.meta.url);

let read: Promise<string> | undefined;

/**
 * The version and the hash of the code that runs, for every fingerprint: a build after a change
 * to Dialogkit's code makes every file again. Read once per process.
 */
export function runningTool(version: string): Promise<string> {
  read ??= readFile(CODE_HASH, 'utf8').then(
    (text) => text.trim(),
    (error: unknown) => {
      read = undefined;
      throw new DialogkitError(
        `${CODE_HASH.pathname} cannot be read, so unchanged files cannot be told from stale ones: run \`npm run compile\``,
        {
          exitCode: ExitCode.environmentError,
          cause: error,
        },
      );
    },
  );
  return read.then((hash) => toolIdentity(version, hash));
}
