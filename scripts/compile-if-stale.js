/**
 * Compiles `dist/` as `npm run compile` does (tsc, our pdfmake build, the bundled CLI, the
 * esbuild browser bundles), unless `dist/` is newer than everything it is made from. One place
 * for that decision: `npm run build` and `npm run dev` run this file, and the tests' global setup
 * (test/setup/compile.ts) imports it. A no-change `npm run build` spent ~14 s compiling under
 * load for 0.3 s of building.
 *
 *   node scripts/compile-if-stale.js     compile when stale, say nothing otherwise
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const require = createRequire(import.meta.url);

/** What the steps read: sources, layouts, build scripts and patches, settings, installed packages. */
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
/** One file of tsc's output, our pdfmake, the CLI bundle and the browser bundles; each step rewrites every file it makes. */
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
  'dist/browser/dialogkit-live.js',
];

/** Whether every output exists and is newer than every input. */
export function upToDate() {
  const made = OUTPUTS.map((path) => modified(join(ROOT, path)));
  if (made.some((time) => time === undefined)) return false;
  return Math.max(...INPUTS.map((path) => newest(join(ROOT, path)))) <= Math.min(...made);
}

/** The four steps of `npm run compile`, in order. */
export function compile() {
  const run = (args) => execFileSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  run([require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json']);
  run(['--import', 'tsx', 'scripts/pdfmake/build.ts']);
  run(['--import', 'tsx', 'scripts/bundle-cli.ts']);
  run(['--import', 'tsx', 'scripts/bundle-kit.ts']);
}

/** Compiles when stale; returns whether it did. */
export function compileIfStale() {
  if (upToDate()) return false;
  compile();
  return true;
}

// --- internal ---

/** The newest modification time of a file, or of anything in a folder (0 when absent). */
function newest(path) {
  const own = modified(path) ?? 0;
  let entries;
  try {
    entries = readdirSync(path, { recursive: true, withFileTypes: true });
  } catch {
    return own; // a file, or nothing
  }
  return entries.reduce((latest, entry) => Math.max(latest, modified(join(entry.parentPath, entry.name)) ?? 0), own);
}

function modified(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) compileIfStale();
