/**
 * The hash of Dialogkit's built code, part of every file's fingerprint (src/core/build/
 * fingerprint.ts), so that a build after any change to the code makes every product again, even
 * when the package version stays the same (anyone running from git stays at 0.1.0).
 *
 * Computed once by `npm run compile` (the end of scripts/bundle-cli.ts), from what the CLI runs:
 * every script in dist/ outside dist/browser/ (the bundled CLI, our pdfmake build with pdfkit
 * and fontkit, tsc's modules that worker threads load), plus the version of pdf-lib, which the
 * CLI imports from node_modules/ to tile flip-chart sheets. Written to dist/code-hash.txt, which
 * the CLI reads at start (src/node/code-hash.ts) and the kit's bundle embeds (scripts/bundle-kit.ts).
 * Source maps are left out: they change with paths, not with what the code does.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';

/** The file the hash is written to, in dist/. */
export const CODE_HASH_FILE = 'code-hash.txt';

/** The hash of the code in `dist` (hex SHA-256), with `extra` lines (external packages' versions). */
export function codeHash(dist: string, extra: readonly string[] = runtimePackages()): string {
  const hash = createHash('sha256');
  const files = readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(m|c)?js$/.test(e.name))
    .map((e) => relative(dist, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((path) => !path.startsWith('browser/'))
    .sort();
  for (const path of files) {
    const bytes = readFileSync(join(dist, path));
    hash.update(`${path}\0${bytes.length}\0`).update(bytes);
  }
  for (const line of extra) hash.update(`${line}\n`);
  return hash.digest('hex');
}

/** Computes the hash of `dist` and writes it next to the code; returns it. */
export function writeCodeHash(dist: string): string {
  const hash = codeHash(dist);
  writeFileSync(join(dist, CODE_HASH_FILE), `${hash}\n`);
  return hash;
}

/** Packages the CLI loads from node_modules/ at run time instead of from its bundle. */
function runtimePackages(): string[] {
  const require = createRequire(import.meta.url);
  const pdfLib = require('pdf-lib/package.json') as { version: string };
  return [`pdf-lib@${pdfLib.version}`];
}
