/**
 * Builds dist/vendor/pdfmake.mjs, the pdfmake that the CLI imports: one ES module (no CommonJS
 * for Node to scan at start-up), from pdfmake's patched sources, with the same deflate as the
 * browser kit (options.ts). Run by `npm run compile`, after checking the pinned versions (pinned.ts).
 */
import { build } from 'esbuild';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { PDFMAKE_ENTRY, pdfkitFontkit, pdfmakeCommon, pdfmakeEvents } from './options.js';
import { assertPinned } from './pinned.js';

// First: the packages are the versions our patches and fontkit.js were written for.
assertPinned();

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

await build({
  ...pdfmakeCommon,
  entryPoints: [PDFMAKE_ENTRY],
  outfile: `${ROOT}dist/vendor/pdfmake.mjs`,
  format: 'esm',
  // Node's own modules stay Node's; CommonJS dependencies (browserify-zlib) require them.
  external: builtinModules.filter((name) => name !== 'fs' && name !== 'zlib'),
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  plugins: [pdfmakeEvents, pdfkitFontkit],
  legalComments: 'none',
  logLevel: 'warning',
});
