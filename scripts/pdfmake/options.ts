/**
 * How pdfmake is bundled, shared by the Node build (build.ts) and the browser kit (bundle-kit.ts):
 * the same sources, the same patches and the same JavaScript deflate (browserify-zlib over pako)
 * in both, so the CLI and the download page write the same bytes. Only the platform's own
 * modules differ: Node's `events`, `stream`, `util`, `assert` and `buffer` in Node, small
 * stand-ins in the browser. Nothing in the bundle reads files (fs.js).
 */
import type { BuildOptions, Plugin } from 'esbuild';
import { fileURLToPath } from 'node:url';

const HERE = fileURLToPath(new URL('./', import.meta.url));
export const PDFMAKE_ENTRY = `${HERE}entry.js`;

/** Options every pdfmake bundle shares. */
export const pdfmakeCommon = {
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  // pdfkit and pdfmake's virtual file system name paths after `__dirname`; there is no directory.
  define: { __dirname: '"/"' },
  loader: { '.icc': 'binary' },
  alias: {
    fs: `${HERE}fs.js`,
    // The one implementation of deflate for every platform: output bytes depend on it.
    zlib: 'browserify-zlib',
  },
} satisfies BuildOptions;

/** Browser-only stand-ins for Node's modules (Node's bundle imports the real ones). */
export const browserShims = {
  alias: {
    stream: 'stream-browserify',
    util: `${HERE}util.cjs`,
    assert: `${HERE}assert.cjs`,
  },
  inject: [`${HERE}process.js`],
} satisfies BuildOptions;

/** pdfmake's own modules get emitters without a listener limit (events.js); everyone else gets `events`. */
export const pdfmakeEvents: Plugin = {
  name: 'pdfmake-events',
  setup(build) {
    build.onResolve({ filter: /^events$/ }, (args) =>
      /[\\/]pdfmake[\\/]src[\\/]/.test(args.importer) ? { path: `${HERE}events.js` } : undefined,
    );
  },
};

/** pdfkit's fontkit parses each font file once per process (fontkit.js). */
export const pdfkitFontkit: Plugin = {
  name: 'pdfkit-fontkit',
  setup(build) {
    build.onResolve({ filter: /^fontkit$/ }, (args) =>
      /[\\/]pdfkit[\\/]js[\\/]/.test(args.importer) ? { path: `${HERE}fontkit.js` } : undefined,
    );
  },
};

/** Lets the browser kit import `#pdfmake` (package.json `imports`) from the sources, not from dist/. */
export const pdfmakeFromSources: Plugin = {
  name: 'pdfmake-from-sources',
  setup(build) {
    build.onResolve({ filter: /^#pdfmake$/ }, () => ({ path: PDFMAKE_ENTRY }));
  },
};
