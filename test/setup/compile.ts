/**
 * Compiles `dist/` (tsc + the esbuild browser bundles) once per run, before any worker starts, for
 * the tests that spawn `bin/dialogkit.js` or publish the page. Compiling inside a test file
 * while other files run the executable from the same `dist/` was a race.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);

/** The e2e and browser projects both name this file; one compile serves both. */
const shared = globalThis as { dialogkitCompiled?: boolean };

export function setup(): void {
  if (shared.dialogkitCompiled) return;
  const run = (args: string[]) => execFileSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  run([require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json']);
  run(['--import', 'tsx', 'scripts/bundle-kit.ts']);
  shared.dialogkitCompiled = true;
}
