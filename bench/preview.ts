/**
 * `dialogkit preview`, measured for each kind of edit an editor makes: the preview on a copy of
 * the topics and templates, its page open in Chromium, and five saves of each kind. For each:
 * save → the product's file replaced on disk, and save → the product redrawn on the page (every
 * page of it drawn, text layer included), as medians, and as ratios to a cold `build` of the
 * same topics in the same run (median of three), so a loaded machine shows as a loaded machine.
 *
 *   npx tsx bench/preview.ts        (also run by `npm run bench`)
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SAVES = 5;
const TOPIC = 'digitale-fuldmagter';

/** One kind of edit: the file it saves, how the i-th save changes it, the product to watch, and a word to find on the page. */
interface Edit {
  kind: string;
  file: 'topic' | 'drejebog.hbs' | 'labels.yml';
  change(text: string, i: number): string;
  product: string;
  word?: (i: number) => string;
}

const EDITS: Edit[] = [
  {
    kind: 'a word in the legal background',
    file: 'topic',
    change: (t, i) => t.replace(/(### Vejledningspligt\n\n[^\n]*?)\.\n/, `$1 zebra${i}.\n`),
    product: 'handout.pdf',
    word: (i) => `zebra${i}`,
  },
  {
    kind: 'a tip',
    file: 'topic',
    change: (t, i) => t.replace('Så får I mere tid til dialogen.', `Så får I mere tid til dialogen tapir${i}.`),
    product: 'drejebog.pdf',
    word: (i) => `tapir${i}`,
  },
  {
    kind: 'a dialogue question',
    file: 'topic',
    change: (t, i) => t.replace(/(### Dialogspørgsmål\n\n- [^\n]*?)\?/, `$1 okapi${i}?`),
    product: 'drejebog.pdf',
    word: (i) => `okapi${i}`,
  },
  {
    kind: 'a step title (five products)',
    file: 'topic',
    change: (t, i) => t.replace('Rammesæt emnet', `Rammesæt emnet lama${i}`),
    product: 'drejebog.pdf',
    word: (i) => `lama${i}`,
  },
  {
    kind: 'the minutes of a step',
    file: 'topic',
    change: (t, i) => t.replace('## Trin 1 (16 min)', `## Trin 1 (${i % 2 === 0 ? 15 : 14} min)`),
    product: 'koereplan.pdf',
  },
  {
    kind: 'a front-matter value (publisher)',
    file: 'topic',
    change: (t, i) => t.replace(/^publisher: (.*)$/m, `publisher: $1 ibis${i}`),
    product: 'drejebog.pdf',
    word: (i) => `ibis${i}`,
  },
  {
    kind: 'a layout setting (guide font size)',
    file: 'drejebog.hbs',
    change: (t, i) => t.replace('fontSize: 10.5', `fontSize: ${i % 2 === 0 ? '10.4' : '10.6'}`),
    product: 'drejebog.pdf',
  },
  {
    kind: 'a label (labels.yml)',
    file: 'labels.yml',
    change: (t, i) => t.replace('questions: Dialogspørgsmål', `questions: Dialogspørgsmål ${i}`),
    product: 'drejebog.pdf',
  },
];

export interface PreviewFigures {
  coldMs: number;
  rows: { kind: string; diskMs: number; drawnMs: number }[];
}

export async function runPreviewBench(): Promise<PreviewFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'dialogkit-bench-preview-'));
  const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const content = join(dir, 'content');
    const templates = join(dir, 'templates');
    cpSync(join(ROOT, 'content'), content, { recursive: true });
    cpSync(join(ROOT, 'templates'), templates, { recursive: true });
    const colds: number[] = [];
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      const r = spawnSync(process.execPath, ['bin/dialogkit.js', 'build', '-q', '--content', content, '--out', join(dir, `cold-${run}`)], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      colds.push(performance.now() - started);
      if (r.status !== 0 && r.status !== 1) throw new Error(r.stderr);
    }
    const out = join(dir, 'out');
    const child = spawn(
      process.execPath,
      ['bin/dialogkit.js', 'preview', '--content', content, '--templates', templates, '--out', out, '--port', '0'],
      { cwd: ROOT },
    );
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    try {
      for (let waited = 0; !/Preview: (\S+)/.test(stdout); waited += 20) {
        if (waited > 120_000 || child.exitCode !== null) throw new Error('the preview did not start');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const origin = /Preview: (http:\/\/\S+?)\/\n/.exec(stdout)![1]!;
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(`${origin}/_preview/${TOPIC}/`);
      await page.waitForSelector('body[data-drawn]', { timeout: 120_000 });
      const paths = {
        topic: join(content, `${TOPIC}.md`),
        'drejebog.hbs': join(templates, 'drejebog.hbs'),
        'labels.yml': join(templates, 'labels.yml'),
      };
      const rows: PreviewFigures['rows'] = [];
      for (const edit of EDITS) {
        const original = readFileSync(paths[edit.file], 'utf8');
        const disk: number[] = [];
        const drawn: number[] = [];
        for (let i = 1; i <= SAVES; i++) {
          await new Promise((resolve) => setTimeout(resolve, 300)); // as between two saves in an editor
          const target = join(out, TOPIC, edit.product);
          const before = statSync(target).mtimeMs;
          const version = await page
            .locator(`.column[data-file="${edit.product}"]`)
            .evaluate((c) => c.querySelector<HTMLElement>('.pdf-pages')?.dataset['version']);
          const changed = edit.change(original, i);
          if (changed === original) throw new Error(`the edit "${edit.kind}" changes nothing`);
          const started = performance.now();
          writeFileSync(paths[edit.file], changed);
          const onPage = page.waitForFunction(
            ([file, old, word]) => {
              const pages = document.querySelector<HTMLElement>(`.column[data-file="${file}"] .pdf-pages`);
              return pages?.dataset['version'] !== old && (word === '' || (pages?.textContent ?? '').includes(word!));
            },
            [edit.product, version ?? '', edit.word?.(i) ?? ''],
            { polling: 'raf', timeout: 60_000 },
          );
          for (let waited = 0; statSync(target).mtimeMs === before; waited++) {
            if (waited > 30_000) throw new Error(`${edit.product} was not written after "${edit.kind}"`);
            await new Promise((resolve) => setTimeout(resolve, 1));
          }
          disk.push(performance.now() - started);
          await onPage;
          drawn.push(performance.now() - started);
        }
        writeFileSync(paths[edit.file], original);
        await new Promise((resolve) => setTimeout(resolve, 1500)); // the rebuild after putting it back
        rows.push({ kind: edit.kind, diskMs: median(disk), drawnMs: median(drawn) });
      }
      return { coldMs: median(colds), rows };
    } finally {
      // Wait for the preview to stop: it may still be writing into `dir`, which is removed next.
      const exited = child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve)) : Promise.resolve();
      child.kill('SIGINT');
      await exited;
    }
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
  }
}

/** Runs the preview benchmark and prints a table. */
export async function printPreviewBench(): Promise<void> {
  const r = await runPreviewBench();
  console.log(
    `preview, ${SAVES} saves of each kind of edit to ${TOPIC}.md (medians; ratios to a cold build of content/, ${r.coldMs.toFixed(0)} ms, in the same run):`,
  );
  console.log(
    `  ${'edit'.padEnd(38)}${'on disk'.padStart(10)}${'redrawn'.padStart(10)}${'disk/cold'.padStart(11)}${'drawn/cold'.padStart(12)}`,
  );
  for (const row of r.rows)
    console.log(
      `  ${row.kind.padEnd(38)}${`${row.diskMs.toFixed(0)} ms`.padStart(10)}${`${row.drawnMs.toFixed(0)} ms`.padStart(10)}${(row.diskMs / r.coldMs).toFixed(3).padStart(11)}${(row.drawnMs / r.coldMs).toFixed(3).padStart(12)}`,
    );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await printPreviewBench();
