/**
 * Compiles `dist/` as `npm run compile` does (tsc, our pdfmake build, the bundled CLI, the
 * esbuild browser bundles) once per run, before any worker starts, for the tests that spawn
 * `bin/dialogkit.js`, publish the page or render with our pdfmake. Compiling inside a test file while other files
 * run the executable from the same `dist/` was a race.
 *
 * Skipped when `dist/` is newer than everything it is made from: `npm install` has just compiled
 * it on a fresh clone, and a run after no edit need not wait for it again (about 5 s at the
 * run's start, when no test can run).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);

/** What the three steps read: sources, layouts, build scripts and patches, settings, installed packages. */
const INPUTS = [
  'src',
  'templates',
  'scripts',
  'patches',
  'tsconfig.json',
  'tsconfig.build.json',
  'package.json',
  'package-lock.json',
  'node_modules/.package-lock.json',
];
/** One file of tsc's output, our pdfmake, the CLI bundle and the five browser bundles; each step rewrites every file it makes. */
const OUTPUTS = [
  'dist/node/cli.js',
  'dist/node/dialogkit.mjs',
  'dist/vendor/pdfmake.mjs',
  'dist/code-hash.txt',
  'dist/browser/dialogkit-kit.js',
  'dist/browser/dialogkit-site.js',
  'dist/browser/dialogkit-preview.js',
  'dist/browser/dialogkit-emoji.js',
  'dist/browser/dialogkit-preview-worker.js',
];

/** The e2e and browser projects both name this file; one compile serves both. */
const shared = globalThis as { dialogkitCompiled?: boolean };

export function setup(): void {
  if (shared.dialogkitCompiled) return;
  if (!upToDate()) {
    const run = (args: string[]) => execFileSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    run([require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json']);
    run(['--import', 'tsx', 'scripts/pdfmake/build.ts']);
    run(['--import', 'tsx', 'scripts/bundle-cli.ts']);
    run(['--import', 'tsx', 'scripts/bundle-kit.ts']);
  }
  shared.dialogkitCompiled = true;
}

function upToDate(): boolean {
  const made = OUTPUTS.map((path) => modified(join(ROOT, path)));
  if (made.some((time) => time === undefined)) return false;
  return Math.max(...INPUTS.map((path) => newest(join(ROOT, path)))) <= Math.min(...(made as number[]));
}

/** The newest modification time of a file, or of anything in a folder (0 when absent). */
function newest(path: string): number {
  const own = modified(path) ?? 0;
  let entries;
  try {
    entries = readdirSync(path, { recursive: true, withFileTypes: true });
  } catch {
    return own; // a file, or nothing
  }
  return entries.reduce((latest, entry) => Math.max(latest, modified(join(entry.parentPath, entry.name)) ?? 0), own);
}

function modified(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}
