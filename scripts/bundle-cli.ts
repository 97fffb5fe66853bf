/**
 * Bundles the CLI (src/node/cli.ts and the libraries it imports: handlebars, gray-matter, yaml,
 * marked, fflate) into one ES module, dist/node/dialogkit.mjs, which bin/dialogkit.js runs. Node then
 * reads one file instead of 243 modules, and no CommonJS through its module lexer:
 * importing the CLI took 130-170 ms and takes 50-80 ms (Node 20, the 2-core machine), a third of
 * a rebuild that changes nothing. Run by `npm run compile`.
 *
 * pdfmake stays our own build (dist/vendor/pdfmake.mjs, imported as `#pdfmake` when the first
 * document is typeset), pdf-lib stays a package (imported only to tile flip-chart sheets), and
 * worker threads run tsc's dist/node/build-worker.js. Paths the CLI finds from its own location
 * (templates/, dist/browser/, package.json) are the same from dist/node/dialogkit.mjs as from dist/node/cli.js.
 * It ends by writing dist/code-hash.txt (scripts/code-hash.ts).
 */
import { build } from 'esbuild';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { writeCodeHash } from './code-hash.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

await build({
  entryPoints: [`${ROOT}src/node/cli.ts`],
  outfile: `${ROOT}dist/node/dialogkit.mjs`,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  external: [...builtinModules, 'node:*', '#pdfmake', 'pdf-lib'],
  // The CommonJS libraries require Node's modules; an ES module has no `require` of its own.
  banner: {
    js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);",
  },
  sourcemap: true,
  logLevel: 'warning',
});

// Last, over everything the CLI runs: the hash of the code, part of every fingerprint.
writeCodeHash(`${ROOT}dist`);
