/**
 * Bundles src/browser/kit.ts for browsers with esbuild, embedding the shipped text fonts, layouts
 * and labels, into dist/browser/dialogkit-kit.js, and the emoji font into a script of its own,
 * dist/browser/dialogkit-emoji.js, which the kit loads only for a text with an emoji
 * (src/browser/emoji-font.ts). Run by `npm run compile`; the CLI copies the files next to
 * index.html. pdfmake is built from its patched sources exactly as for Node
 * (scripts/pdfmake/options.ts), with browser stand-ins for the Node modules it uses; the core
 * imports no node:* module, and gray-matter's `fs` is pdfmake's stand-in (never called here).
 */
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { EMOJI_GLOBAL } from '../src/browser/emoji-font.js';
import { WORD_GLOBAL } from '../src/browser/word-script.js';
import { toolIdentity } from '../src/core/build/fingerprint.js';
import { CODE_HASH_FILE } from './code-hash.js';
import { browserShims, pdfkitFontkit, pdfmakeCommon, pdfmakeEvents, pdfmakeFromSources } from './pdfmake/options.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const require = createRequire(import.meta.url);
// The PDF layouts only; index.hbs is the page itself.
const templates = readdirSync(`${ROOT}templates`)
  .filter((n) => n.endsWith('.hbs') && n !== 'index.hbs')
  .sort();
const font = (face: string) =>
  JSON.stringify(require.resolve(`@expo-google-fonts/atkinson-hyperlegible/${face}/AtkinsonHyperlegible_${face}.ttf`));
const emoji = JSON.stringify(require.resolve('@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf'));

// The CLI's name for itself in fingerprints (scripts/bundle-cli.ts wrote the code's hash just before).
const tool = toolIdentity(
  (JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { version: string }).version,
  readFileSync(`${ROOT}dist/${CODE_HASH_FILE}`, 'utf8').trim(),
);

// Every browser file is one classic script (IIFE), so it also runs from a page opened from disk,
// and the kit also as a classic worker.
const common = {
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  minify: true,
  legalComments: 'external',
  metafile: true,
  logLevel: 'warning',
} as const;

// The emoji font first: the kit asks for it by an address with a version of its bytes, as the
// page asks for the kit (src/node/publish.ts), so a cached old font is never paired with a new kit.
const emojiScript = await build({
  ...common,
  stdin: { contents: `import font from ${emoji};\nglobalThis.${EMOJI_GLOBAL} = font;\n`, resolveDir: ROOT, sourcefile: 'emoji-entry.js' },
  outfile: `${ROOT}dist/browser/dialogkit-emoji.js`,
  loader: { '.ttf': 'binary' },
});
const emojiVersion = versionOf('dialogkit-emoji.js');

// The Word writer (the docx package) in a script of its own, loaded only for a kit with Word files.
const wordScript = await build({
  ...common,
  stdin: {
    contents: `import { writeDocx } from './src/core/word/docx-writer.ts';\nglobalThis.${WORD_GLOBAL} = writeDocx;\n`,
    resolveDir: ROOT,
    sourcefile: 'word-entry.ts',
    loader: 'ts',
  },
  outfile: `${ROOT}dist/browser/dialogkit-word.js`,
});
const wordVersion = versionOf('dialogkit-word.js');

/** The kit's own script leaves the Word writer out: `word-writer.ts` imports it only where no loader was set (the CLI). */
const wordWriterApart = {
  name: 'word-writer-apart',
  setup(b: import('esbuild').PluginBuild) {
    b.onResolve({ filter: /\/docx-writer\.js$/ }, (args) => ({ path: args.path, external: true }));
  },
};

// A generated entry: one import per asset, so a new layout in templates/ is bundled without code changes.
const entry = `
import { makeKit } from './src/browser/kit.ts';
import { inWorker, serveKit } from './src/browser/kit-worker.ts';
import { emojiLoader } from './src/browser/emoji-font.ts';
import { wordLoader } from './src/browser/word-script.ts';
import { setWordWriterLoader } from './src/core/word/word-writer.ts';
import { zipFiles } from './src/core/publish/archive.ts';
import { parseAdaptation } from './src/core/adapt/adaptation.ts';
${templates.map((n, i) => `import layout${i} from './templates/${n}';`).join('\n')}
import labels from './templates/labels.yml';
import regular from ${font('400Regular')};
import bold from ${font('700Bold')};
import italic from ${font('400Regular_Italic')};
import boldItalic from ${font('700Bold_Italic')};
// Next to this script: the worker's address is the script's, and a page's is read while it runs.
const here = inWorker() ? self.location.href : (document.currentScript?.src ?? location.href);
const assets = {
  layouts: [${templates.map((n, i) => `{ name: ${JSON.stringify(n.replace(/\.hbs$/, ''))}, path: ${JSON.stringify(`templates/${n}`)}, text: layout${i} }`).join(', ')}],
  labels: { name: 'labels', path: 'templates/labels.yml', text: labels },
  fonts: {
    Atkinson: { normal: regular, bold, italics: italic, bolditalics: boldItalic },
  },
  emoji: emojiLoader(new URL(${JSON.stringify(`dialogkit-emoji.js?v=${emojiVersion}`)}, here).href, inWorker()),
  tool: ${JSON.stringify(tool)},
};
setWordWriterLoader(wordLoader(new URL(${JSON.stringify(`dialogkit-word.js?v=${wordVersion}`)}, here).href, inWorker()));
const api = {
  makeKit: (topic, options) => makeKit(assets, topic, options),
  zipFiles,
  readAdaptation: (text) => parseAdaptation({ path: 'tilpasning.yml', text }),
};
// The same file is the page's Web Worker (see src/browser/kit-runner.ts) or a script on the page.
if (inWorker()) serveKit(api);
else globalThis.dialogkit = api;
`;

const result = await build({
  ...common,
  stdin: { contents: entry, resolveDir: ROOT, sourcefile: 'kit-entry.ts', loader: 'ts' },
  outfile: `${ROOT}dist/browser/dialogkit-kit.js`,
  define: pdfmakeCommon.define,
  loader: { ...pdfmakeCommon.loader, '.hbs': 'text', '.yml': 'text', '.ttf': 'binary' },
  alias: { ...pdfmakeCommon.alias, ...browserShims.alias },
  inject: [`${ROOT}scripts/buffer-shim.js`, ...browserShims.inject],
  plugins: [pdfmakeFromSources, pdfmakeEvents, pdfkitFontkit, wordWriterApart],
});

// The minutes maker the screen edition loads on "Hent referat" (src/browser/referat.ts): pdfmake
// as the kit has it, the regular and bold faces (the minutes set nothing in italics), and docx.
const referat = await build({
  ...common,
  stdin: {
    contents: `
import { referatMaker, REFERAT_GLOBAL } from './src/browser/referat.ts';
import regular from ${font('400Regular')};
import bold from ${font('700Bold')};
globalThis[REFERAT_GLOBAL] = referatMaker({ Atkinson: { normal: regular, bold, italics: regular, bolditalics: bold } });
`,
    resolveDir: ROOT,
    sourcefile: 'referat-entry.ts',
    loader: 'ts',
  },
  outfile: `${ROOT}dist/browser/dialogkit-referat.js`,
  define: pdfmakeCommon.define,
  loader: { ...pdfmakeCommon.loader, '.ttf': 'binary' },
  alias: { ...pdfmakeCommon.alias, ...browserShims.alias },
  inject: [`${ROOT}scripts/buffer-shim.js`, ...browserShims.inject],
  plugins: [pdfmakeFromSources, pdfmakeEvents, pdfkitFontkit],
});

// The previews' pdf.js: its worker, an ES module (pdf.js starts it as a module worker), named by
// the page script by a version of its bytes; then the page's own script and pdf.js itself.
const previewWorker = await build({
  ...common,
  format: 'esm',
  entryPoints: [require.resolve('pdfjs-dist/build/pdf.worker.mjs')],
  outfile: `${ROOT}dist/browser/dialogkit-preview-worker.js`,
});
const page = await Promise.all([
  build({ ...common, entryPoints: [`${ROOT}src/browser/site.ts`], outfile: `${ROOT}dist/browser/dialogkit-site.js` }),
  build({
    ...common,
    entryPoints: [`${ROOT}src/browser/preview.ts`],
    outfile: `${ROOT}dist/browser/dialogkit-preview.js`,
    define: { PREVIEW_WORKER: JSON.stringify(`dialogkit-preview-worker.js?v=${versionOf('dialogkit-preview-worker.js')}`) },
  }),
  // `dialogkit preview`'s page (src/browser/live/, with the editor of src/browser/editor/), served by the preview server with the same pdf.js worker.
  build({ ...common, entryPoints: [`${ROOT}src/browser/live/main.ts`], outfile: `${ROOT}dist/browser/dialogkit-live.js` }),
]);
// The editor's worker (src/browser/editor/draft-worker.ts): the CLI's check and build with the
// text fonts; layouts, labels and options come from the preview server, the emoji font from its script.
const editorWorker = await build({
  ...common,
  stdin: {
    contents: `
import { serveDrafts } from './src/browser/editor/draft-worker.ts';
import { emojiLoader } from './src/browser/emoji-font.ts';
import regular from ${font('400Regular')};
import bold from ${font('700Bold')};
import italic from ${font('400Regular_Italic')};
import boldItalic from ${font('700Bold_Italic')};
serveDrafts({ Atkinson: { normal: regular, bold, italics: italic, bolditalics: boldItalic } }, emojiLoader(new URL('dialogkit-emoji.js', self.location.href).href, true));
`,
    resolveDir: ROOT,
    sourcefile: 'editor-worker-entry.ts',
    loader: 'ts',
  },
  outfile: `${ROOT}dist/browser/dialogkit-editor-worker.js`,
  define: pdfmakeCommon.define,
  loader: { ...pdfmakeCommon.loader, '.ttf': 'binary' },
  alias: { ...pdfmakeCommon.alias, ...browserShims.alias },
  inject: [`${ROOT}scripts/buffer-shim.js`, ...browserShims.inject],
  plugins: [pdfmakeFromSources, pdfmakeEvents, pdfkitFontkit, wordWriterApart],
});
for (const output of [emojiScript, wordScript, result, referat, previewWorker, ...page, editorWorker]) {
  for (const [file, { bytes }] of Object.entries(output.metafile.outputs)) {
    if (file.endsWith('.js')) console.log(`${file}: ${(bytes / 1024).toFixed(0)} KiB`);
  }
}

/** A script's version for its address: the first 12 hex digits of its SHA-256, as src/node/publish.ts names the page's scripts. */
function versionOf(name: string): string {
  return createHash('sha256')
    .update(readFileSync(`${ROOT}dist/browser/${name}`))
    .digest('hex')
    .slice(0, 12);
}
