/**
 * The pathological corpus: topics within the 1 MB cap built to make the parser slow (emphasis
 * marks that never close, deep nesting, thousands of prompts, steps or list items). Each is
 * checked in this process as `dialogkit check` does; every one must finish in under 2 s. Those the
 * checker accepts are then built (every product, in this process): each must finish in under 15 s.
 *
 *   npx tsx bench/pathological.ts      (also run at the end of `npm run bench`)
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, checkAll } from '../src/core/build/build.js';
import { MAX_TOPIC_BYTES } from '../src/core/parse/parse-topic.js';
import { loadFonts, loadLayouts } from '../src/node/load.js';

const BOUND_MS = 2000;
const BUILD_BOUND_MS = 15_000;
const seed = readFileSync(fileURLToPath(new URL('../test/fixtures/valid/minimal.md', import.meta.url)), 'utf8');
const [frontMatter, body] = [seed.slice(0, seed.indexOf('## Om emnet')), seed.slice(seed.indexOf('## Om emnet'))];

/** Repeats `unit` until the topic is just under the size cap. */
function fill(unit: string, separator = '\n\n'): string {
  const room = MAX_TOPIC_BYTES - new TextEncoder().encode(seed).length - 1000;
  const count = Math.max(1, Math.floor(room / (new TextEncoder().encode(unit).length + separator.length)));
  return Array.from({ length: count }, () => unit).join(separator);
}

/** Name → topic text. Each adds its mass to the seed's "Om emnet" or to a step. */
export function pathologicalCorpus(): [string, string][] {
  const about = (extra: string) => frontMatter + body.replace('## Om emnet\n', `## Om emnet\n\n${extra}\n`);
  const flip = (extra: string) => seed.replace('- Hvad er svært?', `- Hvad er svært?\n${extra}`);
  return [
    ['emphasis never closed, one paragraph', about('*a **b '.repeat(140_000))],
    ['emphasis never closed, many paragraphs', about(fill('*a **b '.repeat(20)))],
    ['underscores never closed', about('_a __b '.repeat(140_000))],
    ['balanced bold, 1 MB', about(fill('Dette er **fed** og *kursiv* tekst, helt almindeligt. '.repeat(8)))],
    ['3,000 nested block quotes', about('>'.repeat(3000) + ' dybt')],
    ['block quotes 8 deep, 1 MB', about(fill('> > > > > > > > dybt citat'))],
    ['lists 8 deep, 1 MB', about(fill(Array.from({ length: 8 }, (_, i) => `${'  '.repeat(i)}- niveau ${i + 1}`).join('\n')))],
    ['lists 40 deep', about(Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}- niveau ${i + 1}`).join('\n'))],
    ['5,000 flip-chart prompts', flip(Array.from({ length: 5000 }, (_, i) => `- Spørgsmål ${i + 1}?`).join('\n'))],
    ['flat list, 1 MB', about(fill('- et punkt på listen', '\n'))],
    [
      '5,000 steps',
      seed.replace(
        '## Praktiske råd',
        `${Array.from({ length: 5000 }, (_, i) => `## Trin ${i + 6} (1 min): Trin\n\nTekst.\n`).join('\n')}\n## Praktiske råd`,
      ),
    ],
    ['20,000 open brackets', about('['.repeat(20_000) + 'x')],
    ['one reference link used 160,000 times (640 KB)', about(`[a]: https://www.borger.dk\n\n${'[a] '.repeat(160_000)}`)],
    ['one word of 900,000 letters', about('a'.repeat(900_000))],
  ];
}

/** Checks every case, and builds those the checker accepts; returns the names of those over a bound. */
export async function runPathological(print: (line: string) => void = console.log): Promise<string[]> {
  const slow: string[] = [];
  const accepted: [string, Uint8Array][] = [];
  print(`pathological corpus (each ≤ 1 MB, \`check\` in-process, bound ${BOUND_MS} ms)`);
  for (const [name, text] of pathologicalCorpus()) {
    const bytes = new TextEncoder().encode(text);
    const started = performance.now();
    const { diagnostics } = checkAll([{ path: 'content/topic.md', bytes }]);
    const ms = performance.now() - started;
    if (ms > BOUND_MS) slow.push(name);
    const first = diagnostics.find((d) => d.severity === 'error') ?? diagnostics[0];
    if (!diagnostics.some((d) => d.severity === 'error')) accepted.push([name, bytes]);
    print(
      `  ${ms > BOUND_MS ? 'SLOW' : 'ok  '} ${String(Math.round(ms)).padStart(6)} ms  ${(bytes.length / 1000).toFixed(0).padStart(4)} kB  ${name}${first ? ` → ${first.line}: ${first.message.slice(0, 70)}` : ''}`,
    );
  }
  print(`accepted cases, built in-process with every product (bound ${BUILD_BOUND_MS} ms)`);
  const [templates, fonts] = await Promise.all([loadLayouts(), loadFonts()]);
  for (const [name, bytes] of accepted) {
    const started = performance.now();
    const result = await build({ topics: [{ path: 'content/topic.md', bytes }], ...templates, fonts, options: {} });
    const ms = performance.now() - started;
    if (ms > BUILD_BOUND_MS) slow.push(`${name} (build)`);
    const pages = result.topics[0]?.files.reduce((n, f) => n + (f.pages ?? 0), 0) ?? 0;
    print(
      `  ${ms > BUILD_BOUND_MS ? 'SLOW' : 'ok  '} ${String(Math.round(ms)).padStart(6)} ms  ${String(pages).padStart(4)} pages  ${name}`,
    );
  }
  return slow;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = (await runPathological()).length > 0 ? 1 : 0;
